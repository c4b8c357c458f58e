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
