import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { Meilisearch, MeilisearchApiError } from 'meilisearch'
import { openDatabase } from '../../db/client'
import {
  HIGHLIGHT_END as END,
  HIGHLIGHT_START as START,
  SearchUnavailableError,
  type IndexSettings,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
} from '../../search/engine'
import { MeilisearchEngine } from '../../search/meilisearch'
import { SqliteFtsEngine } from '../../search/sqlite-fts'
import { meilisearchForTests } from '../../search/testing/meilisearch-server'

// One set of promises, kept by every search adapter.

const INDEX = 'requests'
const settings: IndexSettings = {
  searchable: ['title', 'description', 'keywords'],
  filterable: ['alliance', 'region', 'fields', 'trl', 'budget', 'confidential'],
  sortable: ['budget', 'trl'],
  synonyms: [
    ['тзв', 'техническое зрение'],
    ['робот', 'robot'],
  ],
}

function request(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    title: `Заявка ${id}`,
    description: '',
    keywords: [],
    alliance: null,
    region: 'tomsk',
    fields: [],
    trl: 4,
    budget: 1_000_000_00,
    confidential: false,
    ...fields,
  }
}

const idsOf = (result: { hits: Array<{ document: SearchDocument }> }) => result.hits.map((hit) => hit.document.id)

