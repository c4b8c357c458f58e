import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import { matches } from '#db/schema'
import { db } from '~/db.server'

/**
 * Which of the organisation's labs the interest form starts with: the one the link named, else the
 * one the platform proposed for this request (its best match the lab has not dismissed), else the
 * first. A request page links to the form without naming a lab, so without the proposal the form
 * would offer whichever lab sorts first.
 */
export function interestLabChoice(requestId: number, organisationLabIds: number[], askedLabId: number | null): number | undefined {
  if (askedLabId !== null && organisationLabIds.includes(askedLabId)) return askedLabId
  if (organisationLabIds.length === 0) return undefined
  const proposed = db
    .select({ labId: matches.labId })
    .from(matches)
    .where(and(eq(matches.requestId, requestId), inArray(matches.labId, organisationLabIds), ne(matches.labStatus, 'dismissed')))
    .orderBy(desc(matches.score))
    .get()
  return proposed?.labId ?? organisationLabIds[0]
}
