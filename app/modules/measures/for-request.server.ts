import { eq } from 'drizzle-orm'
import { organisations, rdRequests } from '#db/schema'
import { db } from '~/db.server'
import { regionToday } from '../calendar/calendar'
import { activeMeasures } from './active.server'
import { rankMeasures, stageOfTrl, type Eligibility, type Verdict } from './eligibility'
import { answersFromOrganisation, answersQuery, profileOf, type Answers } from './questionnaire'
import { summaryOf, type MeasureSummary } from './navigator.server'

export interface MeasuresForRequest {
  /** Measures that fit or may fit, those that fit first; at most `limit` of them. */
  items: { measure: MeasureSummary; eligibility: Eligibility }[]
  /** How many measures fit or may fit in all. */
  counts: Record<Exclude<Verdict, 'does_not_fit'>, number>
  /** The navigator's questionnaire answered for this request, as URL parameters: `/measures?${navigatorQuery}`. */
  navigatorQuery: string
}

/**
 * The support measures that may fund a request: its company's profile (type, size, region) with the
 * request's alliance and field of science, its current TRL (and the stage it implies) and its
 * budget, judged as of today. The request's own deadline says when the work must be done, not when
 * one may apply, so it is not a criterion. Null when there is no such request; whether the viewer may
 * see the request is the page's question (viewRequest), asked before this.
 */
export function measuresForRequest(requestId: number, options: { limit?: number; today?: string } = {}): MeasuresForRequest | null {
  const row = db
    .select({ request: rdRequests, organisation: organisations })
    .from(rdRequests)
    .innerJoin(organisations, eq(organisations.id, rdRequests.organisationId))
    .where(eq(rdRequests.id, requestId))
    .get()
  if (!row) return null
  const { request, organisation } = row
  const answers: Answers = {
    ...answersFromOrganisation(organisation),
    alliance: request.alliance ?? organisation.alliance ?? '',
    field: request.oecdField,
    stage: stageOfTrl(request.trlNow),
    trl: String(request.trlNow),
    amount: String(Math.trunc(request.budgetMax / 100)),
  }
  const today = options.today ?? regionToday()
  const measures = activeMeasures()
  const { profile } = profileOf(answers, today)
  // The questionnaire speaks whole roubles; the budget is judged to the kopeck.
  const ranked = rankMeasures(measures, { ...profile, amountKopecks: request.budgetMax }).filter((r) => r.eligibility.verdict !== 'does_not_fit')
  return {
    items: ranked.slice(0, options.limit ?? 5).map(({ measure, eligibility }) => ({ measure: summaryOf(measure), eligibility })),
    counts: { fits: ranked.filter((r) => r.eligibility.verdict === 'fits').length, may_fit: ranked.filter((r) => r.eligibility.verdict === 'may_fit').length },
    navigatorQuery: answersQuery(answers),
  }
}
