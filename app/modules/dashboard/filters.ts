import { z } from 'zod'
import { alliances } from '#db/schema/values'
import { isIsoDate, regionToday, regionYearStart } from '../calendar/calendar'

export const contractorTypes = ['university', 'institute', 'research_org'] as const

const isoDate = z.string().refine(isIsoDate)

/** The dashboard's period and filters, as they travel in its URL. */
export const DashboardFilterSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    alliance: z.enum(alliances).optional(),
    orgType: z.enum(contractorTypes).optional(),
  })
  // The period runs by the region's calendar: from its New Year to its today.
  .transform((v) => ({ from: v.from ?? regionYearStart(), to: v.to ?? regionToday(), alliance: v.alliance ?? null, orgType: v.orgType ?? null }))
  .refine((v) => v.from <= v.to, { message: 'errors.date_order' })

export type DashboardFilter = z.output<typeof DashboardFilterSchema>

export function filterFromUrl(url: URL) {
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''))
  return DashboardFilterSchema.safeParse(raw)
}

export function filterQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to })
  if (filter.alliance) params.set('alliance', filter.alliance)
  if (filter.orgType) params.set('orgType', filter.orgType)
  return params.toString()
}
