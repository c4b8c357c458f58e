import { labFacts, requestFacts } from '../factories/match-facts'
import { structuredFit, type Criterion, type LabFacts, type RequestFacts, type TrackRecord } from '~/modules/matching/fit'
import { combine, conditionsFactor } from '~/modules/matching/score'

// The percentage on a match card is the score itself: these are the promises it makes to its reader.

const lab = labFacts
const request = requestFacts
const TODAY = '2026-11-23'
const FULL_RECORD: TrackRecord = { contracts: 3, typicalPrice: 2_000_000_00, typicalMonths: 10 }
const REFERENCE = 0.2
const RICH = 1
const THIN = 0
const shown = (score: number) => Math.round(score * 100)

const everyConditionMet = (record: TrackRecord = FULL_RECORD) => structuredFit(lab(), request(), record, TODAY)

/** One pair per condition, failing that condition alone. */
const oneConditionFailing: Record<string, Criterion[]> = {
  'another field of science': structuredFit(lab({ oecdFields: ['5.1'] }), request(), FULL_RECORD, TODAY),
  'a neighbouring field of the same area': structuredFit(lab({ oecdFields: ['2.3'] }), request(), FULL_RECORD, TODAY),
  'TRL outside the range': structuredFit(lab({ trlMin: 7, trlMax: 9 }), request(), FULL_RECORD, TODAY),
  'TRL covering part of the range': structuredFit(lab(), request({ trlNow: 3, trlWanted: 8 }), FULL_RECORD, TODAY),
  'another alliance': structuredFit(lab({ alliance: null }), request(), FULL_RECORD, TODAY),
  'a budget under half the usual contract': structuredFit(lab(), request({ budgetMax: 900_000_00 }), FULL_RECORD, TODAY),
  'a deadline a month short of the usual contract': structuredFit(lab(), request({ deadline: '2027-08-25' }), FULL_RECORD, TODAY),
  'a deadline under three months, without a record': structuredFit(lab(), request({ deadline: '2027-01-10' }), { contracts: 0, typicalPrice: null, typicalMonths: null }, TODAY),
  'another region': structuredFit(lab({ region: '54' }), request(), FULL_RECORD, TODAY),
}

describe('the fit percentage', () => {
  it('is at the top for the best text where every condition is met and the organisation has a full record, rich or thin', () => {
    expect(combine(REFERENCE, REFERENCE, everyConditionMet(), RICH).score).toBeCloseTo(1)
    expect(combine(REFERENCE, REFERENCE, everyConditionMet(), THIN).score).toBeCloseTo(1)
  })

  it('drops visibly when any one condition fails: by a fixed share of the score, five points or more from the top, never to 95 %', () => {
    for (const [failure, criteria] of Object.entries(oneConditionFailing)) {
      expect(criteria.filter((c) => !c.met && c.name !== 'trackRecord'), failure).toHaveLength(1)
      const best = failure.includes('without a record') ? everyConditionMet({ contracts: 0, typicalPrice: null, typicalMonths: null }) : everyConditionMet()
      for (const richness of [RICH, 0.5, THIN]) {
        for (const textRaw of [REFERENCE, 0.15, 0.08]) {
          const met = combine(textRaw, REFERENCE, best, richness).score
          const failed = combine(textRaw, REFERENCE, criteria, richness).score
          const pair = `${failure} at text ${textRaw}, richness ${richness}: ${shown(met)} → ${shown(failed)}`
          expect(failed / met, pair).toBeLessThanOrEqual(0.93)
          if (textRaw === REFERENCE) expect(shown(met) - shown(failed), pair).toBeGreaterThanOrEqual(5)
          expect(shown(failed), pair).toBeLessThan(95)
        }
      }
    }
  })

  it('drops further with each further unmet condition', () => {
    const field = structuredFit(lab({ oecdFields: ['5.1'] }), request(), FULL_RECORD, TODAY)
    const fieldAndTrl = structuredFit(lab({ oecdFields: ['5.1'], trlMin: 7, trlMax: 9 }), request(), FULL_RECORD, TODAY)
    const fieldTrlAndRegion = structuredFit(lab({ oecdFields: ['5.1'], trlMin: 7, trlMax: 9, region: '54' }), request(), FULL_RECORD, TODAY)
    const scores = [everyConditionMet(), field, fieldAndTrl, fieldTrlAndRegion].map((criteria) => combine(REFERENCE, REFERENCE, criteria, RICH).score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(new Set(scores).size).toBe(scores.length)
    expect(conditionsFactor(fieldTrlAndRegion)).toBeLessThan(conditionsFactor(fieldAndTrl))
  })

  it('does not count a missing track record as an unmet condition', () => {
    expect(conditionsFactor(everyConditionMet({ contracts: 0, typicalPrice: null, typicalMonths: null }))).toBe(1)
  })

  it('grows with the text’s relevance, whatever the conditions and however rich the texts', () => {
    for (const criteria of [everyConditionMet(), ...Object.values(oneConditionFailing)]) {
      for (const richness of [RICH, 0.5, THIN]) {
        const scores = [0, 0.02, 0.05, 0.1, 0.15, 0.19, 0.2].map((raw) => combine(raw, REFERENCE, criteria, richness).score)
        for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1])
      }
    }
  })

  it('keeps text deciding between labs that meet the same conditions', () => {
    const criteria = oneConditionFailing['another region']
    expect(combine(0.2, REFERENCE, criteria, RICH).score).toBeGreaterThan(combine(0.14, REFERENCE, everyConditionMet(), RICH).score)
  })
})
