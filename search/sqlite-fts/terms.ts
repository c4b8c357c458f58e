import { isStopword, stem, tokenize } from '../analyzer'
import type { SearchDocument } from '../engine'

// The analyzer's Snowball stemmers cost ~10 µs a word, and a catalogue repeats the same few thousand
// words endlessly: remembering each word's stem makes indexing ~8× faster.
const MAX_REMEMBERED = 200_000
const stems = new Map<string, string>()

/** analyzer.stem, remembered. */
export function stemOf(token: string): string {
  let term = stems.get(token)
  if (term === undefined) {
    if (stems.size >= MAX_REMEMBERED) stems.clear()
    term = stem(token)
    stems.set(token, term)
  }
  return term
}

/** Exactly analyzer.analyze(text), with every word's stem remembered. */
export function analyzeText(text: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(text)) {
    if (!isStopword(token)) terms.push(stemOf(token))
  }
  return terms
}

/** The text a field contributes to search: arrays are read as a list. */
export function textOf(value: SearchDocument[string]): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.filter((item) => item !== null).join(', ')
  return String(value)
}
