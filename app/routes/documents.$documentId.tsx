import fs from 'node:fs'
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from '@remix-run/node'
import { contentDisposition, openDocument } from '~/modules/documents/access.server'
import { requireActor } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { loaderValue } from '~/modules/http/respond.server'

// A stored document, to the people the records holding it allow: the contract's two parties and the
// administration. Always a download, typed by its content, never sniffed by the browser.
export function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  const { file, name, mime, size } = loaderValue(openDocument(actor, parseId(params.documentId)), { conceal: true })
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file)), {
    headers: {
      'Content-Type': mime,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  })
}
