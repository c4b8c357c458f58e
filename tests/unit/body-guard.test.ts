import fs from 'node:fs'
import path from 'node:path'
import { acceptsFiles, bodyRefusal, MAX_FORM_BYTES, type BodyHead } from '~/modules/http/body-guard'

const post = (head: Partial<BodyHead>): BodyHead => ({ method: 'POST', path: '/org', contentType: 'application/x-www-form-urlencoded', contentLength: '20', transferEncoding: undefined, ...head })

describe('the body a request may carry', () => {
  it('lets a form through and says why anything else is refused', () => {
    expect(bodyRefusal(post({}))).toBeNull()
    expect(bodyRefusal(post({ contentType: 'application/x-www-form-urlencoded;charset=UTF-8' }))).toBeNull()
    expect(bodyRefusal(post({ contentType: 'text/plain' }))?.status).toBe(415)
    expect(bodyRefusal(post({ contentType: 'application/json' }))?.status).toBe(415)
    expect(bodyRefusal(post({ contentType: undefined }))?.status).toBe(415)
    expect(bodyRefusal(post({ contentType: 'multipart/form-data' }))?.status).toBe(400)
    expect(bodyRefusal(post({ contentType: 'multipart/form-data; boundary=----x' }))).toBeNull()
    expect(bodyRefusal({ method: 'GET', path: '/', contentType: 'text/plain', contentLength: '5', transferEncoding: undefined })).toBeNull()
    expect(bodyRefusal(post({ contentType: undefined, contentLength: '0' }))).toBeNull()
  })

  it('refuses a form without files past 1 MB, or of no declared length, before reading it', () => {
    expect(bodyRefusal(post({ contentLength: String(MAX_FORM_BYTES) }))).toBeNull()
    expect(bodyRefusal(post({ contentLength: String(MAX_FORM_BYTES + 1) }))?.status).toBe(413)
    expect(bodyRefusal(post({ contentLength: String(200 * 1024 * 1024), contentType: 'multipart/form-data; boundary=x' }))?.status).toBe(413)
    expect(bodyRefusal(post({ contentLength: undefined, transferEncoding: 'chunked' }))?.status).toBe(411)
    // Where files are sent, the upload reader keeps each file within the document limit.
    expect(bodyRefusal(post({ path: '/contracts/7', contentLength: String(15 * 1024 * 1024), contentType: 'multipart/form-data; boundary=x' }))).toBeNull()
  })

  it('knows every page that reads files', () => {
    const routes = fs.readdirSync(path.resolve('app/routes')).filter((file) => fs.readFileSync(path.resolve('app/routes', file), 'utf8').includes('readUploadForm('))
    expect(routes.length).toBeGreaterThan(0)
    for (const file of routes) {
      const url = '/' + file.replace(/\.tsx?$/, '').replace(/\._index$/, '').split('.').map((part) => (part.startsWith('$') ? '7' : part)).join('/')
      expect(acceptsFiles(url), file).toBe(true)
    }
  })
})
