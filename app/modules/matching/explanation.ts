import { isStopword, normalize } from '#search/analyzer'
import type { Criterion, TrackRecord } from './fit'
import type { TextRelevance } from './text-relevance'

// Why a lab is proposed for a request, as data the match card turns into sentences in the reader's
// language: the request's words the lab's texts share, the lab's publications that fit, each
// structured criterion, and the track record. Words come from the request's public text only.

const MAX_WORDS = 8
const MAX_PUBLICATIONS = 3

/** A shared word as the request spells it, and the lab's spelling when the match crossed languages. */
export interface MatchedWord {
  word: string
  /** The lab's word ("catalyst" for "катализатор"), or null when both texts use the same word. */
  counterpart: string | null
}

export interface ExplainedCriterion {
  criterion: Criterion['name']
  /** A key under `match.criterion.`, e.g. "trl.fits". */
  reason: string
  params: Record<string, string | number>
  /** Whether the sentence says the condition is met: the card's ✓, else its ✗. */
  fits: boolean
}

export interface MatchExplanation {
  /** The request's words the lab's texts share, most telling first, as the request spells them. */
  words: MatchedWord[]
  /** How many of the lab's publications explain the request better than an average text, and the best few. */
  publications: { count: number; titles: string[] }
  criteria: ExplainedCriterion[]
  trackRecord: { contracts: number }
}

/** What the relevance model tells about a pair: its shared terms may already carry the lab's spelling. */
export interface RelevanceEvidence {
  matchedTerms: ReadonlyArray<string | MatchedWord>
  matchedPublications: TextRelevance['matchedPublications']
}

export function explainMatch(relevance: RelevanceEvidence, criteria: readonly Criterion[], record: TrackRecord): MatchExplanation {
  return {
    words: explainedWords(relevance.matchedTerms),
    publications: {
      count: relevance.matchedPublications.length,
      titles: relevance.matchedPublications.slice(0, MAX_PUBLICATIONS).map((p) => p.title),
    },
    criteria: criteria
      .filter((c) => c.name !== 'trackRecord')
      .map((c) => ({ criterion: c.name, reason: c.reason, params: c.params, fits: c.met })),
    trackRecord: { contracts: record.contracts },
  }
}

// Units of measure a shared number carries ("60 °C", "5 мм", "10 nm"), of three letters or more:
// shorter ones (мм, кг, nm, °C's "c") go with every other one- or two-letter token.
const UNITS = new Set(
  [
    ...['мкм', 'мкг', 'мкл', 'сек', 'мин', 'час', 'сут', 'мес', 'sec', 'min', 'hrs', 'год', 'года', 'лет'],
    ...['кгц', 'мгц', 'ггц', 'khz', 'mhz', 'ghz', 'rpm', 'квт', 'мвт', 'гвт', 'ohm'],
    ...['кпа', 'мпа', 'гпа', 'kpa', 'mpa', 'gpa', 'бар', 'bar', 'атм', 'atm'],
    ...['кдж', 'мдж', 'кэв', 'мэв', 'kev', 'mev', 'моль', 'ммоль', 'мкмоль', 'mol', 'mmol', 'ppm', 'ppb'],
    ...['тыс', 'млн', 'млрд', 'руб'],
  ].map(normalize),
)

// Words left over from set phrases whose other words are stop words ("в том числе", "в частности",
// "с помощью"), and first halves of hyphenated words ("физико-химический"): on their own they say nothing.
const FRAGMENTS = new Set(
  [
    ...['числе', 'частности', 'основном', 'целом', 'рамках', 'помощью', 'образом', 'качестве', 'количестве', 'счет', 'ходе', 'целью'],
    ...['виде', 'основе', 'зависимости', 'отношении', 'случае', 'пределах'],
    ...['физико', 'химико', 'медико', 'технико', 'научно', 'опытно', 'социально', 'эколого', 'биолого', 'горно', 'масс'],
    'etc',
  ].map(normalize),
)

// A number, or a number run together with its unit ("60c", "5мм").
const NUMBER = /^\p{N}+\p{L}{0,3}$/u
const LETTER = /\p{L}/u

/**
 * A word a person would not accept as a reason two texts fit: a unit, a number, a stop word, a
 * fragment of a set phrase or of a hyphenated word, or a token of one or two letters.
 */
export function isNoiseWord(word: string): boolean {
  const token = normalize(word)
  if ([...token].length <= 2 || !LETTER.test(token) || NUMBER.test(token)) return true
  return isStopword(token) || UNITS.has(token) || FRAGMENTS.has(token)
}

/** A term without its noise words: a word pair keeps its telling word, a noise word leaves nothing. */
function withoutNoise(term: string): string {
  return term
    .split(' ')
    .filter((word) => word !== '' && !isNoiseWord(word))
    .join(' ')
}

/**
 * The shared words worth showing, most telling first: noise words dropped, a word pair that holds one
 * reduced to its telling word, and no word shown twice (nor alone beside a pair that holds it). Reads
 * the words stored before they carried the lab's spelling too.
 */
export function explainedWords(terms: ReadonlyArray<string | MatchedWord>): MatchedWord[] {
  let shown: MatchedWord[] = []
  for (const term of terms) {
    if (shown.length === MAX_WORDS) break
    const entry = typeof term === 'string' ? { word: term, counterpart: null } : term
    const word = withoutNoise(entry.word)
    if (!word) continue
    const words = word.split(' ')
    if (shown.some((other) => other.word === word || (words.length === 1 && other.word.split(' ').includes(word)))) continue
    // A pair stands in for its single words shown before it.
    if (words.length > 1) shown = shown.filter((other) => !words.includes(other.word))
    const counterpart = entry.counterpart === null ? null : withoutNoise(entry.counterpart) || null
    shown.push({ word, counterpart: counterpart === word ? null : counterpart })
  }
  return shown
}
