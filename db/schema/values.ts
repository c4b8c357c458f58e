// Value sets of the schema, free of drizzle imports so that browser code can use them too.

export const organisationTypes = ['company', 'university', 'institute', 'research_org', 'administration'] as const
export type OrganisationType = (typeof organisationTypes)[number]

export const alliances = ['pharma', 'vision', 'arctic', 'robotics'] as const
export type Alliance = (typeof alliances)[number]

export const companySizes = ['micro', 'small', 'medium', 'large'] as const
export type CompanySize = (typeof companySizes)[number]

export const verificationStatuses = ['unverified', 'verified', 'rejected'] as const
export type VerificationStatus = (typeof verificationStatuses)[number]

export const membershipRoles = ['owner', 'member'] as const
export type MembershipRole = (typeof membershipRoles)[number]

export const requestStatuses = ['draft', 'published', 'paused', 'closed', 'archived'] as const
export type RequestStatus = (typeof requestStatuses)[number]
/** The statuses in which anyone may read a request, find it in search and see it proposed: never a draft or an archived one. */
export const publicRequestStatuses = ['published', 'paused', 'closed'] as const satisfies readonly RequestStatus[]
export type PublicRequestStatus = (typeof publicRequestStatuses)[number]

export const labStatuses = ['active', 'archived'] as const
export type LabStatus = (typeof labStatuses)[number]

export const engagementStages = ['invited', 'interest', 'shortlisted', 'discussion', 'agreed', 'declined'] as const
export type EngagementStage = (typeof engagementStages)[number]

export const declineReasons = ['scope_mismatch', 'budget', 'timeline', 'capacity', 'chose_other', 'confidentiality', 'other'] as const
export type DeclineReason = (typeof declineReasons)[number]
