import type { MeasureKind, StackingRule } from '#db/schema/measure-values'
import type { Alliance, CompanySize, OrganisationType } from '#db/schema/values'
import { rankMeasures, type Eligibility, type MeasureRules } from './eligibility'

// Which support measures could pay for a registered R&D contract, and which of them cannot be
// combined over the same costs. Pure: the contract's page and the tests ask the same rules.

/** Kinds of measure that pay for, or relieve, a contract's costs; loans and services do neither. */
export const fundingKinds: readonly MeasureKind[] = ['grant', 'subsidy', 'compensation', 'tax_relief']

export interface ContractFacts {
  company: { type: OrganisationType; size: CompanySize | null; region: string; alliance: Alliance | null }
  contractorType: OrganisationType
  /** The contract's price (the confirmed terms, or else the proposed ones), in kopecks. */
  priceKopecks: number
  /** The day the company would apply (YYYY-MM-DD, the region's calendar). */
  date: string
}

export interface StackableMeasure extends MeasureRules {
  id: number
  title: string
  kind: MeasureKind
  stacking: StackingRule | null
}

/**
 * Why measure `a` cannot apply to the same costs of one contract as `b`: `same_costs`, both pay for
 * them (a cost is paid from a budget once); `reimbursed_costs`, `a` is a tax relief on costs the
 * company bore itself and `b` pays them; `relief_excluded`, the other way round: the costs `a`
 * reimburses are out of `b`'s relief.
 */
export const conflictRules = ['same_costs', 'reimbursed_costs', 'relief_excluded'] as const
export type Conflict = { measureId: number; title: string; rule: (typeof conflictRules)[number] }

export function conflictBetween(a: Pick<StackableMeasure, 'stacking'>, b: Pick<StackableMeasure, 'stacking'>): Conflict['rule'] | null {
  if (a.stacking === 'pays_costs' && b.stacking === 'pays_costs') return 'same_costs'
  if (a.stacking === 'own_costs_only' && b.stacking === 'pays_costs') return 'reimbursed_costs'
  if (a.stacking === 'pays_costs' && b.stacking === 'own_costs_only') return 'relief_excluded'
  return null
}

/** Each measure's conflicts with the others in the list, in the list's order. */
export function stackingConflicts<M extends Pick<StackableMeasure, 'id' | 'title' | 'stacking'>>(measures: readonly M[]): Map<number, Conflict[]> {
  const out = new Map<number, Conflict[]>(measures.map((m) => [m.id, []]))
  for (const a of measures) {
    for (const b of measures) {
      if (a.id === b.id) continue
      const rule = conflictBetween(a, b)
      if (rule) out.get(a.id)!.push({ measureId: b.id, title: b.title, rule })
    }
  }
  return out
}

export interface ContractSuggestion<M> {
  measure: M
  eligibility: Eligibility
  conflicts: Conflict[]
}

/**
 * The funding measures that fit or may fit the contract: the company's type, size, region and
 * alliance, the contractor's kind, the R&D stage and the contract's price, those that fit first.
 * Its TRL and field are not on a contract, so measures that ask about them "may fit".
 */
export function suggestForContract<M extends StackableMeasure>(measures: readonly M[], facts: ContractFacts, limit = 8): ContractSuggestion<M>[] {
  const ranked = rankMeasures(
    measures.filter((m) => fundingKinds.includes(m.kind)),
    {
      organisationType: facts.company.type,
      size: facts.company.type === 'company' ? facts.company.size : null,
      region: facts.company.region,
      alliance: facts.company.alliance,
      field: null,
      stage: 'rnd',
      trl: null,
      amountKopecks: facts.priceKopecks,
      date: facts.date,
      contractorType: facts.contractorType,
    },
  )
    .filter((r) => r.eligibility.verdict !== 'does_not_fit')
    .slice(0, limit)
  const conflicts = stackingConflicts(ranked.map((r) => r.measure))
  return ranked.map(({ measure, eligibility }) => ({ measure, eligibility, conflicts: conflicts.get(measure.id) ?? [] }))
}
