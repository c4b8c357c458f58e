// npm run db:restore -- DIR [--force]: checks a backup made by db:backup (manifest, checksum,
// integrity, row counts, uploads) and puts it in place of DATABASE_PATH and UPLOADS_DIR. Refuses
// while a server has the database open, and over an existing database without --force.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BackupError, restoreBackup } from '../db/backup'
import { env } from '../app/env.server'

const { values: args, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true })
if (positionals.length !== 1) {
  console.error('usage: npm run db:restore -- <backup folder> [--force]')
  process.exit(2)
}
const backupDir = path.resolve(positionals[0])

try {
  const summary = restoreBackup({
    backupDir,
    databasePath: env.DATABASE_PATH,
    uploadsDir: env.UPLOADS_DIR,
    force: args.force,
    onProgress: (line) => console.log(line),
  })
  if (summary.replacedDatabase) console.log(`The database it replaced is kept at ${summary.replacedDatabase}.`)
  const missing = summary.manifest.uploads.missing.length
  if (missing > 0) console.error(`Warning: the backup lacked ${missing} uploads that its database names (already missing when it was taken).`)
  // The embedded index lives in the database file and came back with it; Meilisearch did not.
  if (env.MEILI_HOST) console.log('Meilisearch holds the index of the replaced database: run npm run search:reindex.')
  const rows = Object.values(summary.manifest.tables).reduce((sum, n) => sum + n, 0)
  console.log(`Restored ${rows} rows from ${summary.manifest.createdAt} and ${summary.uploadsCopied} uploads into ${env.DATABASE_PATH}.`)
} catch (error) {
  console.error(`Restore refused: ${error instanceof BackupError ? error.message : String(error)}`)
  process.exitCode = 1
}
