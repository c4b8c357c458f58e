import type { VatMode } from '#db/schema/contract-values'
import { vatRates } from '#db/schema/contract-values'
import { kopecksToDecimal, type Kopecks } from '../format/money'
import { refuse, type Refusal } from '../result'
import { isIsoDate } from '../calendar/calendar'

// The rules of a contract's terms, as plain functions: the forms check them for inline messages,
// the domain functions check them again because they trust no caller.

export interface StageTerms {
  title: string
  dueOn: string
  amount: number
}

export interface ContractTerms {
  number: string
  signedOn: string
  subject: string
  /** Price including VAT, in kopecks. */
  price: number
  vatMode: VatMode
  vatRate?: number
  vatAmount?: number
  startsOn: string
  endsOn: string
  stages: StageTerms[]
}

const MAX_KOPECKS = 1e15

function isAmount(value: unknown, allowZero = false): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && (allowZero ? value >= 0 : value > 0) && value < MAX_KOPECKS
}

/** VAT included in a price at a rate, to the kopeck, half up: price × rate / (100 % + rate). */
export function vatIncluded(price: number, rateBp: number): number {
  const p = BigInt(price)
  const r = BigInt(rateBp)
  const divisor = 10_000n + r
  return Number((p * r * 2n + divisor) / (2n * divisor))
}

/** The VAT amount the terms state: none, from the rate, or as typed. */
export function vatOf(terms: Pick<ContractTerms, 'price' | 'vatMode' | 'vatRate' | 'vatAmount'>): { vatKopecks: number; vatRateBp: number | null } {
  if (terms.vatMode === 'rate') return { vatKopecks: vatIncluded(terms.price, terms.vatRate ?? 0), vatRateBp: terms.vatRate ?? 0 }
  if (terms.vatMode === 'amount') return { vatKopecks: terms.vatAmount ?? 0, vatRateBp: null }
  return { vatKopecks: 0, vatRateBp: null }
}

export type TermsRefusal =
  | 'invalid'
  | 'amount_positive'
  | 'vat_not_below_price'
  | 'term_order'
  | 'stages_required'
  | 'stages_sum'
  | 'stage_due_outside_term'

/** The first thing wrong with the terms, with the field it concerns; null when they hold together. */
export function termsProblem(terms: ContractTerms): Refusal<TermsRefusal> | null {
  if (!terms.number?.trim() || !terms.subject?.trim()) return refuse('invalid')
  for (const [field, value] of [['signedOn', terms.signedOn], ['startsOn', terms.startsOn], ['endsOn', terms.endsOn]] as const) {
    if (!isIsoDate(value)) return refuse('invalid', { field })
  }
  if (!isAmount(terms.price)) return refuse('amount_positive', { field: 'price' })
  if (terms.vatMode === 'rate' && !(vatRates as readonly number[]).includes(terms.vatRate ?? -1)) return refuse('invalid', { field: 'vatRate' })
  if (terms.vatMode === 'amount' && !isAmount(terms.vatAmount, true)) return refuse('amount_positive', { field: 'vatAmount' })
  if (vatOf(terms).vatKopecks >= terms.price) return refuse('vat_not_below_price', { field: 'vatAmount' })
  if (terms.endsOn < terms.startsOn) return refuse('term_order', { field: 'endsOn' })
  if (!Array.isArray(terms.stages) || terms.stages.length === 0 || terms.stages.length > 20) return refuse('stages_required', { field: 'stages' })
  for (const [index, stage] of terms.stages.entries()) {
    if (!stage.title?.trim() || !isIsoDate(stage.dueOn)) return refuse('invalid', { field: `stages[${index}]` })
    if (!isAmount(stage.amount)) return refuse('amount_positive', { field: `stages[${index}].amount` })
    if (stage.dueOn < terms.startsOn || stage.dueOn > terms.endsOn) return refuse('stage_due_outside_term', { field: `stages[${index}].dueOn` })
  }
  const sum = terms.stages.reduce((total, stage) => total + stage.amount, 0)
  if (sum !== terms.price) {
    return refuse('stages_sum', { field: 'stages', params: { sum: kopecksToDecimal(sum as Kopecks), price: kopecksToDecimal(terms.price as Kopecks) } })
  }
  return null
}
