import { isStopword, tokenize } from '../analyzer'
import { analyzeText, stemOf } from './terms'
import type { Vocabulary } from './vocabulary'

/** An FTS5 MATCH expression and the terms it looks for, which highlighting marks in the text. */
export interface TextQuery {
  expression: string
  terms: Set<string>
  /** The last word is also a prefix: "робот" finds "робототехника". */
  prefixes: string[]
}

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
  const words: Word[] = tokenize(q)
    .filter((token) => !isStopword(token))
    .map((token) => ({ token, stem: stemOf(token) }))
  if (words.length === 0) return null
  // As in Meilisearch, a trailing space says the last word is complete.
  const lastIsPrefix = !/\s$/u.test(q)
  const groups = synonyms.map((group) => group.map((member) => analyzeText(member)).filter((terms) => terms.length > 0))
  const terms = new Set<string>()
  const prefixes: string[] = []
  const clauses: string[] = []

  for (let i = 0; i < words.length; ) {
    const word = words[i]
    const isLast = i === words.length - 1
    const synonym = longestSynonymAt(words, i, groups)
    if (synonym) {
      const alternatives = synonym.group.map((member) => phrase(member))
      for (const member of synonym.group) member.forEach((term) => terms.add(term))
      if (isLast && synonym.length === 1 && lastIsPrefix) {
        alternatives.push(phrase([word.stem]) + '*')
        prefixes.push(word.stem)
      }
      clauses.push(anyOf(alternatives))
      i += synonym.length
      continue
    }
    const alternatives = [phrase([word.stem])]
    terms.add(word.stem)
    if (isLast && lastIsPrefix) {
      alternatives[0] += '*'
      prefixes.push(word.stem)
      if (!word.token.startsWith(word.stem)) {
        alternatives.push(phrase([word.token]) + '*')
        prefixes.push(word.token)
      }
    }
    const known = vocabulary.has(word.stem) || (isLast && lastIsPrefix && vocabulary.hasPrefix(word.stem))
    if (!known) {
      for (const term of typoCorrections(word, vocabulary)) {
        alternatives.push(phrase([term]))
        terms.add(term)
      }
    }
    clauses.push(anyOf(alternatives))
    i += 1
  }
  return { expression: clauses.join(' AND '), terms, prefixes }
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

// Terms hold only letters and digits, but quoting keeps FTS5 syntax out of the query regardless.
function phrase(terms: string[]): string {
  return `"${terms.join(' ').replace(/"/g, '""')}"`
}

function anyOf(alternatives: string[]): string {
  const unique = [...new Set(alternatives)]
  return unique.length === 1 ? unique[0] : `(${unique.join(' OR ')})`
}
