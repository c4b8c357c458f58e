import { claimStatuses, type ClaimStatus } from '#db/schema/claim-values'

/** The filters of a claims list from its address: status, programme, page. Anything else is ignored. */
export function readClaimQuery(url: URL) {
  const status = url.searchParams.get('status')
  const page = Number(url.searchParams.get('page') ?? '1')
  const programme = Number(url.searchParams.get('programme'))
  return {
    status: (claimStatuses as readonly string[]).includes(status ?? '') ? (status as ClaimStatus) : undefined,
    programmeId: Number.isSafeInteger(programme) && programme > 0 ? programme : undefined,
    page: Number.isSafeInteger(page) && page > 0 && page < 100_000 ? page : 1,
  }
}
