// Value sets of the support-measures catalogue, free of drizzle imports so that browser code can use them too.

/** Who funds a measure: the federal government and its institutions, or the region. */
export const measureLevels = ['federal', 'regional'] as const
export type MeasureLevel = (typeof measureLevels)[number]

export const measureKinds = ['grant', 'subsidy', 'compensation', 'loan', 'tax_relief', 'service'] as const
export type MeasureKind = (typeof measureKinds)[number]

/** The stage of a project a measure supports, from an idea to scaling up production. */
export const measureStages = ['idea', 'rnd', 'pilot', 'scale'] as const
export type MeasureStage = (typeof measureStages)[number]

export const measureStatuses = ['active', 'archived'] as const
export type MeasureStatus = (typeof measureStatuses)[number]

/** Organisation types a measure may name as applicants: the administration never applies. */
export const applicantTypes = ['company', 'university', 'institute', 'research_org'] as const
export type ApplicantType = (typeof applicantTypes)[number]

/** First-level OECD Fields of Science areas, the level measures name their sectors at. */
export const oecdAreas = ['1', '2', '3', '4', '5', '6'] as const
export type OecdArea = (typeof oecdAreas)[number]

/** What a measure's co-financing share is counted from: the whole project, or the grant or subsidy itself. */
export const coFinancingBases = ['project', 'grant'] as const
export type CoFinancingBase = (typeof coFinancingBases)[number]

/**
 * How a measure stacks with others over the same contract's costs: `pays_costs` pays (part of) the
 * costs itself, so two such measures cannot both pay for the same costs; `own_costs_only` (a tax
 * relief) applies only to costs the company bore itself, never to costs a subsidy reimbursed.
 */
export const stackingRules = ['pays_costs', 'own_costs_only'] as const
export type StackingRule = (typeof stackingRules)[number]
