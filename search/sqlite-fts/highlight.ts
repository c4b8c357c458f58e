import { isStopword, normalize } from '../analyzer'
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchDocument } from '../engine'
import { stemOf, textOf } from './terms'
import type { TextQuery } from './text-query'

const WORD = /[\p{L}\p{N}]+/gu

/** Field → its text with every word the query matched wrapped in the markers; fields without a match are left out. */
export function highlightFields(document: SearchDocument, fields: string[], query: TextQuery): Record<string, string> {
  const highlights: Record<string, string> = {}
  for (const field of fields) {
    const text = textOf(document[field])
    if (!text) continue
    let matched = false
    const marked = text.replace(WORD, (word) => {
      if (!matches(word, query)) return word
      matched = true
      return HIGHLIGHT_START + word + HIGHLIGHT_END
    })
    if (matched) highlights[field] = marked
  }
  return highlights
}

function matches(word: string, query: TextQuery): boolean {
  const token = normalize(word)
  if (isStopword(token)) return false
  const term = stemOf(token)
  return query.terms.has(term) || query.prefixes.some((prefix) => token.startsWith(prefix) || term.startsWith(prefix))
}
