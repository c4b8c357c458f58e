import { readEnv } from '~/env.server'

describe('the environment', () => {
  it('requires PUBLIC_ORIGIN in production, and says so', () => {
    const read = readEnv({ NODE_ENV: 'production' })
    expect('problems' in read && read.problems.join('\n')).toMatch(/PUBLIC_ORIGIN/)
  })

  it('requires SESSION_SECRET in production, and takes a complete production set-up', () => {
    const read = readEnv({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://rd.tomsk.example' })
    expect('problems' in read && read.problems.join('\n')).toMatch(/SESSION_SECRET/)
    expect(readEnv({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://rd.tomsk.example', SESSION_SECRET: 'a-long-enough-secret' })).toHaveProperty('env')
    expect(readEnv({})).toHaveProperty('env')
  })

  it('keeps only the origin of PUBLIC_ORIGIN, and refuses what is not an http(s) address', () => {
    expect(readEnv({ NODE_ENV: 'production', PUBLIC_ORIGIN: 'https://rd.tomsk.example/some/path?x=1', SESSION_SECRET: 'a-long-enough-secret' })).toMatchObject({ env: { PUBLIC_ORIGIN: 'https://rd.tomsk.example' } })
    expect(readEnv({ PUBLIC_ORIGIN: 'javascript:alert(1)' })).toHaveProperty('problems')
  })

  it('defaults to this machine and PORT outside production', () => {
    expect(readEnv({ PORT: '4123' })).toMatchObject({ env: { PUBLIC_ORIGIN: 'http://localhost:4123' } })
  })

  it('keeps 64 MB of rendered pages unless told otherwise; 0 turns the page cache off, a wrong size is refused', () => {
    expect(readEnv({})).toMatchObject({ env: { PAGE_CACHE_MB: 64 } })
    expect(readEnv({ PAGE_CACHE_MB: '0' })).toMatchObject({ env: { PAGE_CACHE_MB: 0 } })
    for (const wrong of ['-1', 'lots', '1.5']) expect(readEnv({ PAGE_CACHE_MB: wrong })).toHaveProperty('problems')
  })
})
