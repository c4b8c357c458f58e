import { isStopword, spelledTokens, stem } from '#search/analyzer'
import { cognateKey, glossaryFingerprint, isCyrillic, isTranslationTarget, translationAt } from '#search/crosslingual'
import { encoderFingerprint } from '#search/sentence-encoder'

// The terms the matcher compares: the search analyzer's stems (so word forms count alike), plus the
// pairs of adjacent stems, because "machine translation" or "оптическое волокно" says far more than
// either word alone. On the expertise benchmark the pairs lowered the loss by about 0.02.
//
// Across languages: a Russian word or phrase the glossary knows is counted as its English stems
// («катализатор гидроочистки» is "catalyst" + "hydrotreat"), so a Russian and an English text share
// terms, and a pair of translated words counts in both orders. Every other
// word also leaves a cognate key, which only a word of the other script can match: a request's
// Cyrillic word meets a lab's Latin one, never another Cyrillic word. Keys are extra evidence, not
// extra text: they count in no text's length.

/** How often each term occurs in one text, and how many term occurrences it has in all. */
export interface TermBag {
  counts: Map<string, number>
  length: number
}

/** One text's terms, with the words each first came from, to explain a match in the text's own words. */
export interface AnalyzedText extends TermBag {
  surfaces: Map<string, string>
  /** The script most of its words are written in. */
  script: Script
  /**
   * How many of its term occurrences a text in each script could share with it: all of them within
   * a language; across languages, those the glossary or a cognate links. A Russian word with no
   * English counterpart cannot count against an English text that could never have written it.
   */
  reach: Reach
}

export type Script = 'cyrillic' | 'latin'
export type Reach = Record<Script, number>

/** Which side a text is on: a request's cognate keys are named for the lab words they meet. */
export type TextSide = 'request' | 'lab'

/** Whether words are linked across languages: always, but for the benchmark's same-language baseline. */
export type Bridging = 'across-languages' | 'same-language-only'

const KEY_MARK = '≈'

/**
 * Which analysis made a stored profile: this version (raise it when the analysis of words or the
 * facts it stores change) with the digests of the glossary and of the sentence model. Profiles and
 * search documents made by another are rebuilt when the background process starts.
 */
const ANALYSIS_VERSION = 4
export function textAnalysis(): string {
  return `${ANALYSIS_VERSION}:${glossaryFingerprint()}:${encoderFingerprint()}`
}

/**
 * The words of one text that are analysed, at most: a request or a publication is far shorter, and a
 * pasted book is profiled from its beginning within a fixed time and size.
 */
export const MAX_WORDS_PER_TEXT = 20_000

/**
 * The term of a cognate key. A lab's Latin word and a request's Cyrillic word with the same key get
 * the same term (and the other way round), so that the plain term lookup of the relevance model
 * matches across scripts and never within one.
 */
function keyTerm(key: string, cyrillic: boolean, side: TextSide): string {
  const latinSide = side === 'lab' ? !cyrillic : cyrillic
  return `${KEY_MARK}${latinSide ? 'l' : 'c'}:${key}`
}

/** True for a cognate key: it links two words, it is not a word of either text. */
export function isCognateKey(term: string): boolean {
  return term.startsWith(KEY_MARK)
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
 * and an abstract's first word never make a pair. They do cross commas: in "X, Y and Z" the words of a
 * list are about one subject, and on the expertise benchmark such pairs help (0.224 against 0.232).
 */
export function analyzeFields(fields: ReadonlyArray<string | null | undefined>, side: TextSide, bridging: Bridging = 'across-languages'): AnalyzedText {
  const bridged = bridging === 'across-languages'
  const counts = new Map<string, number>()
  const surfaces = new Map<string, string>()
  let length = 0
  const reach: Reach = { cyrillic: 0, latin: 0 }
  const scripts: Reach = { cyrillic: 0, latin: 0 }
  let budget = MAX_WORDS_PER_TEXT
  // A term's surface is its first spelling; a word pair's, the first time its words stand together.
  const count = (term: string, surface: string) => {
    counts.set(term, (counts.get(term) ?? 0) + 1)
    if (!surfaces.get(term)) surfaces.set(term, surface)
  }
  for (const field of fields) {
    if (!field || budget <= 0) continue
    const words = spelledTokens(field)
      .map((word, at) => ({ ...word, at }))
      .filter(({ token }) => !isStopword(token))
      .slice(0, budget)
    budget -= words.length
    const tokens = words.map(({ token }) => token)
    const stems = tokens.map(cachedStem)
    // The words of the field a term stands for, by their place among all its words.
    type Span = { first: (typeof words)[number]; last: (typeof words)[number] }
    type Word = { term: string; surface: string; translated: boolean; reaches: Record<Script, boolean>; span: Span }
    let previous: Word | null = null
    const occur = (reaches: Record<Script, boolean>) => {
      length++
      if (reaches.cyrillic) reach.cyrillic++
      if (reaches.latin) reach.latin++
    }
    const add = (term: string, surface: string, translated: boolean, reaches: Record<Script, boolean>, span: Span) => {
      count(term, surface)
      occur(reaches)
      if (previous) {
        // The two stems of one translated phrase share its surface: the pair is spelled as the phrase.
        const samePhrase = previous.span === span
        // A pair across a stop word or a comma counts, but is no phrase to show: it gets no surface.
        const together = samePhrase || (span.first.at === previous.span.last.at + 1 && span.first.spaced)
        const spelled = (first: string, second: string) => (!together ? '' : samePhrase ? surface : `${first} ${second}`)
        count(`${previous.term} ${term}`, spelled(previous.surface, surface))
        occur({ cyrillic: reaches.cyrillic && previous.reaches.cyrillic, latin: reaches.latin && previous.reaches.latin })
        // «катализатор гидроочистки» is a "hydrotreating catalyst": a Russian noun comes before the
        // noun that qualifies it, so a pair of translated words may stand either way round in English.
        if (translated && previous.translated && !samePhrase) count(`${term} ${previous.term}`, spelled(previous.surface, surface))
      }
      previous = { term, surface, translated, reaches, span }
    }
    for (let i = 0; i < tokens.length; ) {
      const translation = bridged ? translationAt(stems, i) : null
      if (translation) {
        const phrase = words.slice(i, i + translation.russianStems.length)
        const surface = phrase.map(({ spelling }) => spelling).join(' ')
        const span = { first: phrase[0], last: phrase[phrase.length - 1] }
        for (const term of translation.englishStems) add(term, surface, true, BOTH, span)
        scripts.cyrillic += translation.russianStems.length
        i += translation.russianStems.length
        continue
      }
      const token = tokens[i]
      const key = bridged ? cognateKey(token) : null
      const cyrillic = CYRILLIC.test(token)
      const latin = !cyrillic && LATIN.test(token)
      if (cyrillic) scripts.cyrillic++
      if (latin) scripts.latin++
      // Within one language every word can be shared; across languages only a linked one.
      const reaches = !bridged
        ? BOTH
        : { cyrillic: !latin || key !== null || isTranslationTarget(stems[i]), latin: !cyrillic || key !== null }
      add(stems[i], words[i].spelling, false, reaches, { first: words[i], last: words[i] })
      if (key) count(keyTerm(key, cyrillic, side), words[i].spelling)
      i++
    }
  }
  return { counts, surfaces, length, script: scripts.latin > scripts.cyrillic ? 'latin' : 'cyrillic', reach }
}

const BOTH: Record<Script, boolean> = { cyrillic: true, latin: true }
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u

/** True for a term made of two adjacent words. */
export function isWordPair(term: string): boolean {
  return term.includes(' ')
}
