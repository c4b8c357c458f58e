import { count, eq } from 'drizzle-orm'
import { memberships, organisations, users } from '#db/schema'
import { db } from '~/db.server'

/** Counts for the home page and the platform admin's overview. */
export function organisationCounts() {
  const byType = db.select({ type: organisations.type, n: count() }).from(organisations).groupBy(organisations.type).all()
  return Object.fromEntries(byType.map((r) => [r.type, r.n])) as Partial<Record<(typeof byType)[number]['type'], number>>
}

export function listPeople(page: number, pageSize = 50) {
  const total = db.select({ n: count() }).from(users).get()?.n ?? 0
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      createdAt: users.createdAt,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationType: organisations.type,
      role: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .orderBy(users.createdAt)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) }
}