function contract(makeEngine: () => SearchEngine) {
  let engine: SearchEngine
  const given = (...documents: SearchDocument[]) => engine.upsert(INDEX, documents)
  const search = (q: string, query: Omit<SearchQuery, 'q'> = {}) => engine.search(INDEX, { q, ...query })

  beforeAll(async () => {
    engine = makeEngine()
    await engine.ensureIndex(INDEX, settings)
  })
  beforeEach(async () => {
    await engine.clear(INDEX)
  })

  describe('documents', () => {
    test('an indexed document is counted and found, and comes back exactly as it was given', async () => {
      const spectrometer = request('a', { title: 'Спектрометр для анализа почвы', fields: ['1.6', '2.3'], trl: 5 })
      await given(spectrometer, request('b', { title: 'Лазерная резка металла' }))
      expect(await engine.count(INDEX)).toBe(2)
      const result = await search('спектрометр')
      expect(result.hits.map((hit) => hit.document)).toEqual([spectrometer])
    })

    test('a replaced document no longer matches its old text, and matches its new one', async () => {
      await given(request('a', { title: 'Катализатор гидроочистки' }))
      await given(request('a', { title: 'Лазерная резка металла' }))
      expect((await search('катализатор')).total).toBe(0)
      expect(idsOf(await search('лазерная резка'))).toEqual(['a'])
      expect(await engine.count(INDEX)).toBe(1)
    })

    test('a deleted document is no longer found, and deleting an unknown id is harmless', async () => {
      await given(request('a', { title: 'Биосинтез субстанций' }), request('b', { title: 'Биосинтез ферментов' }))
      await engine.delete(INDEX, ['a', 'never-indexed'])
      expect(idsOf(await search('биосинтез'))).toEqual(['b'])
      expect(await engine.count(INDEX)).toBe(1)
    })

    test('clear empties the index but keeps its settings', async () => {
      await given(request('a'), request('b'))
      await engine.clear(INDEX)
      expect(await engine.count(INDEX)).toBe(0)
      expect((await search('')).total).toBe(0)
      await given(request('c', { region: 'omsk' }), request('d'))
      expect(idsOf(await search('', { filters: [{ field: 'region', op: 'eq', value: 'omsk' }] }))).toEqual(['c'])
    })
  })

  describe('several searches at once', () => {
    test('each query is answered as its own search would be, in the order given', async () => {
      await given(
        request('a', { title: 'Спектрометр для мерзлоты' }),
        request('b', { title: 'Робот для сварки', alliance: 'robotics' }),
        request('c', { title: 'Спектрометры на роботах', alliance: 'vision' }),
      )
      const queries: SearchQuery[] = [
        { q: 'спектрометр', highlight: ['title'] },
        { q: 'робот', filters: [{ field: 'alliance', op: 'eq', value: 'robotics' }] },
        { q: '', perPage: 2, page: 2, facets: ['alliance'] },
        { q: 'гидроочистка' },
      ]
      const together = await engine.multiSearch(INDEX, queries)
      expect(together).toEqual(await Promise.all(queries.map((query) => engine.search(INDEX, query))))
      expect(idsOf(together[0]).sort()).toEqual(['a', 'c'])
      expect(idsOf(together[1])).toEqual(['b'])
      expect(idsOf(together[2])).toEqual(['c'])
      expect(together[3].total).toBe(0)
    })

    test('no queries give no results', async () => {
      expect(await engine.multiSearch(INDEX, [])).toEqual([])
    })
  })

  describe('bulk loading', () => {
    test('batches sent without waiting are all found once the last one waits', async () => {
      await engine.upsert(INDEX, [request('a', { title: 'Первая партия' })], { wait: false })
      await engine.upsert(INDEX, [request('b', { title: 'Вторая партия' })], { wait: false })
      await engine.upsert(INDEX, [request('c', { title: 'Последняя партия' })])
      expect(await engine.count(INDEX)).toBe(3)
      expect(idsOf(await search('партия')).sort()).toEqual(['a', 'b', 'c'])
    })

    test('a search sees a batch sent without waiting', async () => {
      await engine.upsert(INDEX, [request('a', { title: 'Неподтверждённая партия' })], { wait: false })
      expect(idsOf(await search('неподтверждённая'))).toEqual(['a'])
    })
  })

  describe('filters', () => {
    beforeEach(async () => {
      await given(
        request('a', { region: 'tomsk', fields: ['1.2', '2.3'], trl: 3, budget: 500_000_00, alliance: 'vision' }),
        request('b', { region: 'omsk', fields: ['2.3'], trl: 5, budget: 2_000_000_00, alliance: 'pharma' }),
        request('c', { region: 'tomsk', fields: ['3.1'], trl: 7, budget: 9_000_000_00, confidential: true }),
        request('d', { region: 'novosibirsk', fields: [], trl: 9, budget: 20_000_000_00, alliance: 'vision' }),
      )
    })
    const matching = async (query: Omit<SearchQuery, 'q'>) => idsOf(await search('', query))

    test('eq on a scalar field keeps only that value', async () => {
      expect(await matching({ filters: [{ field: 'region', op: 'eq', value: 'tomsk' }] })).toEqual(['a', 'c'])
    })

    test('eq and in on an array field hold when any element matches', async () => {
      expect(await matching({ filters: [{ field: 'fields', op: 'eq', value: '2.3' }] })).toEqual(['a', 'b'])
      expect(await matching({ filters: [{ field: 'fields', op: 'in', values: ['1.2', '3.1'] }] })).toEqual(['a', 'c'])
    })

    test('in on a scalar field, and an empty in list matches nothing', async () => {
      expect(await matching({ filters: [{ field: 'region', op: 'in', values: ['omsk', 'novosibirsk'] }] })).toEqual(['b', 'd'])
      expect(await matching({ filters: [{ field: 'region', op: 'in', values: [] }] })).toEqual([])
    })

    test('range is inclusive at both ends and works with one bound', async () => {
      expect(await matching({ filters: [{ field: 'trl', op: 'range', gte: 5, lte: 7 }] })).toEqual(['b', 'c'])
      expect(await matching({ filters: [{ field: 'budget', op: 'range', gte: 9_000_000_00 }] })).toEqual(['c', 'd'])
      expect(await matching({ filters: [{ field: 'budget', op: 'range', lte: 500_000_00 }] })).toEqual(['a'])
    })

    test('several filters must all hold', async () => {
      const filters: SearchQuery['filters'] = [
        { field: 'alliance', op: 'eq', value: 'vision' },
        { field: 'trl', op: 'range', gte: 4 },
      ]
      expect(await matching({ filters })).toEqual(['d'])
    })

    test('eq null finds the documents without a value, and booleans filter as booleans', async () => {
      expect(await matching({ filters: [{ field: 'alliance', op: 'eq', value: null }] })).toEqual(['c'])
      expect(await matching({ filters: [{ field: 'confidential', op: 'eq', value: true }] })).toEqual(['c'])
      expect(await matching({ filters: [{ field: 'confidential', op: 'eq', value: false }] })).toEqual(['a', 'b', 'd'])
    })

    test('values that look like filter syntax match nothing rather than widening the query', async () => {
      const hostile = [
        'tomsk" OR region = "omsk',
        "tomsk' OR '1'='1",
        'x) OR (region = tomsk',
        'tomsk\\" OR region != \\"',
        'tomsk OR omsk',
        ') OR 1=1 --',
      ]
      for (const value of hostile) {
        expect(await matching({ filters: [{ field: 'region', op: 'eq', value }] }), value).toEqual([])
        expect(await matching({ filters: [{ field: 'region', op: 'in', values: [value] }] }), value).toEqual([])
      }
    })

    test('a value full of quotes and brackets still matches itself exactly', async () => {
      const odd = 'ООО "Ромашка" (O\'Brien) \\ OR'
      await given(request('e', { region: odd }))
      expect(await matching({ filters: [{ field: 'region', op: 'eq', value: odd }] })).toEqual(['e'])
    })

    test('an empty query with filters lists every passing document by id', async () => {
      const result = await search('', { filters: [{ field: 'region', op: 'in', values: ['tomsk', 'novosibirsk'] }] })
      expect(result.total).toBe(3)
      expect(idsOf(result)).toEqual(['a', 'c', 'd'])
    })
  })

  describe('facets, sorting and pages', () => {
    test('facet counts cover every document matching the text and filters, not only the page', async () => {
      await given(
        request('a', { title: 'Датчики давления', region: 'tomsk', fields: ['1.2', '2.3'], trl: 3 }),
        request('b', { title: 'Датчики температуры', region: 'omsk', fields: ['2.3'], trl: 3 }),
        request('c', { title: 'Датчики влажности', region: 'tomsk', fields: ['2.3'], trl: 6, alliance: 'arctic' }),
        request('d', { title: 'Датчики вибрации', region: 'tomsk', fields: ['3.1'], trl: 6 }),
        request('e', { title: 'Лазерная резка', region: 'tomsk', fields: ['2.3'], trl: 6 }),
      )
      const result = await search('датчики', {
        filters: [{ field: 'fields', op: 'eq', value: '2.3' }],
        facets: ['region', 'fields', 'trl', 'alliance'],
        perPage: 1,
      })
      expect(result.total).toBe(3)
      expect(result.hits).toHaveLength(1)
      expect(result.facets).toEqual({
        region: { tomsk: 2, omsk: 1 },
        fields: { '1.2': 1, '2.3': 3 },
        trl: { '3': 2, '6': 1 },
        alliance: { arctic: 1 },
      })
    })

    test('sorting orders by the field in either direction, ahead of relevance', async () => {
      await given(
        request('a', { title: 'Вакцина', description: 'вакцина', budget: 300_000_00 }),
        request('b', { title: 'Ветеринарная вакцина', budget: 900_000_00 }),
        request('c', { description: 'вакцина для птиц', budget: 100_000_00 }),
      )
      const ascending = await search('вакцина', { sort: [{ field: 'budget', direction: 'asc' }] })
      expect(idsOf(ascending)).toEqual(['c', 'a', 'b'])
      const descending = await search('', { sort: [{ field: 'budget', direction: 'desc' }] })
      expect(idsOf(descending)).toEqual(['b', 'a', 'c'])
    })

    test('pages split the hits without overlap and every page reports the same total', async () => {
      await given(...['a', 'b', 'c', 'd', 'e'].map((id) => request(id, { title: `Мембранные фильтры ${id}` })))
      const pages = await Promise.all([1, 2, 3].map((page) => search('мембранные', { page, perPage: 2 })))
      expect(pages.map((page) => page.total)).toEqual([5, 5, 5])
      expect(pages.map((page) => page.hits.length)).toEqual([2, 2, 1])
      const seen = pages.flatMap(idsOf)
      expect(new Set(seen).size).toBe(5)
      expect(pages[0].page).toBe(1)
      expect(pages[2].perPage).toBe(2)
    })
  })

  describe('relevance and highlighting', () => {
    test('a match in an earlier searchable field ranks higher, and relevance stays within 0..1', async () => {
      await given(
        request('in-description', { title: 'Испытания', description: 'Катализатор для нефтепереработки' }),
        request('in-title', { title: 'Катализатор гидроочистки', description: 'Испытания' }),
      )
      const result = await search('катализатор')
      expect(idsOf(result)).toEqual(['in-title', 'in-description'])
      for (const hit of result.hits) {
        expect(hit.relevance).toBeGreaterThan(0)
        expect(hit.relevance).toBeLessThanOrEqual(1)
      }
      expect(result.hits[0].relevance).toBeGreaterThanOrEqual(result.hits[1].relevance)
    })

    test('matched words are wrapped in markers in the original text, and unmatched fields are left out', async () => {
      const original = request('a', { title: 'Спектрометр для анализа почвы', description: 'Лазерная установка' })
      await given(original)
      const [hit] = (await search('спектрометр', { highlight: ['title', 'description'] })).hits
      expect(hit.highlights).toEqual({ title: `${START}Спектрометр${END} для анализа почвы` })
      expect(hit.document).toEqual(original)
    })
  })

  describe('language', () => {
    test('the last word is a prefix: "спектро" and "visi" find their words', async () => {
      await given(request('a', { title: 'Спектрометр ближнего ИК-диапазона' }), request('b', { title: 'Computer vision' }))
      expect(idsOf(await search('спектро'))).toEqual(['a'])
      expect(idsOf(await search('visi'))).toEqual(['b'])
    })

    test('small typos still find the word, in English and in Russian', async () => {
      await given(
        request('a', { title: 'Computer vision for weld inspection' }),
        request('b', { title: 'Портативный спектрометр' }),
        request('c', { title: 'Промышленная робототехника' }),
      )
      expect(idsOf(await search('visoin'))).toEqual(['a'])
      expect(idsOf(await search('спектромтер'))).toEqual(['b'])
      expect(idsOf(await search('робототехнка промышленная'))).toEqual(['c'])
    })

    test('Russian word forms find each other', async () => {
      await given(
        request('a', { title: 'Заказ на работы по робототехнике' }),
        request('b', { title: 'Спектрометрия почвы' }),
        request('c', { title: 'Лазерная резка' }),
      )
      // A trailing space marks the word complete, so only stemming can match it.
      expect(idsOf(await search('робототехника '))).toEqual(['a'])
      expect(idsOf(await search('спектрометр '))).toEqual(['b'])
      expect(idsOf(await search('спектрометрию почв'))).toEqual(['b'])
    })

    test('English word forms find each other', async () => {
      await given(
        request('a', { title: 'Hyperspectral imaging of crops' }),
        request('b', { title: 'Pressure measurements in pipelines' }),
      )
      expect(idsOf(await search('images '))).toEqual(['a'])
      expect(idsOf(await search('measuring pipeline '))).toEqual(['b'])
    })

    test('ё and е, upper and lower case are the same letters', async () => {
      await given(request('a', { title: 'Ёмкостный датчик уровня' }), request('b', { title: 'Ежегодный отчёт' }))
      expect(idsOf(await search('емкостный '))).toEqual(['a'])
      expect(idsOf(await search('ЁЖЕГОДНЫЙ '))).toEqual(['b'])
      expect(idsOf(await search('Отчет '))).toEqual(['b'])
    })

    test('a query of more than ten words counts its first ten, as a pasted page of text would', async () => {
      await given(
        request('a', { title: 'Разработка спектрометра ближнего инфракрасного диапазона для нефтегазовой отрасли Сибири и Арктики' }),
        request('b', { title: 'Лазерная резка металла' }),
      )
      const tenWords = 'разработка спектрометра ближнего инфракрасного диапазона нефтегазовой отрасли сибири арктики разработка'
      expect(idsOf(await search(`${tenWords} qzxw9 vbnm7`))).toEqual(['a'])
      const pastedPage = `${tenWords} ${'лазерная резка '.repeat(700)}`.slice(0, 10_000)
      expect(idsOf(await search(pastedPage))).toEqual(['a'])
    })

    test('a query of symbols only answers as an empty query does', async () => {
      await given(request('a'), request('b'))
      const result = await search('!@#$%^&*()«»—;:"\\/?')
      expect(result.total).toBe(2)
    })

    test('synonyms from the settings work both ways, for phrases too', async () => {
      await given(
        request('a', { title: 'Система технического зрения' }),
        request('b', { title: 'Внедрение ТЗВ на конвейере' }),
        request('c', { title: 'Промышленный робот' }),
        request('d', { title: 'Лазерная резка' }),
      )
      expect(idsOf(await search('тзв '))).toEqual(expect.arrayContaining(['a', 'b']))
      expect((await search('тзв ')).total).toBe(2)
      expect(idsOf(await search('техническое зрение '))).toEqual(expect.arrayContaining(['a', 'b']))
      expect(idsOf(await search('robot '))).toEqual(['c'])
    })
  })
}

