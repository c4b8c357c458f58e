import type { SearchDocument, SearchHit, SearchQuery, SearchResult, Sort } from '../engine'
import type { Column, DocumentColumns } from './columns'
import { assertFilterable, assertSortable, compileFilters } from './filters'
import { highlightFields } from './highlight'
import type { IndexStore } from './index-store'
import { buildTextQuery, phraseExpression } from './text-query'
import { topK } from './top-k'
import { compareValues, type SqlValue } from './values'

const DEFAULT_PER_PAGE = 20
const MAX_PER_PAGE = 1000

/**
 * The postings in memory find the documents matching the text and score them with BM25 (FTS5
 * answers phrases); the filters test each match against the in-memory columns. The total, facet
 * counts and page order then come from the columns, and only the page's documents are read.
 */
export function runSearch<D extends SearchDocument>(store: IndexStore, query: SearchQuery): SearchResult<D> {
  const { settings, tables } = store
  const page = Math.max(1, Math.floor(query.page ?? 1))
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(query.perPage ?? DEFAULT_PER_PAGE)))
  const facets = query.facets ?? []
  facets.forEach((field) => assertFilterable(field, settings))
  const sort = query.sort ?? []
  sort.forEach(({ field }) => assertSortable(field, settings))

  return store.sqlite.transaction((): SearchResult<D> => {
    const text = buildTextQuery(query.q ?? '', settings.synonyms ?? [], store.vocabulary)
    const columns = store.currentColumns()
    const predicate = compileFilters(query.filters ?? [], columns, settings)
    const docs: number[] = []
    const scores: number[] = []
    if (text) {
      const phraseDocs = (terms: string[]) =>
        store.statement(`SELECT rowid FROM ${tables.fts} WHERE ${tables.fts} MATCH ?`).pluck().all(phraseExpression(terms)) as number[]
      const matched = store.currentPostings().match(text, columns.live, phraseDocs)
      const { ids } = columns
      for (let i = 0; i < matched.docs.length; i++) {
        const doc = matched.docs[i]
        if (ids[doc] !== undefined && (!predicate || predicate(doc))) {
          docs.push(doc)
          scores.push(matched.scores[i])
        }
      }
    } else {
      const { ids } = columns
      for (let doc = 0; doc < ids.length; doc++) {
        if (ids[doc] !== undefined && (!predicate || predicate(doc))) docs.push(doc)
      }
    }

    const facetCounts: SearchResult['facets'] = {}
    for (const field of facets) {
      const column = columns.column(field)
      // With neither text nor filters every document matches: the column's running totals are the counts.
      facetCounts[field] = countsByValue(column, text || predicate ? countOver(column, docs) : column.totals)
    }

    const order = hitOrder(columns, sort, docs, text ? scores : null)
    const first = (page - 1) * perPage
    const hitNumbers = new Array<number>(docs.length)
    for (let i = 0; i < docs.length; i++) hitNumbers[i] = i
    const pageHits = topK(hitNumbers, first + perPage, order).slice(first)
    const bodies = new Map(
      store
        .statement(`SELECT doc, body FROM ${tables.bodies} WHERE doc IN (SELECT value FROM json_each(?))`)
        .raw()
        .all(JSON.stringify(pageHits.map((hit) => docs[hit]))) as Array<[number, string]>,
    )
    const bestScore = scores.reduce((best, score) => Math.max(best, score), 0)
    const hits = pageHits.map((hit): SearchHit<D> => {
      const document = JSON.parse(bodies.get(docs[hit])!) as D
      return {
        document,
        highlights: text && query.highlight ? highlightFields(document, query.highlight, text) : {},
        relevance: text ? (bestScore > 0 ? scores[hit] / bestScore : 0) : 1,
      }
    })
    return { hits, total: docs.length, page, perPage, facets: facetCounts }
  })()
}

function countOver(column: Column, docs: number[]): Int32Array {
  const counts = new Int32Array(column.dictionary.length)
  column.countInto(docs, counts)
  return counts
}

function countsByValue(column: Column, counts: Int32Array): Record<string, number> {
  const result: Record<string, number> = {}
  column.dictionary.forEach((value, id) => {
    if (counts[id] === 0) return
    const key = String(value)
    result[key] = (result[key] ?? 0) + counts[id]
  })
  return result
}

/**
 * Sort fields first (an array field sorts by its smallest value ascending, its largest descending;
 * documents without the field come last either way, as in Meilisearch), then relevance, then id.
 */
function hitOrder(columns: DocumentColumns, sort: Sort[], docs: number[], scores: number[] | null) {
  const keys = sort.map(({ field, direction }) => {
    const column = columns.column(field)
    const better = direction === 'asc' ? -1 : 1
    return docs.map((doc) => {
      let key: SqlValue | undefined
      column.forEachValue(doc, (id) => {
        const value = column.dictionary[id]
        if (key === undefined || Math.sign(compareValues(value, key)) === better) key = value
      })
      return key
    })
  })
  return (a: number, b: number): number => {
    for (let s = 0; s < sort.length; s++) {
      const x = keys[s][a]
      const y = keys[s][b]
      if (x === undefined || y === undefined) {
        if (x !== y) return x === undefined ? 1 : -1
        continue
      }
      const c = compareValues(x, y)
      if (c !== 0) return sort[s].direction === 'asc' ? c : -c
    }
    if (scores && scores[a] !== scores[b]) return scores[b] - scores[a]
    const idA = columns.ids[docs[a]]!
    const idB = columns.ids[docs[b]]!
    return idA < idB ? -1 : idA > idB ? 1 : 0
  }
}
