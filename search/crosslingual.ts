import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { isStopword, stem, tokenize } from './analyzer'

// Links Russian and English words, in-process, from two sources:
// - a bilingual domain glossary (search/lexicon/glossary-ru-en.tsv, original data of this project):
//   «гидроочистка» ↔ "hydrotreating", «вечная мерзлота» ↔ "permafrost";
// - cognates: much technical vocabulary is shared (катализатор ↔ catalyst, спектрометр ↔ spectrometer),
//   so both spellings reduce to the same consonant skeleton. Known false friends (магазин ≠ magazine)
//   are kept out (search/lexicon/false-friends-ru.txt).

const LEXICON_DIR = path.resolve(process.cwd(), 'search/lexicon')
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u

/** A glossary entry as the analyzer meets it: stems on both sides, and the English as written. */
export interface Translation {
  /** The Russian stems it covers, in order. */
  russianStems: string[]
  englishStems: string[]
  english: string
}

interface Lexicon {
  /** Russian stem sequence (joined by spaces) → its first English translation. */
  russianToEnglish: Map<string, Translation>
  /** English stem sequence → the Russian lemmas it translates, for indexing English texts in Russian too. */
  englishToRussian: Map<string, string[]>
  longestRussian: number
  longestEnglish: number
  falseFriends: Set<string>
  /** Every English stem a Russian text may be translated into. */
  englishStems: Set<string>
}

function stemsOf(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => !isStopword(token))
    .map(stem)
}

function readLines(file: string): string[] {
  const text = fs.readFileSync(path.join(LEXICON_DIR, file), 'utf8')
  return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
}

let lexicon: Lexicon | null = null
let lexiconFingerprint: string | null = null

/** A short digest of the glossary and false-friends files: texts analysed with another glossary must be analysed again. */
export function glossaryFingerprint(): string {
  lexiconFingerprint ??= createHash('sha256')
    .update(readLines('glossary-ru-en.tsv').join('\n'))
    .update('\0')
    .update(readLines('false-friends-ru.txt').join('\n'))
    .digest('hex')
    .slice(0, 12)
  return lexiconFingerprint
}

/**
 * The stem of a noun's other forms where its last vowel drops (образец → образца, осадок → осадка,
 * узел → узла, уголь → угля): the stemmer leaves those forms a stem the dictionary form does not have.
 */
function fleetingVowelStems(lemma: string): string[][] {
  if (lemma.includes(' ') || !CYRILLIC.test(lemma)) return []
  const shortened = lemma.replace(/[ео]([бвгджзклмнпрстфхцчшщ])ь?$/, '$1')
  return shortened === lemma || shortened.length < 3 ? [] : [[stem(`${shortened}а`)]]
}

function loadLexicon(): Lexicon {
  if (lexicon) return lexicon
  const russianToEnglish = new Map<string, Translation>()
  const englishToRussian = new Map<string, string[]>()
  let longestRussian = 1
  let longestEnglish = 1
  for (const line of readLines('glossary-ru-en.tsv')) {
    const [russian, english] = line.split('\t').map((side) => side?.trim() ?? '')
    if (!russian || !english) continue
    const russianStems = stemsOf(russian)
    const englishStems = stemsOf(english)
    if (russianStems.length === 0 || englishStems.length === 0) continue
    // The first line of a Russian term names its usual translation; later lines are other senses.
    for (const stems of [russianStems, ...fleetingVowelStems(russian)]) {
      const russianKey = stems.join(' ')
      if (!russianToEnglish.has(russianKey)) russianToEnglish.set(russianKey, { russianStems: stems, englishStems, english })
    }
    const englishKey = englishStems.join(' ')
    const lemmas = englishToRussian.get(englishKey) ?? []
    if (!lemmas.includes(russian)) englishToRussian.set(englishKey, [...lemmas, russian])
    longestRussian = Math.max(longestRussian, russianStems.length)
    longestEnglish = Math.max(longestEnglish, englishStems.length)
  }
  const falseFriends = new Set(readLines('false-friends-ru.txt').flatMap((line) => stemsOf(line)))
  const englishStems = new Set([...russianToEnglish.values()].flatMap((translation) => translation.englishStems))
  lexicon = { russianToEnglish, englishToRussian, longestRussian, longestEnglish, falseFriends, englishStems }
  return lexicon
}

/**
 * The longest glossary entry whose Russian side starts at `start` of a run of stems, or null. Every
 * stem it covers must be Cyrillic: an English word never takes a Russian translation.
 */
export function translationAt(stems: readonly string[], start: number): Translation | null {
  const { russianToEnglish, longestRussian } = loadLexicon()
  for (let length = Math.min(longestRussian, stems.length - start); length >= 1; length--) {
    const span = stems.slice(start, start + length)
    if (!span.every((s) => CYRILLIC.test(s))) continue
    const found = russianToEnglish.get(span.join(' '))
    if (found) return found
  }
  return null
}

