import type { LabFacts, RequestFacts } from '~/modules/matching/fit'

// The facts of a lab and a request that fit each other on every criterion, for the matching rules' unit tests.

export const labFacts = (overrides: Partial<LabFacts> = {}): LabFacts => ({
  organisationId: 1,
  oecdFields: ['2.10'],
  alliance: 'pharma',
  trlMin: 4,
  trlMax: 6,
  region: '70',
  readability: 'readable',
  documentScripts: 'c',
  ...overrides,
})

export const requestFacts = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  organisationId: 2,
  oecdField: '2.10',
  alliance: 'pharma',
  trlNow: 4,
  trlWanted: 5,
  budgetMin: 1_000_000_00,
  budgetMax: 3_000_000_00,
  deadline: '2027-12-31',
  region: '70',
  status: 'published',
  readability: 'readable',
  reach: { cyrillic: 40, latin: 40 },
  ...overrides,
})

