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

// Normalising and splitting whole texts costs more than stemming once stems are remembered, and
// texts are made of a few thousand distinct space-separated pieces ("разработка", "датчиков,"):
// remembering each piece's terms makes analysis ~3× faster again. Splitting at white space first
// gives the same terms, since no word spans white space and normalisation keeps it white space.
const MAX_REMEMBERED_PIECES = 200_000
const pieces = new Map<string, string[]>()
const WHITE_SPACE = /\s+/u

function termsOfPiece(piece: string): string[] {
  let terms = pieces.get(piece)
  if (terms === undefined) {
    if (pieces.size >= MAX_REMEMBERED_PIECES) pieces.clear()
    terms = []
    for (const token of tokenize(piece)) {
      if (!isStopword(token)) terms.push(stemOf(token))
    }
    pieces.set(piece, terms)
  }
  return terms
}

/** Exactly analyzer.analyze(text), with every piece's terms remembered. */
export function analyzeText(text: string): string[] {
  const terms: string[] = []
  for (const piece of text.split(WHITE_SPACE)) {
    if (piece === '') continue
    const pieceTerms = termsOfPiece(piece)
    for (let i = 0; i < pieceTerms.length; i++) terms.push(pieceTerms[i])
  }
  return terms
}

/** The text a field contributes to search: arrays are read as a list. */
export function textOf(value: SearchDocument[string]): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.filter((item) => item !== null).join(', ')
  return String(value)
}
