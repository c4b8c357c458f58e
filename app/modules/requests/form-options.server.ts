import { classificationOptions } from '#db/classifications'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import { regionOptions } from '../organisations/regions'
import type { RdRequest } from './requests.server'

export function requestFormOptions(locale: 'ru' | 'en') {
  return { regions: regionOptions(locale), oecdGroups: classificationOptions('oecd', locale), grntiGroups: classificationOptions('grnti', locale) }
}

/** Whole roubles print without ",00" so the field reads as typed. */
function roublesText(kopecks: number): string {
  const decimal = kopecksToDecimal(kopecks as Kopecks)
  return decimal.endsWith('.00') ? decimal.slice(0, -3) : decimal
}

/** A stored request as the strings its form shows. */
export function requestFormValues(request: RdRequest): Record<string, string | undefined> {
  return {
    title: request.title,
    summary: request.summary,
    titleEn: request.titleEn ?? '',
    summaryEn: request.summaryEn ?? '',
    problem: request.problem,
    expectedResult: request.expectedResult,
    confidentialDetails: request.confidentialDetails ?? '',
    oecdField: request.oecdField,
    grnti: request.grnti ?? '',
    alliance: request.alliance ?? '',
    keywords: request.keywords.join(', '),
    trlNow: String(request.trlNow),
    trlWanted: String(request.trlWanted),
    budgetMin: roublesText(request.budgetMin),
    budgetMax: roublesText(request.budgetMax),
    deadline: request.deadline,
    region: request.region,
  }
}