const server = await meilisearchForTests()
const meilisearchPrefix = `contract_${randomBytes(4).toString('hex')}_`

afterAll(async () => {
  if (!server) return
  await new Meilisearch({ host: server.host, apiKey: server.apiKey }).deleteIndexIfExists(meilisearchPrefix + INDEX)
  await server.stop()
})

describe('sqlite-fts', () => {
  contract(() => new SqliteFtsEngine(openDatabase(process.env.DATABASE_PATH!).sqlite))
})

describe.skipIf(!server)('meilisearch (set MEILI_HOST or MEILI_BIN)', () => {
  contract(() => new MeilisearchEngine({ host: server!.host, apiKey: server!.apiKey, indexPrefix: meilisearchPrefix }))
})

describe('meilisearch failures', () => {
  test('an unreachable server raises SearchUnavailableError and reports itself unavailable', async () => {
    // Port 9 (discard) on the loopback: nothing listens there.
    const engine = new MeilisearchEngine({ host: 'http://127.0.0.1:9' })
    await expect(engine.search(INDEX, { q: 'датчик' })).rejects.toBeInstanceOf(SearchUnavailableError)
    await expect(engine.upsert(INDEX, [request('a')])).rejects.toBeInstanceOf(SearchUnavailableError)
    expect(await engine.health()).toMatchObject({ engine: 'meilisearch', available: false })
  })

  test.skipIf(!server)('a task the server refuses surfaces as an error instead of passing silently', async () => {
    const engine = new MeilisearchEngine({ host: server!.host, apiKey: server!.apiKey, indexPrefix: meilisearchPrefix })
    await engine.ensureIndex(INDEX, settings)
    // Meilisearch allows only letters, digits, - and _ in document ids.
    await expect(engine.upsert(INDEX, [request('not a valid id!')])).rejects.toThrow(/invalid_document_id/)
  })

  test.skipIf(!server)('a request the server refuses stays a refusal with its reason, not an outage', async () => {
    const engine = new MeilisearchEngine({ host: server!.host, apiKey: 'not-the-key', indexPrefix: meilisearchPrefix })
    const refusal = await engine.search(INDEX, { q: 'датчик' }).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(MeilisearchApiError)
    expect(refusal).not.toBeInstanceOf(SearchUnavailableError)
    expect((refusal as MeilisearchApiError).response.status).toBe(403)
    expect((refusal as MeilisearchApiError).cause).toMatchObject({ code: 'invalid_api_key' })
  })

  test('a server that accepts the connection and never answers times out as unavailable', async () => {
    const silent = net.createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as net.AddressInfo
    try {
      const engine = new MeilisearchEngine({ host: `http://127.0.0.1:${port}`, requestTimeoutMs: 300 })
      await expect(engine.search(INDEX, { q: 'датчик' })).rejects.toThrow(SearchUnavailableError)
      await expect(engine.search(INDEX, { q: 'датчик' })).rejects.toThrow(/timed out/)
    } finally {
      silent.close()
    }
  })

  test.skipIf(!server)('a batch the server refuses, sent without waiting, fails the next upsert that waits', async () => {
    const engine = new MeilisearchEngine({ host: server!.host, apiKey: server!.apiKey, indexPrefix: meilisearchPrefix })
    await engine.ensureIndex(INDEX, settings)
    await engine.upsert(INDEX, [request('not a valid id!')], { wait: false })
    await expect(engine.upsert(INDEX, [request('valid')])).rejects.toThrow(/invalid_document_id/)
  })
})
