import { deu, eng, fra, ita, nld, pol, por, spa, swe, tur } from 'stopword'
import { tokenize } from '#search/analyzer'

// The matcher reads Russian and English. A text in a third language, or with no words at all, would
// only be matched by chance (a shared name, a number): it is proposed nothing, and told why.

export type Readability = 'readable' | 'no_words' | 'other_language'

const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN = /\p{Script=Latin}/u
const LETTER = /\p{L}/u

const english = new Set(eng)
// The Latin-script languages a catalogue in this region is likeliest to meet instead of English.
const otherLatin = new Set([...deu, ...fra, ...spa, ...ita, ...por, ...nld, ...pol, ...swe, ...tur].filter((word) => !english.has(word)))

/**
 * Whether the matcher can read a text: most of its words in Cyrillic or Latin letters and, where Latin,
 * more English function words than those of other European languages.
 */
export function readability(fields: ReadonlyArray<string | null | undefined>): Readability {
  let cyrillic = 0
  let latin = 0
  let other = 0
  let englishWords = 0
  let otherLatinWords = 0
  for (const field of fields) {
    for (const token of tokenize(field ?? '')) {
      if (!LETTER.test(token)) continue
      if (CYRILLIC.test(token)) cyrillic++
      else if (LATIN.test(token)) {
        latin++
        if (english.has(token)) englishWords++
        else if (otherLatin.has(token)) otherLatinWords++
      } else other++
    }
  }
  const words = cyrillic + latin + other
  if (words === 0) return 'no_words'
  if (other > cyrillic + latin) return 'other_language'
  if (latin > cyrillic && otherLatinWords > englishWords) return 'other_language'
  return 'readable'
}
