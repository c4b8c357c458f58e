// npm run db:backup [-- --out DIR]: an online copy of the database (SQLite's backup API, safe while
// the server runs) with its uploads and a manifest, by default in data/backups/<time>/.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { backupDatabase, BackupError, defaultBackupDir } from '../db/backup'
import { env } from '../app/env.server'

const { values: args } = parseArgs({ options: { out: { type: 'string' } } })
const outDir = path.resolve(args.out ?? defaultBackupDir(env.DATABASE_PATH))

try {
  const started = Date.now()
  const manifest = await backupDatabase({
    databasePath: env.DATABASE_PATH,
    uploadsDir: env.UPLOADS_DIR,
    outDir,
    onProgress: (line) => console.log(line),
  })
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0)
  if (manifest.uploads.missing.length > 0) {
    console.error(`Warning: ${manifest.uploads.missing.length} uploads named by the database were already missing from ${env.UPLOADS_DIR}: ${manifest.uploads.missing.join(', ')}`)
    process.exitCode = 1
  }
  console.log(
    `Backed up ${rows} rows in ${Object.keys(manifest.tables).length} tables (${size(manifest.database.bytes)}, sha256 ${manifest.database.sha256.slice(0, 12)}…) ` +
      `and ${manifest.uploads.files} uploads (${size(manifest.uploads.bytes)}) to ${outDir} in ${Date.now() - started} ms.`,
  )
} catch (error) {
  console.error(`Backup failed: ${error instanceof BackupError ? error.message : String(error)}`)
  process.exitCode = 1
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
