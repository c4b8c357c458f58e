import { openDatabase } from '../../db/client'
import type { IndexSettings, SearchDocument } from '../../search/engine'
import { SqliteFtsEngine } from '../../search/sqlite-fts'

// The embedded engine ranks from postings held in memory; every process sharing the database file
// must see every write, whether it made it or another process did, and whether a few documents
// changed or more than it keeps aside before building its postings anew.

const INDEX = 'labs'
const settings: IndexSettings = {
  searchable: ['name', 'expertise'],
  filterable: ['region'],
  sortable: [],
  synonyms: [['тзв', 'техническое зрение']],
}

const lab = (id: string, name: string, expertise = ''): SearchDocument => ({ id, name, expertise, region: 'tomsk' })
const ids = (result: { hits: Array<{ document: SearchDocument }> }) => result.hits.map((hit) => hit.document.id).sort()

function twoProcesses() {
  const writer = new SqliteFtsEngine(openDatabase(process.env.DATABASE_PATH!).sqlite)
  const reader = new SqliteFtsEngine(openDatabase(process.env.DATABASE_PATH!).sqlite)
  return { writer, reader }
}

describe('the embedded engine keeps its postings in step with the database', () => {
  test('replacements and deletions by one connection are seen by the other, which had already searched', async () => {
    const { writer, reader } = twoProcesses()
    await writer.ensureIndex(INDEX, settings)
    await writer.clear(INDEX)
    await writer.upsert(INDEX, [lab('a', 'Лаборатория катализа'), lab('b', 'Лаборатория робототехники')])
    expect(ids(await reader.search(INDEX, { q: 'катализ' }))).toEqual(['a'])

    await writer.upsert(INDEX, [lab('a', 'Лаборатория технического зрения'), lab('c', 'Центр катализа')])
    await writer.delete(INDEX, ['b'])
    for (const engine of [reader, writer]) {
      expect(ids(await engine.search(INDEX, { q: 'катализ' }))).toEqual(['c'])
      expect(ids(await engine.search(INDEX, { q: 'тзв ' }))).toEqual(['a'])
      expect((await engine.search(INDEX, { q: 'робототехники' })).total).toBe(0)
      expect((await engine.search(INDEX, { q: 'лаборатория' })).total).toBe(1)
    }
  })

  test('more changes than are kept aside are seen too, and a document changed twice counts once', async () => {
    const { writer, reader } = twoProcesses()
    await writer.ensureIndex(INDEX, settings)
    await writer.clear(INDEX)
    await writer.upsert(INDEX, [lab('first', 'Лаборатория спектрометрии')])
    expect(ids(await reader.search(INDEX, { q: 'спектрометрии' }))).toEqual(['first'])

    const many = Array.from({ length: 2500 }, (_, i) => lab(`lab-${i}`, `Лаборатория ${i % 2 ? 'катализа' : 'лазерных технологий'}`))
    await writer.upsert(INDEX, many)
    expect((await reader.search(INDEX, { q: 'катализа' })).total).toBe(1250)

    await writer.upsert(INDEX, [lab('lab-1', 'Лаборатория мембран')])
    await writer.upsert(INDEX, [lab('lab-1', 'Лаборатория мембранных технологий', 'мембраны')])
    const membranes = await reader.search(INDEX, { q: 'мембран' })
    expect(ids(membranes)).toEqual(['lab-1'])
    expect((await reader.search(INDEX, { q: 'катализа' })).total).toBe(1249)
    expect((await reader.search(INDEX, { q: 'технологий' })).total).toBe(1251)
  })

  test('a title match still outranks a description match after the document was rewritten', async () => {
    const { writer, reader } = twoProcesses()
    await writer.ensureIndex(INDEX, settings)
    await writer.clear(INDEX)
    await writer.upsert(INDEX, [lab('x', 'Лаборатория катализа'), lab('y', 'Лаборатория химии', 'катализ')])
    expect((await reader.search(INDEX, { q: 'катализ' })).hits.map((hit) => hit.document.id)).toEqual(['x', 'y'])
    await writer.upsert(INDEX, [lab('x', 'Лаборатория химии', 'катализ'), lab('y', 'Лаборатория катализа')])
    expect((await reader.search(INDEX, { q: 'катализ' })).hits.map((hit) => hit.document.id)).toEqual(['y', 'x'])
  })

  test('a first search of a large index lets other work run while the index loads, and answers as a loaded one does', async () => {
    const { writer } = twoProcesses()
    await writer.ensureIndex(INDEX, settings)
    await writer.clear(INDEX)
    const many = Array.from({ length: 3000 }, (_, n) => lab(`lab-${n}`, n % 3 === 0 ? `Лаборатория катализа ${n}` : `Лаборатория робототехники ${n}`))
    await writer.upsert(INDEX, many)

    // How many turns other work gets while `search` runs.
    const turnsDuring = async <T>(search: Promise<T>, meanwhile: () => Promise<void> = async () => {}) => {
      let turns = 0
      let loading = true
      const ticker = (async () => {
        while (loading) {
          turns++
          await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      await meanwhile()
      const answer = await search
      loading = false
      await ticker
      return { turns, answer }
    }

    // A process that has never searched: its first search loads the index a step at a time. A write
    // while it loads is caught up on by the next search.
    const { reader } = twoProcesses()
    const { turns, answer } = await turnsDuring(reader.search(INDEX, { q: 'катализ', perPage: 5 }), async () => {
      await new Promise((resolve) => setImmediate(resolve))
      await writer.upsert(INDEX, [lab('late', 'Центр катализа')])
    })
    expect(turns).toBeGreaterThan(5)
    expect(answer.total).toBeGreaterThanOrEqual(1000)
    const loaded = await writer.search(INDEX, { q: 'катализ', perPage: 5 })
    expect((await reader.search(INDEX, { q: 'катализ', perPage: 5 })).hits.map((hit) => hit.document.id)).toEqual(loaded.hits.map((hit) => hit.document.id))
    expect((await reader.search(INDEX, { q: 'катализ' })).total).toBe(1001)
    expect(ids(await reader.search(INDEX, { q: 'центр' }))).toEqual(['late'])

    // A reindex by another process (cleared, filled again): loaded anew, a step at a time too.
    await writer.clear(INDEX)
    await writer.upsert(INDEX, many.slice(0, 2000))
    const reloaded = await turnsDuring(reader.search(INDEX, { q: 'катализ' }))
    expect(reloaded.turns).toBeGreaterThan(5)
    expect(reloaded.answer.total).toBe(667)
    expect((await reader.search(INDEX, { q: 'центр' })).total).toBe(0)

    // A bulk load, more changes than are kept aside: loaded anew, a step at a time as well.
    await writer.upsert(INDEX, many.slice(2000).concat(Array.from({ length: 1500 }, (_, n) => lab(`bulk-${n}`, `Центр катализа ${n}`))))
    const bulk = await turnsDuring(reader.search(INDEX, { q: 'катализ' }))
    expect(bulk.turns).toBeGreaterThan(5)
    expect(bulk.answer.total).toBe(1000 + 1500)
  })
})
