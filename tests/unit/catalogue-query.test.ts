import { parseLabSearch, parseRequestSearch, QUERY_MAX_LENGTH, queryWasShortened } from '~/modules/search/catalogue-search.server'

// A query longer than the search box takes (a pasted page, a crafted link) is searched by its start
// and the page says so; it is never refused as a malformed address.

describe('catalogue queries past the search box length', () => {
  test('a query of 10,000 characters is cut to the box length and flagged as shortened', () => {
    const url = new URL(`http://localhost/requests?q=${encodeURIComponent(`датчики ${'давление '.repeat(1200)}`.slice(0, 10_000))}&alliance=arctic`)
    const parsed = parseRequestSearch(url)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.q).toHaveLength(QUERY_MAX_LENGTH)
    expect(parsed.value.q.startsWith('датчики давление')).toBe(true)
    expect(queryWasShortened(url)).toBe(QUERY_MAX_LENGTH)
  })

  test('a query within the box length is kept whole and not flagged', () => {
    const url = new URL(`http://localhost/labs?q=${encodeURIComponent('лазерная резка')}`)
    const parsed = parseLabSearch(url)
    expect(parsed.ok && parsed.value.q).toBe('лазерная резка')
    expect(queryWasShortened(url)).toBeNull()
  })
})
