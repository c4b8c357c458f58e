import { publicRequestStatuses, type EngagementStage, type RequestStatus } from '#db/schema/values'
import { hasRole, type Actor } from './actor'

// Every authorisation question goes through can(): loaders, actions, buttons on pages and search
// filters ask the same table, so a page never offers what its action would refuse.

type OrganisationRef = { organisationId: number }
/** The two parties of a contract: the company that orders the work and the science organisation doing it. */
type ContractParties = { companyId: number; contractorId: number }
/** Something one party proposed or recorded on a contract, for the other party to confirm or decline. */
type ContractProposal = ContractParties & { proposedByOrganisationId: number }
type ClaimRef = { companyId: number }
type RequestRef = { organisationId: number; status: RequestStatus }
/** A proposal of a lab for a request: the request's company and the lab's organisation. */
type MatchRef = { companyId: number; labOrganisationId: number }
/**
 * One person's acceptance of the confidentiality terms on one engagement (one lab) of a request,
 * with what decides whether it still stands.
 */
export type Admission = {
  engagementId: number
  labId: number
  labName: string
  labOrganisationId: number
  stage: EngagementStage
  admissionOfferedAt: string | null
  userId: string
}
/** A request's company and every acceptance of its confidentiality terms, on any of its engagements. */
type ConfidentialRef = { organisationId: number; admissions: readonly Admission[] }

/** A list of records in the administration's reports: of requests, matches, engagements, contracts or claims. */
type ReportRef = { kind: string }
/** Reports that list contracts and claims, which only the administration sees (contract:view, claim:view). */
const ADMINISTRATION_ONLY_REPORTS: readonly string[] = ['contracts', 'claims']

/** The two sides of an engagement: the company of the request and the organisation of the lab. */
type EngagementRef = { companyOrganisationId: number; labOrganisationId: number }

/** An engagement with where it stands: a contract follows only an agreement. */
type EngagementAtStage = EngagementRef & { stage: EngagementStage }
/**
 * A commission member's standing on one application of a competitive round: whether the person is
 * on the commission, whether they declared a conflict of interest, and the application's two parties.
 */
type ApplicationScoring = ContractParties & { isMember: boolean; conflicted: boolean }
/** A compensation programme and whether its claim window is open today (programmes.server.ts, phaseOf). */
type ProgrammeWindowRef = { phase: 'upcoming' | 'open' | 'closed' }

interface Rules {
  'area:company': void
  'area:science': void
  'area:administration': void
  'area:platform': void
  'account:manage': void
  'organisation:edit': OrganisationRef
  'organisation:invite': OrganisationRef
  'organisation:manage_members': OrganisationRef
  'organisation:verify': void
  'request:create': void
  'request:view': RequestRef
  'request:edit': RequestRef
  'request:view_confidential': ConfidentialRef
  'request:express_interest': RequestRef
  'lab:create': void
  'lab:edit': OrganisationRef
  'match:list': void
  'match:view': MatchRef
  'match:update': MatchRef
  'match:view_for_request': OrganisationRef
  'match:view_for_lab': OrganisationRef
  'engagement:view': EngagementRef
  'engagement:act_as_company': EngagementRef
  'engagement:act_as_lab': EngagementRef
  'engagement:register_contract': EngagementAtStage
  'alert:manage': void
  'contract:register': void
  'contract:view': ContractParties
  'contract:propose_version': ContractParties
  'contract:answer': ContractProposal
  'contract:withdraw': ContractProposal
  'contract:record_act': ContractParties
  'contract:record_payment': ContractParties
  'contract:attach_document': ContractParties
  'programme:view': void
  'programme:manage': void
  'measure:manage': void
  'claim:file': void
  'programme:file_claim': ProgrammeWindowRef
  'claim:view': ClaimRef
  'claim:edit': ClaimRef
  'claim:review': void
  'claim:decide': ClaimRef
  'selection:manage': void
  'selection:declare': { isMember: boolean }
  'selection:score': ApplicationScoring
  'report:view': ReportRef
  'outbox:retry': void
}

