import type { AffiliationGround, ClaimDocumentKind, ContractorKind, CostWindow, DocumentMaxAges, OwnCostCategory, RequiredDocumentKind, VatBase } from '#db/schema/claim-values'
import type { OrganisationType } from '#db/schema/values'
import { isWithin } from '../calendar/calendar'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import { documentChecklist, isClaimDocumentKind, type ChecklistItem, type DatedDocument } from './checklist'
import { computeEligibleAmount, vatIncluded, type CategoryRule, type CostLine, type EligibleAmount } from './eligible-amount'

// Every rule of a programme a claim must keep, as plain data in and sentences (dictionary keys with
// parameters) out. A claim can be submitted only when the list is empty.

export interface ProgrammeRules {
  year: number
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
  documentMaxAgeDays: DocumentMaxAges
  budgetRemainingKopecks: number
  vatBase: VatBase
  /** Empty: contractor R&D alone, at shareBp, with no cap of its own. */
  costCategories: CategoryRule[]
  costWindow: CostWindow | null
}

export interface PaymentFacts {
  id: number
  orderNumber: string
  paidOn: string
  amountKopecks: number
  confirmed: boolean
  hasDocument: boolean
  claimedBy: number | null
}

/** One contract the claim covers, with the payments the claim names under it. */
export interface ContractFacts {
  contract: { id: number; confirmed: boolean; number: string; signedOn: string; hasDocument: boolean; priceKopecks: number; vatKopecks: number; vatExempt: boolean }
  /** `verified`: the administration confirmed the organisation (and so its state status). */
  contractor: { name: string; type: OrganisationType; isState: boolean; verified: boolean }
  payments: PaymentFacts[]
  /** Confirmed acceptance acts of the contract. */
  acts: { number: string; signedOn: string; amountKopecks: number; hasDocument: boolean }[]
  /** Payments of this contract already in other claims that are not withdrawn or rejected. */
  claimedOnContractKopecks: number
}

/** A cost of the company's own the claim names (staff, materials, equipment, IP). */
export interface CostFacts {
  id: number
  category: OwnCostCategory
  description: string
  incurredOn: string
  amountKopecks: number
  vatKopecks: number
  hasDocument: boolean
}

export interface ClaimFacts {
  /** Today in the region, YYYY-MM-DD. */
  today: string
  programme: ProgrammeRules
  /** A returned claim being corrected: the claim window no longer applies to it. */
  resubmission: boolean
  companyVerified: boolean
  contracts: ContractFacts[]
  costs: CostFacts[]
  companyCommittedKopecks: number
  /** The day the claim is filed (today while it is prepared): documents' ages are counted to it. */
  filedOn: string
  /** Documents attached to the claim itself, each with the date it was issued. */
  claimDocuments: { kind: ClaimDocumentKind; name: string; issuedOn: string }[]
  /** The company's declaration, and the administration's check: null until it is made. */
  affiliation: { declared: boolean; grounds: AffiliationGround[] | null }
}

export type ViolationRule =
  | 'programme_not_open'
  | 'programme_closed'
  | 'company_not_verified'
  | 'contract_not_confirmed'
  | 'contractor_not_eligible'
  | 'contractor_not_verified'
  | 'contract_date_outside'
  | 'affiliation_not_declared'
  | 'contractor_affiliated'
  | 'document_missing'
  | 'document_too_old'
  | 'document_missing_contract'
  | 'no_payments'
  | 'payment_not_confirmed'
  | 'payment_outside_period'
  | 'payment_outside_window'
  | 'cost_outside_window'
  | 'cost_outside_period'
  | 'cost_category_not_compensated'
  | 'document_missing_cost'
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

/** Checks that are the administration's to make before an approval; they do not stop a submission. */
export type ReviewCheck = 'affiliation_not_checked'

export interface ClaimAssessment {
  violations: Violation[]
  /** What the administration has yet to check, in words, on the reviewer's page. */
  reviewChecks: ReviewCheck[]
  checklist: ChecklistItem[]
  computation: EligibleAmount
  /** Per payment: counted in the computation or not. */
  eligiblePaymentIds: number[]
  eligibleCostIds: number[]
}

/** The categories a programme pays for: by default contractor R&D alone at its headline share. */
export function categoryRulesOf(p: Pick<ProgrammeRules, 'shareBp' | 'costCategories'>): CategoryRule[] {
  return p.costCategories.length > 0 ? p.costCategories : [{ category: 'contractor_rd', shareBp: p.shareBp, capKopecks: null }]
}

