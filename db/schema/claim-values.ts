// Value sets of programmes and compensation claims, free of drizzle imports so that browser code can use them too.

/** Contractors a programme may compensate, as the programme rules name them. */
export const contractorKinds = ['state_university', 'ras_institute', 'state_research_org'] as const
export type ContractorKind = (typeof contractorKinds)[number]

/** Documents a programme may require for every claimed payment. */
export const requiredDocumentKinds = ['contract', 'acceptance_act', 'payment_order'] as const
export type RequiredDocumentKind = (typeof requiredDocumentKinds)[number]

export const claimStatuses = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'paid', 'withdrawn'] as const
export type ClaimStatus = (typeof claimStatuses)[number]

/** The administration's decisions on a submitted claim. */
export const claimDecisions = ['approve', 'approve_partial', 'return', 'reject'] as const
export type ClaimDecision = (typeof claimDecisions)[number]
