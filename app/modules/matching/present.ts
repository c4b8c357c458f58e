import { classificationName } from '#db/classifications'
import type { Locale } from '~/i18n'
import { regionName } from '../organisations/regions'
import { explainedWords, type MatchedWord, type MatchExplanation } from './explanation'
import { reasonMeets } from './fit'

// An explanation as the reader's page shows it: classification codes and region codes become names
// in the reader's language. Amounts and alliances stay as values; the match card formats them.

const FIELD_PARAMS = ['field', 'labField'] as const
const REGION_PARAMS = ['region', 'labRegion'] as const

/**
 * An explanation as a match row stores it. Rows written before words carried the lab's spelling store
 * them as plain strings, and may hold noise words and a mark that disagreed with its sentence: both
 * are read through today's rules.
 */
export type StoredExplanation = Omit<MatchExplanation, 'words'> & { words: ReadonlyArray<string | MatchedWord> }

export function presentExplanation(explanation: StoredExplanation, locale: Locale): MatchExplanation {
  return {
    ...explanation,
    words: explainedWords(explanation.words),
    criteria: explanation.criteria.map((c) => {
      const params: Record<string, string | number> = { ...c.params }
      for (const key of FIELD_PARAMS) if (typeof params[key] === 'string' && params[key]) params[`${key}Name`] = classificationName('oecd', params[key] as string, locale)
      for (const key of REGION_PARAMS) if (typeof params[key] === 'string') params[`${key}Name`] = regionName(params[key] as string, locale)
      if (typeof params.area === 'string') params.areaName = classificationName('oecd', params.area, locale)
      return { ...c, params, fits: reasonMeets(c.reason) }
    }),
  }
}
