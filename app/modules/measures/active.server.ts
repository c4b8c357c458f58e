import { asc, eq } from 'drizzle-orm'
import { memoUntilDataChanges } from '#db/data-version'
import { supportMeasures, type SupportMeasure } from '#db/schema'
import { database, db } from '~/db.server'

/**
 * The active support measures, oldest first: every request and contract page judges them all, and
 * they change far less often than those pages are read, so they are read once per state of the
 * database. Shared between callers: read them, never change them.
 */
const keptActiveMeasures = memoUntilDataChanges(
  () => database.sqlite,
  () => 'active',
  (): readonly SupportMeasure[] => db.select().from(supportMeasures).where(eq(supportMeasures.status, 'active')).orderBy(asc(supportMeasures.id)).all(),
)

export const activeMeasures = () => keptActiveMeasures(null)
