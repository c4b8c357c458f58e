// What orders a catalogue opened without a query: profiles in the reader's language first, then the
// most complete, then the most recently active. Computed when a document is built, so the order is
// one sort in either engine.

const CYRILLIC = /\p{Script=Cyrillic}/gu
const LATIN = /\p{Script=Latin}/gu

/** The language a text is written in, by which letters most of it uses; null for a text with no letters. */
export function textLanguage(text: string | null | undefined): 'ru' | 'en' | null {
  const cyrillic = text?.match(CYRILLIC)?.length ?? 0
  const latin = text?.match(LATIN)?.length ?? 0
  if (cyrillic === 0 && latin === 0) return null
  return cyrillic >= latin ? 'ru' : 'en'
}

/** Sort fields saying which languages a profile can be read in (1) or not (0): each text given is one version of it. */
export function readableIn(versions: ReadonlyArray<string | null | undefined>): { inRussian: 0 | 1; inEnglish: 0 | 1 } {
  const languages = new Set(versions.map(textLanguage))
  return { inRussian: languages.has('ru') ? 1 : 0, inEnglish: languages.has('en') ? 1 : 0 }
}

/**
 * How complete a profile is, in three steps (0 sparse, 1 partial, 2 complete) rather than a fine
 * score, so that among equally complete profiles the recently active come first.
 */
export function completeness(parts: readonly boolean[]): 0 | 1 | 2 {
  const share = parts.filter(Boolean).length / Math.max(1, parts.length)
  return share >= 0.85 ? 2 : share >= 0.5 ? 1 : 0
}

/** The latest of some moments (ISO dates or times), or the empty string when there is none. */
export function latest(moments: ReadonlyArray<string | null | undefined>): string {
  return moments.reduce<string>((max, m) => (m && m > max ? m : max), '')
}

/** The sort a catalogue opened without a query uses, for a reader of `locale`. */
export function readerOrder(locale: 'ru' | 'en') {
  return [
    { field: locale === 'en' ? 'inEnglish' : 'inRussian', direction: 'desc' as const },
    { field: 'completeness', direction: 'desc' as const },
    { field: 'activeAt', direction: 'desc' as const },
  ]
}
