import { newStemmer } from 'snowball-stemmers'
import { eng, rus } from 'stopword'

// One text analysis for both search engines and the matcher, so that a word form that finds a
// document in search also counts as the same word when matching.

const russianStemmer = newStemmer('russian')
const englishStemmer = newStemmer('english')
const stopwords = new Set([...rus, ...eng].map((w) => normalize(w)))

const TOKEN = /[\p{L}\p{N}]+/gu
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u

/** Case-folds and maps ё to е, so that "Ёмкость" and "емкость" are one word. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е')
}

/** Splits normalised text into words, keeping digits (TRL 5, ГОСТ 12345) as their own tokens. */
export function tokenize(text: string): string[] {
  return normalize(text).match(TOKEN) ?? []
}

// Spellings kept as written: mixed case (LoRaWAN, pH, МэВ) and a short acronym (ПЦР, НИОКР, LIDAR).
// A longer word in capitals is emphasis or a title typed in capitals: it is shown in lower case.
const MIXED_CASE = /^.+\p{Lu}/u
const ACRONYM = /^\p{Lu}{2,5}$/u
const keptAsWritten = (word: string) => (ACRONYM.test(word) || (MIXED_CASE.test(word) && /\p{Ll}/u.test(word)))

const SPACE = /^\s+$/u

/**
 * The words of a text as tokenize finds them, each with its spelling for people (ё and the capitals
 * of an acronym kept, a sentence's first capital and a word typed in capitals lowered) and whether only spaces part
 * it from the word before, so that the two read as a phrase.
 */
export function spelledTokens(text: string): Array<{ token: string; spelling: string; spaced: boolean }> {
  const tokens = tokenize(text)
  const written = text.normalize('NFKC')
  const words = [...written.matchAll(TOKEN)]
  // Case folding splits a rare letter (İ) in two: then the words are shown as they were folded, apart.
  if (words.length !== tokens.length) return tokens.map((token) => ({ token, spelling: token, spaced: false }))
  return tokens.map((token, i) => {
    const word = words[i][0]
    const previous = words[i - 1]
    return {
      token,
      spelling: keptAsWritten(word) ? word : word.toLowerCase(),
      spaced: previous !== undefined && SPACE.test(written.slice(previous.index + previous[0].length, words[i].index)),
    }
  })
}

export function isStopword(token: string): boolean {
  return stopwords.has(token)
}

/** Snowball stem in the word's own script's language; other tokens stay as they are. */
export function stem(token: string): string {
  if (token.length < 3) return token
  if (CYRILLIC.test(token)) return russianStemmer.stem(token)
  if (LATIN.test(token)) return englishStemmer.stem(token)
  return token
}

/** The terms a text contributes to an index or a query: words, less stopwords, stemmed. */
export function analyze(text: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(text)) {
    if (isStopword(token)) continue
    terms.push(stem(token))
  }
  return terms
}
