import type { ContractorKind, RequiredDocumentKind } from '#db/schema/claim-values'
import type { OrganisationType } from '#db/schema/values'
import { isWithin } from '../contracts/calendar'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import { computeEligibleAmount, type EligibleAmount } from './eligible-amount'

// Every rule of a programme a claim must keep, as plain data in and sentences (dictionary keys with
// parameters) out. A claim can be submitted only when the list is empty.

export interface ProgrammeRules {
  opensOn: string
  closesOn: string
  contractsFrom: string
  contractsTo: string
  paymentsFrom: string
  paymentsTo: string
  shareBp: number
  capPerClaimKopecks: number
  capPerCompanyKopecks: number
  eligibleContractorKinds: ContractorKind[]
  requiredDocuments: RequiredDocumentKind[]
  budgetRemainingKopecks: number
}

export interface ClaimFacts {
  /** Today in the region, YYYY-MM-DD. */
  today: string
  programme: ProgrammeRules
  /** A returned claim being corrected: the claim window no longer applies to it. */
  resubmission: boolean
  companyVerified: boolean
  contract: { confirmed: boolean; number: string; signedOn: string; hasDocument: boolean }
  /** `verified`: the administration confirmed the organisation (and so its state status). */
  contractor: { name: string; type: OrganisationType; isState: boolean; verified: boolean }
  payments: { id: number; orderNumber: string; paidOn: string; amountKopecks: number; confirmed: boolean; hasDocument: boolean; claimedBy: number | null }[]
  /** Confirmed acceptance acts of the contract. */
  acts: { number: string; amountKopecks: number; hasDocument: boolean }[]
  /** Payments of this contract already in other claims that are not withdrawn or rejected. */
  claimedOnContractKopecks: number
  companyCommittedKopecks: number
}

export type ViolationRule =
  | 'programme_not_open'
  | 'programme_closed'
  | 'company_not_verified'
  | 'contract_not_confirmed'
  | 'contractor_not_eligible'
  | 'contractor_not_verified'
  | 'contract_date_outside'
  | 'document_missing_contract'
  | 'no_payments'
  | 'payment_not_confirmed'
  | 'payment_outside_period'
  | 'payment_claimed_elsewhere'
  | 'document_missing_payment_order'
  | 'no_acceptance_act'
  | 'document_missing_act'
  | 'not_accepted'
  | 'company_cap_reached'
  | 'budget_exhausted'
  | 'nothing_to_compensate'

export interface Violation {
  rule: ViolationRule
  params?: Record<string, string | number>
}

/** Which of the programme's contractor kinds an organisation is, if any. */
export function contractorKindOf(type: OrganisationType, isState: boolean): ContractorKind | null {
  if (!isState) return null
  if (type === 'university') return 'state_university'
  if (type === 'institute') return 'ras_institute'
  if (type === 'research_org') return 'state_research_org'
  return null
}

const money = (k: number) => kopecksToDecimal(k as Kopecks)

export interface ClaimAssessment {
  violations: Violation[]
  computation: EligibleAmount
  /** Per payment: counted in the computation or not. */
  eligiblePaymentIds: number[]
}

