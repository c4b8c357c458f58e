import { openDatabase } from '#db/client'
import { env } from './env.server'
import { singleton } from './modules/singleton.server'

// Opening the database applies pending migrations, so a fresh file is ready at once.
export const database = singleton('database', () => openDatabase(env.DATABASE_PATH))
export const db = database.db