/** YYYY-MM-DD plus whole months, kept to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * Whether a cost dated `date` (anchored at `anchor`: the payment, or the act that accepted the
 * work) is inside the programme's rolling window on the day the claim is filed. Returns the
 * window's bounds when it is not, for the sentence that names it.
 */
export function outsideWindow(window: CostWindow | null, date: string, anchor: string, today: string, year: number): { from: string; to: string } | null {
  if (!window) return null
  if (window.kind === 'this_and_previous_year') {
    const from = `${year - 1}-01-01`
    const to = `${year}-12-31`
    return isWithin(date, from, to) ? null : { from, to }
  }
  const to = addMonths(anchor, window.months)
  return today <= to ? null : { from: anchor, to }
}

export function assessClaim(facts: ClaimFacts): ClaimAssessment {
  const { programme: p } = facts
  const violations: Violation[] = []
  if (!facts.resubmission) {
    if (facts.today < p.opensOn) violations.push({ rule: 'programme_not_open', params: { date: p.opensOn } })
    if (facts.today > p.closesOn) violations.push({ rule: 'programme_closed', params: { date: p.closesOn } })
  }
  if (!facts.companyVerified) violations.push({ rule: 'company_not_verified' })
  // The contractor must not be affiliated with the company: its own declaration, then the
  // administration's check of the registers (same INN, same founders, a spin-off).
  if (!facts.affiliation.declared) violations.push({ rule: 'affiliation_not_declared' })
  if (facts.affiliation.grounds?.length) {
    violations.push({ rule: 'contractor_affiliated', params: { contractor: facts.contracts[0]?.contractor.name ?? '', grounds: facts.affiliation.grounds.join(',') } })
  }
  const reviewChecks: ReviewCheck[] = facts.affiliation.grounds === null ? ['affiliation_not_checked'] : []
  const checklist = documentChecklist(p.requiredDocuments, p.documentMaxAgeDays, datedDocuments(facts), facts.filedOn)
  for (const item of checklist) {
    // Missing scans of the contract's own records are named by the record below; the claim's own kinds here.
    if (item.status === 'missing' && isClaimDocumentKind(item.kind)) violations.push({ rule: 'document_missing', params: { kind: item.kind } })
    for (const d of item.documents.filter((x) => x.tooOld)) {
      violations.push({ rule: 'document_too_old', params: { kind: item.kind, name: d.label, date: d.date, days: item.maxAgeDays!, oldest: item.oldestAllowed! } })
    }
  }

  const categories = categoryRulesOf(p)
  const compensated = new Set(categories.map((c) => c.category))
  const lines: CostLine[] = []
  const eligiblePaymentIds: number[] = []
  const allPayments = facts.contracts.flatMap((c) => c.payments)
  if (allPayments.length === 0 && facts.costs.length === 0) violations.push({ rule: 'no_payments' })
  for (const c of facts.contracts) {
    // Rules of the contract as a whole: if one fails, no payment under it is eligible.
    let contractEligible = compensated.has('contractor_rd')
    if (!c.contract.confirmed) {
      violations.push({ rule: 'contract_not_confirmed', params: { number: c.contract.number } })
      contractEligible = false
    }
    const kind = contractorKindOf(c.contractor.type, c.contractor.isState)
    if (!kind || !p.eligibleContractorKinds.includes(kind)) {
      violations.push({ rule: 'contractor_not_eligible', params: { contractor: c.contractor.name } })
      contractEligible = false
    } else if (!c.contractor.verified) {
      // A contractor's state status is confirmed by the administration, never self-declared (DESIGN.md).
      violations.push({ rule: 'contractor_not_verified', params: { contractor: c.contractor.name } })
      contractEligible = false
    }
    if (!isWithin(c.contract.signedOn, p.contractsFrom, p.contractsTo)) {
      violations.push({ rule: 'contract_date_outside', params: { date: c.contract.signedOn, from: p.contractsFrom, to: p.contractsTo } })
      contractEligible = false
    }
    if (p.requiredDocuments.includes('contract') && !c.contract.hasDocument) {
      violations.push({ rule: 'document_missing_contract', params: { number: c.contract.number } })
    }
    const lastAct = c.acts.map((a) => a.signedOn).sort().at(-1)
    for (const payment of c.payments) {
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
      const anchor = p.costWindow?.kind === 'months_after' && p.costWindow.from === 'act' ? (lastAct ?? payment.paidOn) : payment.paidOn
      const window = outsideWindow(p.costWindow, payment.paidOn, anchor, facts.today, p.year)
      if (window && !facts.resubmission) {
        violations.push({ rule: 'payment_outside_window', params: { order: payment.orderNumber, date: payment.paidOn, from: window.from, to: window.to } })
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
      lines.push({
        category: 'contractor_rd',
        grossKopecks: payment.amountKopecks,
        vatKopecks: c.contract.vatExempt ? 0 : vatIncluded(payment.amountKopecks, c.contract.priceKopecks, c.contract.vatKopecks),
        vatExempt: c.contract.vatExempt,
        eligible,
      })
    }
    // Compensation is for work paid and accepted: the acts must cover every payment claimed under the contract.
    if (p.requiredDocuments.includes('acceptance_act') && c.payments.length > 0) {
      if (c.acts.length === 0) violations.push({ rule: 'no_acceptance_act', params: { number: c.contract.number } })
      for (const act of c.acts) if (!act.hasDocument) violations.push({ rule: 'document_missing_act', params: { number: act.number } })
      const accepted = c.acts.reduce((s, a) => s + a.amountKopecks, 0)
      const claimed = c.claimedOnContractKopecks + c.payments.reduce((s, x) => s + x.amountKopecks, 0)
      if (c.acts.length > 0 && claimed > accepted) violations.push({ rule: 'not_accepted', params: { number: c.contract.number, accepted: money(accepted), claimed: money(claimed) } })
    }
  }

  const eligibleCostIds: number[] = []
  for (const cost of facts.costs) {
    let eligible = true
    const params = { description: cost.description, date: cost.incurredOn, from: p.paymentsFrom, to: p.paymentsTo }
    if (!compensated.has(cost.category)) {
      violations.push({ rule: 'cost_category_not_compensated', params: { ...params, category: cost.category } })
      eligible = false
    }
    if (!isWithin(cost.incurredOn, p.paymentsFrom, p.paymentsTo)) {
      violations.push({ rule: 'cost_outside_period', params })
      eligible = false
    }
    const window = outsideWindow(p.costWindow, cost.incurredOn, cost.incurredOn, facts.today, p.year)
    if (window && !facts.resubmission) {
      violations.push({ rule: 'cost_outside_window', params: { ...params, from: window.from, to: window.to } })
      eligible = false
    }
    if (!cost.hasDocument) {
      violations.push({ rule: 'document_missing_cost', params })
      eligible = false
    }
    if (eligible) eligibleCostIds.push(cost.id)
    lines.push({ category: cost.category, grossKopecks: cost.amountKopecks, vatKopecks: cost.vatKopecks, vatExempt: false, eligible })
  }

  const computation = computeEligibleAmount({
    vatBase: p.vatBase,
    categories,
    lines,
    capPerClaimKopecks: p.capPerClaimKopecks,
    capPerCompanyKopecks: p.capPerCompanyKopecks,
    companyCommittedKopecks: facts.companyCommittedKopecks,
    budgetRemainingKopecks: p.budgetRemainingKopecks,
  })

  if (p.capPerCompanyKopecks - facts.companyCommittedKopecks <= 0) violations.push({ rule: 'company_cap_reached', params: { cap: money(p.capPerCompanyKopecks) } })
  if (p.budgetRemainingKopecks <= 0) violations.push({ rule: 'budget_exhausted' })
  if (violations.length === 0 && computation.resultKopecks <= 0) violations.push({ rule: 'nothing_to_compensate' })
  return { violations, reviewChecks, checklist, computation, eligiblePaymentIds, eligibleCostIds }
}

/** Every dated document the checklist looks at: the contracts' records, then the claim's own. */
export function datedDocuments(facts: Pick<ClaimFacts, 'contracts' | 'claimDocuments'>): DatedDocument[] {
  const documents: DatedDocument[] = []
  for (const c of facts.contracts) {
    documents.push({ kind: 'contract', label: c.contract.number, date: c.contract.signedOn, present: c.contract.hasDocument })
    for (const a of c.acts) documents.push({ kind: 'acceptance_act', label: a.number, date: a.signedOn, present: a.hasDocument })
    for (const p of c.payments) documents.push({ kind: 'payment_order', label: p.orderNumber, date: p.paidOn, present: p.hasDocument })
  }
  for (const d of facts.claimDocuments) documents.push({ kind: d.kind, label: d.name, date: d.issuedOn, present: true })
  return documents
}
