import { isStopword, tokenize } from '../../search/analyzer'
import type { SearchDocument } from '../../search/engine'
import { seededRandom } from './synthetic'

// Query sets drawn from the catalogue's own words, as people would type them: any word form, rare
// and frequent words, one to three words, an unfinished last word, a misspelt word. A fixed
// phrase list cycled after warm-up measures a cache, not an engine.

export interface BenchQuery {
  q: string
  /** For typo queries: the document the misspelt word was taken from, which must be found. */
  target?: string
}

export type QueryKind = 'frequent' | 'rare' | 'twoWords' | 'threeWords' | 'prefix' | 'typo' | 'tenThousandChars' | 'symbolsOnly'

/** The searchable text's words of each document (normalised surface forms: any word form). */
function wordsOf(document: SearchDocument, searchable: string[]): string[] {
  const text = searchable.map((field) => [document[field]].flat().filter((value) => value !== null).join(' ')).join(' ')
  return [...new Set(tokenize(text).filter((word) => word.length >= 4 && !isStopword(word) && !/\p{N}/u.test(word)))]
}

/** One edit a person makes (a dropped or a changed letter) that leaves no other word of the catalogue. */
function misspell(word: string, random: () => number, known: Set<string>): string | null {
  const letters = [...word]
  for (let attempt = 0; attempt < 10; attempt++) {
    // Never the first letter: both engines, like people, trust it.
    const at = 1 + Math.floor(random() * (letters.length - 1))
    const changed = [...letters]
    if (random() < 0.5) changed.splice(at, 1)
    else {
      const vowels = [.../[a-z]/.test(changed[at]) ? 'aeiou' : 'аеиоу'].filter((vowel) => vowel !== changed[at])
      changed[at] = vowels[Math.floor(random() * vowels.length)]
    }
    const typo = changed.join('')
    if (!known.has(typo)) return typo
  }
  return null
}

export function searchQuerySets(documents: SearchDocument[], searchable: string[], perKind: number, seed = 7): Record<QueryKind, BenchQuery[]> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const documentWords = documents.map((document) => wordsOf(document, searchable))
  const frequency = new Map<string, number>()
  for (const words of documentWords) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1)
  const known = new Set(frequency.keys())
  // Frequent: in at least 2 % of documents; rare: in at most 0.1 % (at least the words seen once).
  const frequent = [...frequency].filter(([, count]) => count >= documents.length * 0.02).map(([word]) => word)
  const rareLimit = Math.max(1, Math.floor(documents.length * 0.001))
  const rare = [...frequency].filter(([, count]) => count <= rareLimit).map(([word]) => word)
  const withWords = (count: number) => documentWords.filter((words) => words.length >= count)

  const fromOneDocument = (count: number): BenchQuery[] =>
    Array.from({ length: perKind }, () => {
      const words = [...pick(withWords(count))]
      const chosen: string[] = []
      while (chosen.length < count) chosen.push(...words.splice(Math.floor(random() * words.length), 1))
      return { q: chosen.join(' ') }
    })

  const prefix = Array.from({ length: perKind }, (): BenchQuery => {
    const words = pick(withWords(2))
    const first = pick(words)
    const last = pick(words.filter((word) => word !== first))
    const cut = 4 + Math.floor(random() * Math.max(1, last.length - 4))
    return { q: `${first} ${last.slice(0, cut)}` }
  })

  const typo: BenchQuery[] = []
  for (let guard = 0; typo.length < perKind && guard < perKind * 20; guard++) {
    const doc = Math.floor(random() * documents.length)
    // The document's least common long word, so that the target can be told from the other hits.
    const candidates = documentWords[doc].filter((word) => word.length >= 6).sort((a, b) => frequency.get(a)! - frequency.get(b)!)
    if (candidates.length === 0) continue
    const typoWord = misspell(candidates[0], random, known)
    if (typoWord) typo.push({ q: typoWord, target: documents[doc].id })
  }

  const symbols = '!@#$%^&*()_+-=[]{};:\'",.<>/?\\|`~«»—№'
  return {
    frequent: Array.from({ length: perKind }, () => ({ q: pick(frequent) })),
    rare: Array.from({ length: perKind }, () => ({ q: pick(rare) })),
    twoWords: fromOneDocument(2),
    threeWords: fromOneDocument(3),
    prefix,
    typo,
    // Bad input answers within the same bounds; a few samples are enough.
    tenThousandChars: Array.from({ length: Math.min(perKind, 20) }, () => {
      let q = ''
      while (q.length < 10_000) q += pick(frequent) + ' '
      return { q: q.slice(0, 10_000) }
    }),
    symbolsOnly: Array.from({ length: Math.min(perKind, 20) }, () => ({
      q: Array.from({ length: 5 + Math.floor(random() * 40) }, () => pick([...symbols])).join(''),
    })),
  }
}
