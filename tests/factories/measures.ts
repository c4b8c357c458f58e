import type { MeasureRules } from '~/modules/measures/eligibility'

/** The rules of a measure open to anyone, any time: a test overrides the rule it is about. */
export function openMeasureRules(): Required<MeasureRules> {
  return {
    organisationTypes: [],
    companySizes: [],
    regions: [],
    sectors: [],
    stages: [],
    trlMin: null,
    trlMax: null,
    amountMinKopecks: null,
    amountMaxKopecks: null,
    maxYears: null,
    contractorTypes: [],
    deadline: null,
    status: 'active',
  }
}