export function assessClaim(facts: ClaimFacts): ClaimAssessment {
  const { programme: p } = facts
  const violations: Violation[] = []
  if (!facts.resubmission) {
    if (facts.today < p.opensOn) violations.push({ rule: 'programme_not_open', params: { date: p.opensOn } })
    if (facts.today > p.closesOn) violations.push({ rule: 'programme_closed', params: { date: p.closesOn } })
  }
  if (!facts.companyVerified) violations.push({ rule: 'company_not_verified' })

  // Rules of the contract as a whole: if one fails, no payment under it is eligible.
  let contractEligible = true
  if (!facts.contract.confirmed) {
    violations.push({ rule: 'contract_not_confirmed', params: { number: facts.contract.number } })
    contractEligible = false
  }
  const kind = contractorKindOf(facts.contractor.type, facts.contractor.isState)
  if (!kind || !p.eligibleContractorKinds.includes(kind)) {
    violations.push({ rule: 'contractor_not_eligible', params: { contractor: facts.contractor.name } })
    contractEligible = false
  } else if (!facts.contractor.verified) {
    // A contractor's state status is confirmed by the administration, never self-declared (DESIGN.md).
    violations.push({ rule: 'contractor_not_verified', params: { contractor: facts.contractor.name } })
    contractEligible = false
  }
  if (!isWithin(facts.contract.signedOn, p.contractsFrom, p.contractsTo)) {
    violations.push({ rule: 'contract_date_outside', params: { date: facts.contract.signedOn, from: p.contractsFrom, to: p.contractsTo } })
    contractEligible = false
  }
  if (p.requiredDocuments.includes('contract') && !facts.contract.hasDocument) {
    violations.push({ rule: 'document_missing_contract', params: { number: facts.contract.number } })
  }

  if (facts.payments.length === 0) violations.push({ rule: 'no_payments' })
  const eligiblePaymentIds: number[] = []
  for (const payment of facts.payments) {
    let eligible = contractEligible
    const params = { order: payment.orderNumber, date: payment.paidOn, from: p.paymentsFrom, to: p.paymentsTo }
    if (!payment.confirmed) {
      violations.push({ rule: 'payment_not_confirmed', params })
      eligible = false
    }
    if (!isWithin(payment.paidOn, p.paymentsFrom, p.paymentsTo)) {
      violations.push({ rule: 'payment_outside_period', params })
      eligible = false
    }
    if (payment.claimedBy !== null) {
      violations.push({ rule: 'payment_claimed_elsewhere', params: { ...params, claim: payment.claimedBy } })
      eligible = false
    }
    if (p.requiredDocuments.includes('payment_order') && !payment.hasDocument) {
      violations.push({ rule: 'document_missing_payment_order', params })
      eligible = false
    }
    if (eligible) eligiblePaymentIds.push(payment.id)
  }

  const computation = computeEligibleAmount({
    shareBp: p.shareBp,
    payments: facts.payments.map((x) => ({ amountKopecks: x.amountKopecks, eligible: eligiblePaymentIds.includes(x.id) })),
    capPerClaimKopecks: p.capPerClaimKopecks,
    capPerCompanyKopecks: p.capPerCompanyKopecks,
    companyCommittedKopecks: facts.companyCommittedKopecks,
    budgetRemainingKopecks: p.budgetRemainingKopecks,
  })

  // Compensation is for work paid and accepted: the acts must cover every payment claimed under the contract.
  if (p.requiredDocuments.includes('acceptance_act') && facts.payments.length > 0) {
    if (facts.acts.length === 0) violations.push({ rule: 'no_acceptance_act', params: { number: facts.contract.number } })
    for (const act of facts.acts) if (!act.hasDocument) violations.push({ rule: 'document_missing_act', params: { number: act.number } })
    const accepted = facts.acts.reduce((s, a) => s + a.amountKopecks, 0)
    const claimed = facts.claimedOnContractKopecks + facts.payments.reduce((s, x) => s + x.amountKopecks, 0)
    if (facts.acts.length > 0 && claimed > accepted) violations.push({ rule: 'not_accepted', params: { accepted: money(accepted), claimed: money(claimed) } })
  }

  if (p.capPerCompanyKopecks - facts.companyCommittedKopecks <= 0) violations.push({ rule: 'company_cap_reached', params: { cap: money(p.capPerCompanyKopecks) } })
  if (p.budgetRemainingKopecks <= 0) violations.push({ rule: 'budget_exhausted' })
  if (violations.length === 0 && computation.resultKopecks <= 0) violations.push({ rule: 'nothing_to_compensate' })
  return { violations, computation, eligiblePaymentIds }
}
