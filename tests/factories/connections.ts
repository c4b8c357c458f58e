import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client'

/**
 * A scratch SQLite file opened twice: `mine` as the server's connection, `other` as the background
 * process's (or anyone else's) commits would arrive. `close` takes both and the file away.
 */
export function twoConnections(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  const file = path.join(dir, 'app.db')
  const mine = openDatabase(file)
  const other = openDatabase(file, { migrate: false })
  return {
    mine,
    other,
    close() {
      mine.close()
      other.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
