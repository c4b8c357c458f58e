import type { ClaimDocumentKind, DocumentMaxAges, RequiredDocumentKind } from '#db/schema/claim-values'
import { claimDocumentKinds } from '#db/schema/claim-values'

// The programme's document checklist held against what a claim has: for each required kind, the
// documents there are, and which are missing or older than the programme allows on the day the
// claim is filed. Pure, so that the claim page, the reviewer's page and the rules agree.

/** One dated document of a kind: a contract, an act, a payment order or a document attached to the claim. */
export interface DatedDocument {
  kind: RequiredDocumentKind
  /** What names it to a person: a contract or order number, or the file's name. */
  label: string
  date: string
  present: boolean
}

export type ChecklistStatus = 'complete' | 'missing' | 'too_old'

export interface ChecklistItem {
  kind: RequiredDocumentKind
  maxAgeDays: number | null
  /** The earliest date a document of this kind may carry, when the kind has a maximum age. */
  oldestAllowed: string | null
  status: ChecklistStatus
  documents: (DatedDocument & { tooOld: boolean })[]
}

export function isClaimDocumentKind(kind: string): kind is ClaimDocumentKind {
  return (claimDocumentKinds as readonly string[]).includes(kind)
}

/** YYYY-MM-DD less a number of days, in the calendar (no time zone enters). */
export function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * `filedOn`: the day the claim is (or was) filed, from which ages are counted. A kind the claim
 * itself holds is missing when none is attached; a contract, act or payment order is missing when
 * its record has no scan.
 */
export function documentChecklist(required: RequiredDocumentKind[], maxAges: DocumentMaxAges, documents: DatedDocument[], filedOn: string): ChecklistItem[] {
  return required.map((kind) => {
    const maxAgeDays = maxAges[kind] ?? null
    const oldestAllowed = maxAgeDays === null ? null : daysBefore(filedOn, maxAgeDays)
    const own = documents.filter((d) => d.kind === kind).map((d) => ({ ...d, tooOld: d.present && oldestAllowed !== null && d.date < oldestAllowed }))
    const missing = own.length === 0 || own.some((d) => !d.present)
    const status: ChecklistStatus = missing ? 'missing' : own.some((d) => d.tooOld) ? 'too_old' : 'complete'
    return { kind, maxAgeDays, oldestAllowed, status, documents: own }
  })
}
