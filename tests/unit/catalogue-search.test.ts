import { parseLabSearch, parseRequestSearch, queryHasNoWords } from '~/modules/search/catalogue-search.server'

const url = (query: string) => new URL(`http://localhost/requests?${query}`)

describe('catalogue URLs', () => {
  it('turn chosen facets into structured filters, published requests by default', () => {
    const parsed = parseRequestSearch(url('q=сварка&alliance=robotics&alliance=vision&field=2.3&budget=1to5m&trl=5&sort=deadline'))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.filters).toEqual([
      { field: 'status', op: 'in', values: ['published'] },
      { field: 'alliance', op: 'in', values: ['robotics', 'vision'] },
      { field: 'oecdField', op: 'in', values: ['2.3'] },
      { field: 'budgetBand', op: 'in', values: ['1to5m'] },
      { field: 'trlNow', op: 'range', lte: 5 },
      { field: 'trlWanted', op: 'range', gte: 5 },
    ])
    expect(parsed.value.sort).toEqual([{ field: 'deadline', direction: 'asc' }])
  })

  it.each([
    'alliance=space',
    'field=9.9',
    "field=2.3' OR 1=1",
    'status=draft',
    'trl=abc',
    'trl=12',
    'page=-1',
    'page=99999',
    'budget=free',
  ])('refuse %s instead of guessing', (query) => {
    expect(parseRequestSearch(url(query)).ok).toBe(false)
  })

  it('ignore empty parameters a plain GET form sends', () => {
    const parsed = parseLabSearch(new URL('http://localhost/labs?q=&trl=&orgType=university'))
    expect(parsed.ok && parsed.value.filters).toEqual([{ field: 'organisationType', op: 'in', values: ['university'] }])
  })
})

describe('a query without words', () => {
  it.each(['!@#$%^&*()', '«»—;:', ' и в на ', 'the and of'])('%s is one the page explains, since the engines search it as an empty query', (q) => {
    expect(queryHasNoWords(q)).toBe(true)
  })

  it.each(['', '   ', 'спектрометр', 'TRL 5', 'C++'])('%s is not', (q) => {
    expect(queryHasNoWords(q)).toBe(false)
  })
})
