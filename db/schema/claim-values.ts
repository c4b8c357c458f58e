// Value sets of programmes and compensation claims, free of drizzle imports so that browser code can use them too.

/** Contractors a programme may compensate, as the programme rules name them. */
export const contractorKinds = ['state_university', 'ras_institute', 'state_research_org'] as const
export type ContractorKind = (typeof contractorKinds)[number]

/**
 * Documents a programme may require. The first three are held by the contract's records (the
 * contract, each acceptance act, each payment); the others are attached to the claim itself.
 */
export const requiredDocumentKinds = [
  'contract',
  'acceptance_act',
  'payment_order',
  'invoice',
  'rd_report',
  'subsidy_calculation',
  'tax_debt_certificate',
  'register_extract',
] as const
export type RequiredDocumentKind = (typeof requiredDocumentKinds)[number]
/** The kinds a company attaches to a claim, each with the date the document was issued. */
export const claimDocumentKinds = ['invoice', 'rd_report', 'subsidy_calculation', 'tax_debt_certificate', 'register_extract'] as const
export type ClaimDocumentKind = (typeof claimDocumentKinds)[number]
/** A programme's maximum age per kind, in days counted back from the day the claim is filed. */
export type DocumentMaxAges = Partial<Record<RequiredDocumentKind, number>>

/** What the administration found checking a contractor for affiliation with the company. */
export const affiliationGrounds = ['same_inn', 'same_founders', 'spin_off'] as const
export type AffiliationGround = (typeof affiliationGrounds)[number]
export interface AffiliationCheck {
  /** The grounds found; none means the parties are not affiliated. */
  grounds: AffiliationGround[]
  note: string
  checkedBy: string
  checkedAt: string
}

/** How a programme computes what a recipient returns when its result indicators are missed. */
export const returnFormulas = ['shortfall_sum', 'shortfall_mean'] as const
export type ReturnFormula = (typeof returnFormulas)[number]

export const reportStatuses = ['due', 'submitted', 'accepted', 'shortfall'] as const
export type ReportStatus = (typeof reportStatuses)[number]

export const returnStatuses = ['demanded', 'returned'] as const
export type ReturnStatus = (typeof returnStatuses)[number]

/** Movements of a programme's budget: each one changes the figures the programme shows. */
export const ledgerKinds = ['reserved', 'paid', 'released', 'returned'] as const
export type LedgerKind = (typeof ledgerKinds)[number]

export const claimStatuses = ['draft', 'submitted', 'returned', 'approved', 'rejected', 'paid', 'withdrawn'] as const
export type ClaimStatus = (typeof claimStatuses)[number]

/** The administration's decisions on a submitted claim. */
export const claimDecisions = ['approve', 'approve_partial', 'return', 'reject'] as const
export type ClaimDecision = (typeof claimDecisions)[number]

/** What a programme compensates: work ordered from the contractor, and the company's own costs. */
export const costCategories = ['contractor_rd', 'own_staff', 'materials', 'equipment', 'ip'] as const
export type CostCategory = (typeof costCategories)[number]
/** The company's own costs, entered on the claim; contractor R&D comes from the contract's payments. */
export const ownCostCategories = ['own_staff', 'materials', 'equipment', 'ip'] as const
export type OwnCostCategory = (typeof ownCostCategories)[number]

/** Whether the eligible base includes the VAT paid (a company that cannot deduct it) or not. */
export const vatBases = ['with_vat', 'without_vat'] as const
export type VatBase = (typeof vatBases)[number]

/**
 * A rolling window on costs, besides the fixed payment period: "within N months of the payment (or
 * of the acceptance act)" counted to the day the claim is filed, or "costs of the programme's year
 * and the year before".
 */
export type CostWindow = { kind: 'months_after'; months: number; from: 'payment' | 'act' } | { kind: 'this_and_previous_year' }

/** A category rule as the programme stores it (see app/modules/claims/eligible-amount.ts). */
export interface CategoryRuleColumn {
  category: CostCategory
  shareBp: number
  capKopecks: number | null
}

/**
 * How a programme chooses whom to fund: in order of decision (first come), or by a commission's
 * scores in a competitive round, funded in rank order down to the budget.
 */
export const selectionModes = ['first_come', 'competitive'] as const
export type SelectionMode = (typeof selectionModes)[number]
/** The criteria a competitive round may score, each with a weight the administration sets. */
export const selectionCriteria = ['scientific_level', 'economic_effect', 'co_funding', 'readiness'] as const
export type SelectionCriterion = (typeof selectionCriteria)[number]
export interface WeightedCriterion {
  key: SelectionCriterion
  weight: number
}
export const roundStatuses = ['open', 'closed'] as const
/** Where an application ended in a closed round. */
export const selectionOutcomes = ['funded', 'below_cutoff', 'not_scored'] as const
export type SelectionOutcome = (typeof selectionOutcomes)[number]
