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
