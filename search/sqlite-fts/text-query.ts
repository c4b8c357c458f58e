import { isStopword, tokenize } from '../analyzer'
import { analyzeText, stemOf } from './terms'
import type { Vocabulary } from './vocabulary'

/** One way a query word can match: a term, a phrase of terms (a synonym), or a term as a prefix. */
export interface Alternative {
  terms: string[]
  prefix: boolean
}

/** What a query looks for (every clause must match, through any of its alternatives), and the terms highlighting marks. */
export interface TextQuery {
  clauses: Alternative[][]
  terms: Set<string>
  /** The last word is also a prefix: "робот" finds "робототехника". */
  prefixes: string[]
}

// As in Meilisearch, only a query's first ten words count: a pasted page of text costs what ten words cost.
export const MAX_QUERY_WORDS = 10

interface Word {
  token: string
  stem: string
}

/**
 * Every query word must match (as in Meilisearch's matchingStrategy "all"); a word matches through
 * its stem, its synonyms, a prefix (last word only) or, when it is not in the vocabulary, the
 * vocabulary terms within typo distance.
 */
export function buildTextQuery(q: string, synonyms: string[][], vocabulary: Vocabulary): TextQuery | null {
  const tokens = tokenize(q).filter((token) => !isStopword(token))
  const words: Word[] = tokens.slice(0, MAX_QUERY_WORDS).map((token) => ({ token, stem: stemOf(token) }))
  if (words.length === 0) return null
  // As in Meilisearch, a trailing space says the last word is complete, and so does a cut.
  const lastIsPrefix = !/\s$/u.test(q) && tokens.length <= MAX_QUERY_WORDS
  const groups = synonyms.map((group) => group.map((member) => analyzeText(member)).filter((terms) => terms.length > 0))
  const terms = new Set<string>()
  const prefixes: string[] = []
  const clauses: Alternative[][] = []

  for (let i = 0; i < words.length; ) {
    const word = words[i]
    const isLast = i === words.length - 1
    const synonym = longestSynonymAt(words, i, groups)
    if (synonym) {
      const alternatives = synonym.group.map((member) => exactly(member))
      for (const member of synonym.group) member.forEach((term) => terms.add(term))
      if (isLast && synonym.length === 1 && lastIsPrefix) {
        alternatives.push(startingWith(word.stem))
        prefixes.push(word.stem)
      }
      clauses.push(distinct(alternatives))
      i += synonym.length
      continue
    }
    const alternatives = [exactly([word.stem])]
    terms.add(word.stem)
    if (isLast && lastIsPrefix) {
      alternatives[0] = startingWith(word.stem)
      prefixes.push(word.stem)
      if (!word.token.startsWith(word.stem)) {
        alternatives.push(startingWith(word.token))
        prefixes.push(word.token)
      }
    }
    const known = vocabulary.has(word.stem) || (isLast && lastIsPrefix && vocabulary.hasPrefix(word.stem))
    if (!known) {
      for (const term of typoCorrections(word, vocabulary)) {
        alternatives.push(exactly([term]))
        terms.add(term)
      }
    }
    clauses.push(distinct(alternatives))
    i += 1
  }
  return { clauses, terms, prefixes }
}

/** Edit distance 1 for words of 4–7 letters, 2 for longer ones; none for short words or numbers. */
function typoCorrections(word: Word, vocabulary: Vocabulary): string[] {
  if (/\p{N}/u.test(word.token)) return []
  const length = [...word.token].length
  const maxDistance = length >= 8 ? 2 : length >= 4 ? 1 : 0
  if (maxDistance === 0) return []
  return vocabulary.closest(word.stem, maxDistance)
}

function longestSynonymAt(words: Word[], start: number, groups: string[][][]) {
  let best: { group: string[][]; length: number } | null = null
  for (const group of groups) {
    for (const member of group) {
      if (member.length <= (best?.length ?? 0) || start + member.length > words.length) continue
      if (member.every((term, k) => words[start + k].stem === term)) best = { group, length: member.length }
    }
  }
  return best
}

const exactly = (terms: string[]): Alternative => ({ terms, prefix: false })
const startingWith = (term: string): Alternative => ({ terms: [term], prefix: true })

function distinct(alternatives: Alternative[]): Alternative[] {
  const seen = new Set<string>()
  return alternatives.filter(({ terms, prefix }) => {
    const key = `${prefix ? '*' : ''}${terms.join(' ')}`
    return !seen.has(key) && seen.add(key) !== undefined
  })
}

/** A phrase as an FTS5 MATCH expression. Terms hold only letters and digits, but quoting keeps FTS5 syntax out regardless. */
export function phraseExpression(terms: string[]): string {
  return `"${terms.join(' ').replace(/"/g, '""')}"`
}
