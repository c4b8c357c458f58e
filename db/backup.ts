import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { getTableName, is } from 'drizzle-orm'
import { SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as schema from './schema'

// A backup is a folder: the database copy, the uploads it names (content-addressed, as under
// UPLOADS_DIR), and a manifest that lets a restore check both before it touches anything.
export const DATABASE_FILE = 'app.db'
export const UPLOADS_FOLDER = 'uploads'
export const MANIFEST_FILE = 'manifest.json'
const MANIFEST_FORMAT = 1

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT
  createdAt: string
  source: { database: string; uploads: string }
  database: { file: string; bytes: number; sha256: string }
  /** Content hashes that the database names but that were absent from the uploads folder already. */
  uploads: { folder: string; files: number; bytes: number; missing: string[] }
  /** Rows per table of the schema, counted in the copy. */
  tables: Record<string, number>
}

/** A refusal or a failed check, with a message fit to show to the person running the command. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

type Progress = (line: string) => void

/** data/backups/2026-03-01T10-15-00-000Z next to the database file. */
export function defaultBackupDir(databasePath: string, now = new Date()): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups', now.toISOString().replace(/[:.]/g, '-'))
}

/**
 * Copies the database with SQLite's online backup API while the server keeps writing, then the
 * uploads folder, then writes the manifest. The copy is checked (integrity, counts) before the
 * manifest exists, so a folder with a manifest is a backup that was whole when it was taken.
 */
export async function backupDatabase(options: {
  databasePath: string
  uploadsDir: string
  outDir: string
  onProgress?: Progress
}): Promise<BackupManifest> {
  const { databasePath, uploadsDir, outDir, onProgress = () => {} } = options
  if (!fs.existsSync(databasePath)) throw new BackupError(`There is no database at ${databasePath}.`)
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new BackupError(`${outDir} already exists and is not empty.`)
  fs.mkdirSync(outDir, { recursive: true })
  try {
    return await writeBackup(databasePath, uploadsDir, outDir, onProgress)
  } catch (error) {
    // A half-written folder must not pass for a backup.
    fs.rmSync(outDir, { recursive: true, force: true })
    throw error
  }
}

async function writeBackup(databasePath: string, uploadsDir: string, outDir: string, onProgress: Progress): Promise<BackupManifest> {
  const createdAt = new Date().toISOString()

  const copy = path.join(outDir, DATABASE_FILE)
  onProgress(`copying ${databasePath} (SQLite online backup)…`)
  const source = new Database(databasePath, { fileMustExist: true })
  try {
    source.pragma('busy_timeout = 5000')
    // All pages in one step: the step reads one WAL snapshot, so writers carry on and the copy is
    // consistent. Several small steps would start over after every write of the running server.
    await source.backup(copy, { progress: () => 0x7fffffff })
  } finally {
    source.close()
  }

  const checked = new Database(copy)
  let tables: Record<string, number>
  let referenced: string[]
  try {
    // One self-contained file: the server switches it back to WAL when it opens it.
    checked.pragma('journal_mode = DELETE')
    assertIntact(checked, 'The copy')
    tables = countRows(checked)
    referenced = referencedUploads(checked)
  } finally {
    checked.close()
  }

  onProgress(`copying uploads from ${uploadsDir}…`)
  // After the database: a document row is written only once its file is on disk, so every file the
  // copy names is already there; files uploaded since are harmless extras.
  const uploads = copyUploads(uploadsDir, path.join(outDir, UPLOADS_FOLDER), onProgress)
  const missing = referenced.filter((hash) => !uploads.hashes.has(hash))

  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt,
    source: { database: path.resolve(databasePath), uploads: path.resolve(uploadsDir) },
    database: { file: DATABASE_FILE, bytes: fs.statSync(copy).size, sha256: sha256File(copy) },
    uploads: { folder: UPLOADS_FOLDER, files: uploads.hashes.size, bytes: uploads.bytes, missing },
    tables,
  }
  fs.writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/**
 * Checks a backup folder without changing anything: the manifest, the copy's checksum, SQLite's
 * integrity check, the row counts, and that every upload is the content its name says and every
 * document the copy names is there.
 */
