import { isStopword, stem, tokenize } from '#search/analyzer'

// The terms the matcher compares: the search analyzer's stems (so word forms count alike), plus the
// pairs of adjacent stems, because "machine translation" or "оптическое волокно" says far more than
// either word alone. On the expertise benchmark the pairs lowered the loss by about 0.02.

/** How often each term occurs in one text, and how many term occurrences it has in all. */
export interface TermBag {
  counts: Map<string, number>
  length: number
}

/** One text's terms, with the words each first came from, to explain a match in the text's own words. */
export interface AnalyzedText extends TermBag {
  surfaces: Map<string, string>
}

// Stemming is most of the cost of analysis, and a corpus repeats its words: remember recent stems.
const STEM_CACHE_LIMIT = 100_000
const stemCache = new Map<string, string>()

function cachedStem(token: string): string {
  let result = stemCache.get(token)
  if (result === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear()
    result = stem(token)
    stemCache.set(token, result)
  }
  return result
}

/**
 * Analyzes the fields of one text. Word pairs are formed within a field only, so a title's last word
 * and an abstract's first word never make a pair.
 */
export function analyzeFields(fields: ReadonlyArray<string | null | undefined>): AnalyzedText {
  const counts = new Map<string, number>()
  const surfaces = new Map<string, string>()
  let length = 0
  const add = (term: string, surface: string) => {
    counts.set(term, (counts.get(term) ?? 0) + 1)
    if (!surfaces.has(term)) surfaces.set(term, surface)
    length++
  }
  for (const field of fields) {
    if (!field) continue
    let previous: { term: string; surface: string } | null = null
    for (const token of tokenize(field)) {
      if (isStopword(token)) continue
      const term = cachedStem(token)
      add(term, token)
      if (previous) add(`${previous.term} ${term}`, `${previous.surface} ${token}`)
      previous = { term, surface: token }
    }
  }
  return { counts, surfaces, length }
}

/** True for a term made of two adjacent words. */
export function isWordPair(term: string): boolean {
  return term.includes(' ')
}