/** Whether a Russian text may carry this English stem, as the translation of one of its words. */
export function isTranslationTarget(englishStem: string): boolean {
  return loadLexicon().englishStems.has(englishStem)
}

/** The Russian lemmas an English text's words translate to, longest glossary entries first. */
export function russianFor(englishStems: readonly string[]): string[] {
  const { englishToRussian, longestEnglish } = loadLexicon()
  const out: string[] = []
  for (let start = 0; start < englishStems.length; ) {
    let matched = 0
    for (let length = Math.min(longestEnglish, englishStems.length - start); length >= 1 && !matched; length--) {
      const lemmas = englishToRussian.get(englishStems.slice(start, start + length).join(' '))
      if (lemmas) {
        out.push(...lemmas)
        matched = length
      }
    }
    start += matched || 1
  }
  return out
}

// Consonant classes: Russian letters and English spellings of the same sound fall together, vowels
// drop out. «х», «ч» and English "ch" are all /k/-like in borrowed words (химия, технология ↔
// chemistry, technology); «г» and an English word's first "h" meet in гидро ↔ hydro.
const RUSSIAN_CLASSES: Record<string, string> = {
  б: 'b', в: 'v', г: 'g', д: 'd', ж: 'g', з: 's', к: 'k', л: 'l', м: 'm', н: 'n', п: 'p', р: 'r', с: 's', т: 't', ф: 'f', х: 'k', ц: 's', ч: 'k', ш: 's', щ: 's',
}
const ENGLISH_DIGRAPHS: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ch/g, 'k'],
  [/sh/g, 's'],
  [/gh/g, ''],
  [/ck/g, 'k'],
  [/qu/g, 'kv'],
  [/x/g, 'ks'],
  [/c(?=[eiy])/g, 's'],
  [/ti(?=[aeou])/g, 's'],
  [/^h/, 'g'],
]
const ENGLISH_CLASSES: Record<string, string> = {
  b: 'b', c: 'k', d: 'd', f: 'f', g: 'g', k: 'k', l: 'l', m: 'm', n: 'n', p: 'p', q: 'k', r: 'r', s: 's', t: 't', v: 'v', w: 'v', z: 's',
}
/** Letters of the skeleton compared: enough to tell words apart, few enough to pass different endings. */
const KEY_LENGTH = 5
/** Shorter skeletons (нефть, метод) match too much by chance: the glossary links those. */
const MIN_KEY_LENGTH = 4

function collapse(classes: string[]): string {
  let out = ''
  for (const c of classes) if (c && out[out.length - 1] !== c) out += c
  return out
}

/**
 * The cognate key of a word (already normalised), the same for катализатор and catalyst, or null when
 * the word is too short to compare safely, a known false friend, or in neither script.
 */
export function cognateKey(token: string): string | null {
  let skeleton: string
  if (CYRILLIC.test(token)) {
    if (loadLexicon().falseFriends.has(stem(token))) return null
    skeleton = collapse([...token].map((letter) => RUSSIAN_CLASSES[letter] ?? ''))
  } else if (LATIN.test(token) && /^[a-z]+$/.test(token)) {
    let spelled = token
    for (const [pattern, replacement] of ENGLISH_DIGRAPHS) spelled = spelled.replace(pattern, replacement)
    skeleton = collapse([...spelled].map((letter) => ENGLISH_CLASSES[letter] ?? ''))
  } else return null
  return skeleton.length >= MIN_KEY_LENGTH ? skeleton.slice(0, KEY_LENGTH) : null
}

export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word)
}

/**
 * What a text says in the other language, as far as the glossary knows: the English of its Russian
 * terms and the Russian of its English ones. Indexed beside the text, so that a search in either
 * language finds it.
 */
export function otherLanguageText(texts: ReadonlyArray<string | null | undefined>): string {
  const out: string[] = []
  for (const text of texts) {
    if (!text) continue
    const stems = tokenize(text)
      .filter((token) => !isStopword(token))
      .map(stem)
    let latinRun: string[] = []
    const flushLatin = () => {
      if (latinRun.length > 0) out.push(...russianFor(latinRun))
      latinRun = []
    }
    for (let i = 0; i < stems.length; ) {
      if (!CYRILLIC.test(stems[i])) {
        if (LATIN.test(stems[i])) latinRun.push(stems[i])
        else flushLatin()
        i++
        continue
      }
      flushLatin()
      const translation = translationAt(stems, i)
      if (translation) out.push(translation.english)
      i += translation?.russianStems.length ?? 1
    }
    flushLatin()
  }
  return [...new Set(out)].join(' ')
}
