import { applicantTypes, measureStages, type MeasureStage } from '#db/schema/measure-values'
import { alliances, companySizes, type Alliance, type CompanySize, type OrganisationType } from '#db/schema/values'
import { isIsoDate } from '../calendar/calendar'
import { parseRoubles } from '../format/money'
import { regionCodes } from '../organisations/regions'
import type { EligibilityProfile } from './eligibility'

// The navigator's short questionnaire: a GET form whose answers travel in the URL, so that a page
// of results, a measure's page and a link from a request all carry the same profile. Every answer
// may be left empty ("I don't know"); a malformed one is treated as empty and pointed out.

export const questionFields = ['type', 'size', 'region', 'alliance', 'field', 'stage', 'trl', 'amount', 'date'] as const
export type QuestionField = (typeof questionFields)[number]
/** The answers as the form shows them: '' is "not said". */
export type Answers = Record<QuestionField, string>

/** Set by the form, so that answers left empty on purpose are not filled in again from the profile. */
export const ANSWERED = 'answered'

export function blankAnswers(): Answers {
  return { type: '', size: '', region: '', alliance: '', field: '', stage: '', trl: '', amount: '', date: '' }
}

/** The answers in a URL, and whether the questionnaire was submitted at all. */
export function readAnswers(params: URLSearchParams): { answered: boolean; answers: Answers } {
  const answers = blankAnswers()
  for (const field of questionFields) answers[field] = (params.get(field) ?? '').trim().slice(0, 40)
  return { answered: params.get(ANSWERED) === '1', answers }
}

/** What an organisation's own profile answers: type, size, region and alliance. */
export function answersFromOrganisation(organisation: { type: OrganisationType; size: CompanySize | null; region: string; alliance: Alliance | null }): Answers {
  return {
    ...blankAnswers(),
    type: (applicantTypes as readonly string[]).includes(organisation.type) ? organisation.type : '',
    size: organisation.type === 'company' ? (organisation.size ?? '') : '',
    region: organisation.region,
    alliance: organisation.alliance ?? '',
  }
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value)

/** The eligibility profile the answers describe; answers that are not valid are listed and left out. */
export function profileOf(answers: Answers, today: string): { profile: EligibilityProfile; invalid: QuestionField[] } {
  const invalid: QuestionField[] = []
  const pick = <T>(field: QuestionField, read: (value: string) => T | null): T | null => {
    const value = answers[field]
    if (value === '') return null
    const parsed = read(value)
    if (parsed === null) invalid.push(field)
    return parsed
  }
  const profile: EligibilityProfile = {
    organisationType: pick('type', (v) => (isOneOf(applicantTypes, v) ? v : null)),
    size: pick('size', (v) => (isOneOf(companySizes, v) ? v : null)),
    region: pick('region', (v) => (isOneOf(regionCodes, v) ? v : null)),
    alliance: pick('alliance', (v) => (isOneOf(alliances, v) ? v : null)),
    field: pick('field', (v) => (/^[1-6](\.\d{1,2})?$/.test(v) ? v : null)),
    stage: pick('stage', (v): MeasureStage | null => (isOneOf(measureStages, v) ? v : null)),
    trl: pick('trl', (v) => (/^[1-9]$/.test(v) ? Number(v) : null)),
    amountKopecks: pick('amount', (v) => {
      const kopecks = parseRoubles(v)
      return kopecks !== null && kopecks >= 0 ? kopecks : null
    }),
    date: pick('date', (v) => (isIsoDate(v) ? v : null)) ?? today,
  }
  return { profile, invalid }
}

/** The answers as URL parameters (with the "answered" mark), for links that keep the profile. */
export function answersQuery(answers: Answers): string {
  const params = new URLSearchParams({ [ANSWERED]: '1' })
  for (const field of questionFields) if (answers[field]) params.set(field, answers[field])
  return params.toString()
}