export type Permission = keyof Rules
/** What a permission is asked about: nothing, or the resource it concerns. */
export type PermissionArgs<P extends Permission> = Rules[P] extends void ? [] : [Rules[P]]

function isMemberOf(actor: Actor | null, organisationId: number): boolean {
  return actor?.organisationId === organisationId
}

function isPartyOf(actor: Actor | null, contract: ContractParties): boolean {
  return actor?.organisationId != null && (actor.organisationId === contract.companyId || actor.organisationId === contract.contractorId)
}

function isMatchParty(actor: Actor | null, match: MatchRef): boolean {
  return (hasRole(actor, 'company') && isMemberOf(actor, match.companyId)) || (hasRole(actor, 'science') && isMemberOf(actor, match.labOrganisationId))
}

/**
 * The admission through which this person reads a request's confidential part, if one stands:
 * the company offered it on a live engagement, this person accepted the terms on it, and is still a
 * member of the lab's organisation. A decline by either side ends it at once.
 */
export function liveAdmissionOf(actor: Actor | null, admissions: readonly Admission[]): Admission | null {
  if (!actor) return null
  return (
    admissions.find(
      (a) => a.userId === actor.userId && a.stage !== 'declined' && a.admissionOfferedAt !== null && hasRole(actor, 'science') && isMemberOf(actor, a.labOrganisationId),
    ) ?? null
  )
}

function isOwnerOf(actor: Actor | null, organisationId: number): boolean {
  return actor?.organisationId === organisationId && actor.membershipRole === 'owner'
}