export function verifyBackup(backupDir: string, onProgress: Progress = () => {}): BackupManifest {
  const manifestFile = path.join(backupDir, MANIFEST_FILE)
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${backupDir} has no ${MANIFEST_FILE}: not a backup, or an unfinished one.`)
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest
  if (manifest.format !== MANIFEST_FORMAT) throw new BackupError(`Unknown backup format ${String(manifest.format)}.`)

  const copy = path.join(backupDir, manifest.database.file)
  onProgress(`checking ${copy}…`)
  if (!fs.existsSync(copy)) throw new BackupError(`The database copy ${copy} is missing.`)
  if (sha256File(copy) !== manifest.database.sha256) throw new BackupError(`The database copy ${copy} does not match its manifest checksum.`)
  const checked = new Database(copy, { readonly: true, fileMustExist: true })
  let referenced: string[]
  try {
    assertIntact(checked, 'The database copy')
    const counted = countRows(checked)
    for (const [table, rows] of Object.entries(manifest.tables)) {
      if (counted[table] !== rows) throw new BackupError(`Table ${table} has ${counted[table] ?? 'no'} rows, the manifest says ${rows}.`)
    }
    referenced = referencedUploads(checked)
  } finally {
    checked.close()
  }

  onProgress('checking uploads…')
  const present = new Set<string>()
  for (const file of uploadFiles(path.join(backupDir, manifest.uploads.folder))) {
    if (sha256File(file.path) !== file.hash) throw new BackupError(`Upload ${file.path} does not match its content hash.`)
    present.add(file.hash)
  }
  if (present.size !== manifest.uploads.files) throw new BackupError(`The backup holds ${present.size} uploads, the manifest says ${manifest.uploads.files}.`)
  const lost = referenced.filter((hash) => !present.has(hash) && !manifest.uploads.missing.includes(hash))
  if (lost.length > 0) throw new BackupError(`${lost.length} uploads the database names are missing from the backup (e.g. ${lost[0]}).`)
  return manifest
}

/**
 * True when another connection (a running server, a script) has the database open: it then holds
 * WAL shared-memory locks, and an exclusive lock cannot be had.
 */
export function databaseInUse(databasePath: string): boolean {
  if (!fs.existsSync(databasePath)) return false
  const probe = new Database(databasePath, { fileMustExist: true, timeout: 0 })
  try {
    probe.pragma('locking_mode = EXCLUSIVE')
    probe.exec('BEGIN EXCLUSIVE; COMMIT;')
    return false
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true
    throw error
  } finally {
    probe.close()
  }
}

export interface RestoreSummary {
  manifest: BackupManifest
  /** Where the database that was replaced now is, if there was one. */
  replacedDatabase: string | null
  uploadsCopied: number
}

/**
 * Puts a verified backup in place of the database and adds its uploads. Refuses while anything has
 * the target database open, and over an existing one unless `force`; a replaced database is set
 * aside next to it, never deleted.
 */
export function restoreBackup(options: {
  backupDir: string
  databasePath: string
  uploadsDir: string
  force?: boolean
  onProgress?: Progress
}): RestoreSummary {
  const { backupDir, databasePath, uploadsDir, force = false, onProgress = () => {} } = options
  const manifest = verifyBackup(backupDir, onProgress)
  const target = path.resolve(databasePath)
  const exists = fs.existsSync(target)
  if (exists && databaseInUse(target)) throw new BackupError(`${target} is open in another process (a running server?): stop it first.`)
  if (exists && !force) throw new BackupError(`${target} exists: pass --force to replace it (it is kept aside, not deleted).`)

  onProgress(`restoring the database to ${target}…`)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  const incoming = `${target}.${randomBytes(6).toString('hex')}.restoring`
  fs.copyFileSync(path.join(backupDir, manifest.database.file), incoming)
  fsyncFile(incoming)
  const replacedDatabase = exists ? setAside(target) : null
  // A WAL left by another database would be replayed into this one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true })
  fs.renameSync(incoming, target)

  onProgress(`restoring uploads to ${uploadsDir}…`)
  // Content-addressed: a file already there under the same name and size is the same file. Files
  // not in the backup stay: documents are never deleted, and an extra file is harmless.
  let uploadsCopied = 0
  for (const file of uploadFiles(path.join(backupDir, manifest.uploads.folder))) {
    const destination = path.join(uploadsDir, file.hash.slice(0, 2), file.hash)
    if (fs.existsSync(destination) && fs.statSync(destination).size === fs.statSync(file.path).size) continue
    copyAtomically(file.path, destination)
    uploadsCopied++
  }
  return { manifest, replacedDatabase, uploadsCopied }
}

function assertIntact(sqlite: Database.Database, what: string): void {
  const problems = sqlite.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>
  const messages = problems.map((row) => row.integrity_check)
  if (messages.length !== 1 || messages[0] !== 'ok') throw new BackupError(`${what} fails PRAGMA integrity_check: ${messages.slice(0, 5).join('; ')}`)
}

/** Rows of every table the schema declares and the file holds. */
function countRows(sqlite: Database.Database): Record<string, number> {
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
  const counts: Record<string, number> = {}
  const names = Object.values(schema)
    .flatMap((value) => (is(value, SQLiteTable) ? [getTableName(value)] : []))
    .sort()
  for (const name of names) {
    if (present.has(name)) counts[name] = sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number
  }
  return counts
}

function referencedUploads(sqlite: Database.Database): string[] {
  const documentsTable = getTableName(schema.documents)
  const hasDocuments = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(documentsTable)
  if (!hasDocuments) return []
  return sqlite.prepare(`SELECT DISTINCT hash FROM "${documentsTable}"`).pluck().all() as string[]
}

/** Files stored as <folder>/<first two hex digits>/<sha256>; half-written `.part` files are not. */
function* uploadFiles(folder: string): Generator<{ hash: string; path: string }> {
  if (!fs.existsSync(folder)) return
  for (const prefix of fs.readdirSync(folder).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue
    for (const name of fs.readdirSync(path.join(folder, prefix)).sort()) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) yield { hash: name, path: path.join(folder, prefix, name) }
    }
  }
}

function copyUploads(from: string, to: string, onProgress: Progress): { hashes: Set<string>; bytes: number } {
  const hashes = new Set<string>()
  let bytes = 0
  for (const file of uploadFiles(from)) {
    const destination = path.join(to, file.hash.slice(0, 2), file.hash)
    fs.mkdirSync(path.dirname(destination), { recursive: true })
    fs.copyFileSync(file.path, destination)
    hashes.add(file.hash)
    bytes += fs.statSync(destination).size
    if (hashes.size % 500 === 0) onProgress(`  ${hashes.size} uploads copied`)
  }
  return { hashes, bytes }
}

function copyAtomically(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  const temporary = `${to}.${randomBytes(6).toString('hex')}.part`
  fs.copyFileSync(from, temporary)
  fs.renameSync(temporary, to)
}

/** Moves the database aside after folding its WAL in, so that the file alone is the whole database. */
function setAside(target: string): string {
  const old = new Database(target, { fileMustExist: true })
  try {
    old.pragma('wal_checkpoint(TRUNCATE)')
    old.pragma('journal_mode = DELETE')
  } finally {
    old.close()
  }
  const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
  fs.renameSync(target, aside)
  return aside
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function sha256File(file: string): string {
  const hash = createHash('sha256')
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(1 << 20)
    let read: number
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read))
  } finally {
    fs.closeSync(fd)
  }
  return hash.digest('hex')
}
