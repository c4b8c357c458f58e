import { normalize } from '#search/analyzer'
import { isCyrillic } from '#search/crosslingual'
import { isCognateKey, isWordPair } from './text-terms'

// Which search queries find the candidates a proposal is ranked from. Both search engines require
// every query word to match, and the embedded engine's cost grows with the number of documents a
// query matches (a few µs each: at 100,000 synthetic labs a common word alone matches 25,000 of them,
// ~80 ms). So the first query asks for all of the text's most telling words at once, which few
// documents hold; while that finds too few candidates, the rarest word is dropped (a rare word may be
// a name or a typo that no lab shares), and only then do single words follow, most telling first.
// On a large catalogue the first, cheap query usually finds enough on its own.

export interface TermForRetrieval {
  term: string
  /** As the text spells it: the engine analyses the query the way it analysed the documents. */
  surface: string
  /** Occurrences in this text. */
  count: number
  /** Occurrences over the whole matching corpus, this text included. */
  corpusCount: number
}

/** Words asked for together in the first query. */
const CONJUNCTION = 5
/** Single words tried when the conjunctions find too few. */
const SINGLE_WORDS = 3
/** Translated words searched for in English too, so that labs writing only in English are found. */
const TRANSLATED_WORDS = 3
const MIN_WORD_LENGTH = 3

interface Weighted extends TermForRetrieval {
  weight: number
}

/**
 * The terms that say most about the text: frequent in it, rare elsewhere (count × inverse corpus
 * frequency). A term no other text has can find nothing and is skipped, as are numbers and very short
 * words, which say little in a search.
 */
function tellingTerms(terms: readonly TermForRetrieval[], totalTerms: number): Weighted[] {
  return terms
    .filter((t) => t.corpusCount > t.count && usable(t.surface))
    .map((t) => ({ ...t, weight: t.count * Math.log((totalTerms + 1) / (t.corpusCount - t.count + 0.5)) }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
}

/**
 * Search queries from the most specific to the broadest, each ending with a space so that its last
 * word is a whole word, not a prefix (but for the translated stems); no query twice. Word pairs are left to the ranking: a search
 * for a pair asks for both its words anywhere, which its words already do.
 */
export function planRetrieval(terms: readonly TermForRetrieval[], totalTerms: number): string[] {
  const words = tellingTerms(terms, totalTerms).filter((t) => !isWordPair(t.term) && !isCognateKey(t.term))
  // Most common first, so that relaxing drops the rarest word.
  const together = words.slice(0, CONJUNCTION).sort((a, b) => b.corpusCount - a.corpusCount || (a.term < b.term ? -1 : 1))
  const queries: string[] = []
  // Asked as the analysis reads them: a word's spelling for people keeps ё and an acronym's capitals.
  for (let size = together.length; size >= 2; size--) queries.push(`${normalize(together.slice(0, size).map((w) => w.surface).join(' '))} `)
  for (const word of words.slice(0, SINGLE_WORDS)) queries.push(`${normalize(word.surface)} `)
  // A Russian word the glossary translated is kept as its English stem: searched for as a prefix,
  // the stem finds the English word in any form ("hydrotreat" → hydrotreating).
  const translated = words.filter((w) => isCyrillic(w.surface) && !isCyrillic(w.term)).slice(0, TRANSLATED_WORDS)
  if (translated.length > 1) queries.push(translated.map((w) => w.term).join(' '))
  for (const word of translated) queries.push(word.term)
  return [...new Set(queries)]
}

function usable(surface: string): boolean {
  return surface.split(' ').every((word) => word.length >= MIN_WORD_LENGTH && !/^\p{N}+$/u.test(word))
}