const rules: { [P in Permission]: (actor: Actor | null, resource: Rules[P]) => boolean } = {
  'area:company': (a) => hasRole(a, 'company'),
  'area:science': (a) => hasRole(a, 'science'),
  'area:administration': (a) => hasRole(a, 'administration') || hasRole(a, 'platform_admin'),
  'area:platform': (a) => hasRole(a, 'platform_admin'),
  'account:manage': (a) => a !== null,
  'organisation:edit': (a, r) => isOwnerOf(a, r.organisationId),
  'organisation:invite': (a, r) => isOwnerOf(a, r.organisationId),
  'organisation:manage_members': (a, r) => isOwnerOf(a, r.organisationId),
  // Administration members verify organisations; the platform admin may stand in for them.
  'organisation:verify': (a) => hasRole(a, 'administration') || hasRole(a, 'platform_admin'),
  'request:create': (a) => hasRole(a, 'company'),
  // Drafts and archived requests stay with their company; the rest is public.
  'request:view': (a, r) => (publicRequestStatuses as readonly RequestStatus[]).includes(r.status) || isMemberOf(a, r.organisationId),
  'request:edit': (a, r) => hasRole(a, 'company') && isMemberOf(a, r.organisationId) && r.status !== 'archived',
  // The company always; on the science side only a person admitted on a live engagement (README, "Confidentiality").
  'request:view_confidential': (a, r) => isMemberOf(a, r.organisationId) || liveAdmissionOf(a, r.admissions) !== null,
  // Only a published request takes new contacts: a paused or closed one is read, not answered.
  'request:express_interest': (a, r) => hasRole(a, 'science') && r.status === 'published',
  'lab:create': (a) => hasRole(a, 'science'),
  'lab:edit': (a, r) => hasRole(a, 'science') && isMemberOf(a, r.organisationId),
  // Proposals concern two organisations, and only them: the company sees the labs proposed for its
  // requests, the science organisation the requests proposed to its labs. Each decides for itself.
  'match:list': (a) => hasRole(a, 'company') || hasRole(a, 'science'),
  'match:view': (a, r) => isMatchParty(a, r),
  'match:update': (a, r) => isMatchParty(a, r),
  'match:view_for_request': (a, r) => hasRole(a, 'company') && isMemberOf(a, r.organisationId),
  'match:view_for_lab': (a, r) => hasRole(a, 'science') && isMemberOf(a, r.organisationId),
  // Messages, proposals and admissions concern the two organisations of the engagement and no one else.
  'engagement:view': (a, r) => isMemberOf(a, r.companyOrganisationId) || isMemberOf(a, r.labOrganisationId),
  'engagement:act_as_company': (a, r) => hasRole(a, 'company') && isMemberOf(a, r.companyOrganisationId),
  'engagement:act_as_lab': (a, r) => hasRole(a, 'science') && isMemberOf(a, r.labOrganisationId),
  // The company registers the contract that an agreement leads to, and only once they have agreed.
  'engagement:register_contract': (a, r) => hasRole(a, 'company') && isMemberOf(a, r.companyOrganisationId) && r.stage === 'agreed',
  'alert:manage': (a) => hasRole(a, 'science'),
  // Contracts: a company registers them; both parties see, amend and record their execution; the
  // administration sees them when it reviews compensation claims.
  'contract:register': (a) => hasRole(a, 'company'),
  'contract:view': (a, r) => isPartyOf(a, r) || hasRole(a, 'administration'),
  'contract:propose_version': (a, r) => isPartyOf(a, r),
  'contract:answer': (a, r) => isPartyOf(a, r) && !isMemberOf(a, r.proposedByOrganisationId),
  'contract:withdraw': (a, r) => isPartyOf(a, r) && isMemberOf(a, r.proposedByOrganisationId),
  'contract:record_act': (a, r) => isPartyOf(a, r),
  // Only the payer records a payment; the contractor confirms that it arrived.
  'contract:record_payment': (a, r) => isMemberOf(a, r.companyId),
  'contract:attach_document': (a, r) => isPartyOf(a, r),
  'programme:view': (a) => a !== null,
  'programme:manage': (a) => hasRole(a, 'administration'),
  // The support-measures catalogue is the administration's; the platform admin may stand in for it.
  'measure:manage': (a) => hasRole(a, 'administration') || hasRole(a, 'platform_admin'),
  'claim:file': (a) => hasRole(a, 'company'),
  // A claim is filed under a programme while its claim window is open.
  'programme:file_claim': (a, r) => hasRole(a, 'company') && r.phase === 'open',
  'claim:view': (a, r) => (hasRole(a, 'company') && isMemberOf(a, r.companyId)) || hasRole(a, 'administration'),
  'claim:edit': (a, r) => hasRole(a, 'company') && isMemberOf(a, r.companyId),
  // Only the regional administration reviews claims: never a company, and never the claimant itself.
  'claim:review': (a) => hasRole(a, 'administration'),
  'claim:decide': (a, r) => hasRole(a, 'administration') && !isMemberOf(a, r.companyId),
  // A competitive round is run by the administration; its commission members, chosen from the
  // administration's people, score the applications. A member who declared a conflict, or whose own
  // organisation is a party to the application (the company or its contractor), may not score it.
  'selection:manage': (a) => hasRole(a, 'administration'),
  'selection:declare': (a, r) => hasRole(a, 'administration') && r.isMember,
  'selection:score': (a, r) => hasRole(a, 'administration') && r.isMember && !r.conflicted && !isPartyOf(a, r),
  // A report lists what its pages show, to whom they show it: the platform admin, refused contracts
  // and claims, is refused their lists (and files) too.
  'report:view': (a, r) => (ADMINISTRATION_ONLY_REPORTS.includes(r.kind) ? hasRole(a, 'administration') : hasRole(a, 'administration') || hasRole(a, 'platform_admin')),
  // Side effects that gave up (dead letters) are seen and sent again by whoever runs the platform.
  'outbox:retry': (a) => hasRole(a, 'administration') || hasRole(a, 'platform_admin'),
}

export function can<P extends Permission>(
  actor: Actor | null,
  permission: P,
  ...resource: PermissionArgs<P>
): boolean {
  return rules[permission](actor, resource[0] as Rules[P])
}

export const permissions = Object.keys(rules) as Permission[]
