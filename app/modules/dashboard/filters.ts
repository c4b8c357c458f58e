import { z } from 'zod'
import { alliances } from '#db/schema/values'
import { isIsoDate, regionToday } from '../calendar/calendar'

export const contractorTypes = ['university', 'institute', 'research_org'] as const

const isoDate = z.string().refine(isIsoDate)

/** By default the dashboard covers twelve whole months up to today, so that its trends show a year. */
function firstOfMonthAYearBefore(today: string): string {
  const [year, month] = today.split('-').map(Number)
  return month === 12 ? `${year}-01-01` : `${year - 1}-${String(month + 1).padStart(2, '0')}-01`
}

/** The dashboard's period and filters, as they travel in its URL. */
export const DashboardFilterSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    alliance: z.enum(alliances).optional(),
    orgType: z.enum(contractorTypes).optional(),
  })
  // The period runs by the region's calendar: the last twelve whole months to its today.
  .transform((v) => {
    const today = regionToday()
    return { from: v.from ?? firstOfMonthAYearBefore(today), to: v.to ?? today, alliance: v.alliance ?? null, orgType: v.orgType ?? null }
  })
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
