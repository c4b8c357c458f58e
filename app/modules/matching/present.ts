import { classificationName } from '#db/classifications'
import type { Locale } from '~/i18n'
import { regionName } from '../organisations/regions'
import type { MatchExplanation } from './explanation'

// An explanation as the reader's page shows it: classification codes and region codes become names
// in the reader's language. Amounts and alliances stay as values; the match card formats them.

const FIELD_PARAMS = ['field', 'labField'] as const
const REGION_PARAMS = ['region', 'labRegion'] as const

export function presentExplanation(explanation: MatchExplanation, locale: Locale): MatchExplanation {
  return {
    ...explanation,
    criteria: explanation.criteria.map((c) => {
      const params: Record<string, string | number> = { ...c.params }
      for (const key of FIELD_PARAMS) if (typeof params[key] === 'string' && params[key]) params[`${key}Name`] = classificationName('oecd', params[key] as string, locale)
      for (const key of REGION_PARAMS) if (typeof params[key] === 'string') params[`${key}Name`] = regionName(params[key] as string, locale)
      if (typeof params.area === 'string') params.areaName = classificationName('oecd', params.area, locale)
      return { ...c, params }
    }),
  }
}
