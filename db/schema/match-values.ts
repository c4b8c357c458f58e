// Value sets of matching, free of drizzle imports so that browser code can use them too.

/** Where one side of a proposal stands: each side (the company, the lab) keeps its own. */
export const matchStatuses = ['new', 'viewed', 'interested', 'dismissed'] as const
export type MatchStatus = (typeof matchStatuses)[number]

/** Why a side set a proposal aside; "other" asks for a few words. */
export const matchDismissReasons = ['not_relevant', 'no_capacity', 'budget', 'timeline', 'trl', 'already_chosen', 'other'] as const
export type MatchDismissReason = (typeof matchDismissReasons)[number]

/** The two sides of a proposal: the company that posted the request and the lab proposed for it. */
export const matchSides = ['company', 'lab'] as const
export type MatchSide = (typeof matchSides)[number]

/** What a matching profile describes. */
export const matchEntityTypes = ['lab', 'request'] as const
export type MatchEntityType = (typeof matchEntityTypes)[number]
