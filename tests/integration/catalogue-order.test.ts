import { SqliteFtsEngine } from '#search/sqlite-fts'
import { indexRegistry } from '#search/registry'
import { drainOutbox } from '#search/sync'
import { database, db } from '~/db.server'
import { seedDemoData } from '~/modules/demo/seed.server'
import { createLab } from '~/modules/labs/labs.server'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from '../factories/actors'
import { labInput, requestInput } from '../factories/catalogue'
import { parseLabSearch, parseRequestSearch, type CatalogueQuery } from '~/modules/search/catalogue-search.server'

// Issue 13, item 6: a catalogue opened without a query shows first the profiles a reader can read,
// the most complete and recently active among them, never "Latin letters first".

const engine = new SqliteFtsEngine(database.sqlite)

beforeAll(async () => {
  await seedDemoData(db)
  while ((await drainOutbox(db, engine, indexRegistry)).processed > 0);
}, 180_000)

type Ordered = { inRussian: number; inEnglish: number; completeness: number; activeAt: string }

async function firstPage(query: CatalogueQuery<unknown>) {
  const result = await engine.search<Ordered & { id: string }>(query.index, { q: query.q, filters: query.filters, sort: query.sort, page: 1, perPage: 1000 })
  return result.hits.map((h) => h.document)
}

function expectReaderOrder(hits: Ordered[], language: 'inRussian' | 'inEnglish') {
  const key = (h: Ordered) => [h[language], h.completeness, h.activeAt] as const
  for (let i = 1; i < hits.length; i++) {
    const [la, ca, aa] = key(hits[i - 1])
    const [lb, cb, ab] = key(hits[i])
    expect(la > lb || (la === lb && (ca > cb || (ca === cb && aa >= ab))), `${i}: ${JSON.stringify(hits[i - 1])} before ${JSON.stringify(hits[i])}`).toBe(true)
  }
}

describe('a catalogue opened without a query', () => {
  it('shows a Russian reader the labs written in Russian first, the most complete and recently active first among them', async () => {
    const query = parseLabSearch(new URL('http://local/labs'), 'ru')
    if (!query.ok) throw new Error(query.error)
    const hits = await firstPage(query.value)
    expect(hits.length).toBeGreaterThan(20)
    expect(hits.slice(0, 10).every((h) => h.inRussian === 1)).toBe(true)
    expectReaderOrder(hits, 'inRussian')
    // The demo's year of engagements makes activity differ, so recency decides among equals.
    expect(new Set(hits.map((h) => h.activeAt)).size).toBeGreaterThan(5)
  })

  it('shows an English reader the labs written in English first', async () => {
    const query = parseLabSearch(new URL('http://local/labs'), 'en')
    if (!query.ok) throw new Error(query.error)
    const hits = await firstPage(query.value)
    expect(hits[0].inEnglish).toBe(1)
    expectReaderOrder(hits, 'inEnglish')
  })

  it('orders the requests the same way, for readers of either language', async () => {
    for (const [locale, language] of [['ru', 'inRussian'], ['en', 'inEnglish']] as const) {
      const query = parseRequestSearch(new URL('http://local/requests'), locale)
      if (!query.ok) throw new Error(query.error)
      const hits = await firstPage(query.value)
      expect(hits.length).toBeGreaterThan(20)
      expect(hits[0][language], locale).toBe(1)
      expectReaderOrder(hits, language)
    }
  })

  it('keeps relevance order once the reader types a query', () => {
    const query = parseLabSearch(new URL('http://local/labs?q=лидар'), 'ru')
    expect(query.ok && query.value.sort).toEqual([])
  })
})

describe('an English title and summary beside the Russian ones', () => {
  it('are stored with a request and a lab, found by search in either language, and make the profile one an English reader can read', async () => {
    const company = await actorWithOrganisation({ organisationType: 'company', size: 'small' })
    const created = createRequest(company, requestInput({ title: 'Гиперспектральная сортировка руды', titleEn: 'Hyperspectral ore sorting', summaryEn: 'A conveyor sorter that tells ore from waste rock by its spectrum.' }))
    if (!created.ok) throw new Error(created.error)
    expect(changeRequestStatus(company, created.value.id, 'publish').ok).toBe(true)
    const science = await actorWithOrganisation({ organisationType: 'institute', isState: true, size: undefined })
    const lab = createLab(science, labInput({ name: 'Лаборатория спектральной диагностики', nameEn: 'Spectral diagnostics laboratory', descriptionEn: 'We build hyperspectral cameras and classifiers for conveyor sorting.' }))
    if (!lab.ok) throw new Error(lab.error)
    while ((await drainOutbox(db, engine, indexRegistry)).processed > 0);

    const requests = await engine.search<{ id: string; titleEn: string; inRussian: number; inEnglish: number }>('requests', { q: 'waste rock spectrum' })
    const request = requests.hits.find((h) => h.document.id === String(created.value.id))
    expect(request?.document).toMatchObject({ titleEn: 'Hyperspectral ore sorting', inRussian: 1, inEnglish: 1 })
    expect((await engine.search('requests', { q: 'гиперспектральная сортировка' })).hits.some((h) => h.document.id === String(created.value.id))).toBe(true)
    const labs = await engine.search<{ id: string; nameEn: string; inEnglish: number }>('labs', { q: 'hyperspectral cameras classifiers' })
    expect(labs.hits.find((h) => h.document.id === String(lab.value.id))?.document).toMatchObject({ nameEn: 'Spectral diagnostics laboratory', inEnglish: 1 })
  })
})
