import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { backupDatabase, BackupError, databaseInUse, MANIFEST_FILE, restoreBackup, verifyBackup } from '#db/backup'
import { database, db } from '~/db.server'
import { insertDocument, prepareDocument } from '~/modules/documents/store.server'
import { actorWithOrganisation } from '../factories/actors'
import { pdf } from '../factories/contracts'

const DATABASE_PATH = process.env.DATABASE_PATH!
const UPLOADS_DIR = process.env.UPLOADS_DIR!
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-backup-'))
let serial = 0
const freshPath = (name: string) => path.join(scratch, `${name}-${++serial}`)

// Rows the writer process adds during the backup, next to the application's own tables.
database.sqlite.exec(`
  CREATE TABLE IF NOT EXISTS backup_test_writes (id INTEGER PRIMARY KEY AUTOINCREMENT, payload TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS backup_test_twins (write_id INTEGER PRIMARY KEY);
`)

/** A few documents uploaded the application's way: files under UPLOADS_DIR, rows in `documents`. */
async function uploadDocuments(count: number): Promise<Map<string, Buffer>> {
  const actor = await actorWithOrganisation()
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    const prepared = prepareDocument(pdf(`act-${i}.pdf`, `acceptance act ${i} ${Date.now()}`))
    if (!prepared.ok) throw new Error(prepared.error)
    insertDocument(db, actor, prepared.value)
    files.set(prepared.value.hash, fs.readFileSync(path.join(UPLOADS_DIR, prepared.value.hash.slice(0, 2), prepared.value.hash)))
  }
  return files
}

/** A process that keeps committing into the database until told to stop. */
async function startWriter() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/fixtures/backup-writer.ts'), DATABASE_PATH], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (output.includes('writing')) resolve(clearInterval(poll))
      else if (child.exitCode !== null) reject(new Error(`writer exited early: ${output}`))
    }, 10)
  })
  return {
    async stop(): Promise<number> {
      child.stdin.end()
      expect(await exited).toBe(0)
      return Number(output.trim().split('\n').pop())
    },
  }
}

const maxWriteId = () => database.sqlite.prepare('SELECT max(id) FROM backup_test_writes').pluck().get() as number

function integrity(file: string): string {
  const sqlite = new Database(file, { readonly: true })
  try {
    return sqlite.pragma('integrity_check', { simple: true }) as string
  } finally {
    sqlite.close()
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('db:backup and db:restore', () => {
  it('round-trip a database that another process keeps writing to: whole, intact, every row committed before the backup began, and the uploads', async () => {
    const uploads = await uploadDocuments(3)
    // Some megabytes, so that the copy takes long enough for the writer to commit meanwhile.
    const fill = database.sqlite.prepare('INSERT INTO backup_test_writes (payload) VALUES (?)')
    const twin = database.sqlite.prepare('INSERT INTO backup_test_twins (write_id) VALUES (?)')
    database.sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) twin.run(fill.run('x'.repeat(1000)).lastInsertRowid)
    })()

    const writer = await startWriter()
    const committedBefore = maxWriteId()
    const backupDir = freshPath('backup')
    const manifest = await backupDatabase({ databasePath: DATABASE_PATH, uploadsDir: UPLOADS_DIR, outDir: backupDir })
    const committedAfter = maxWriteId()
    const written = await writer.stop()
    expect(written).toBeGreaterThan(0)
    expect(committedAfter).toBeGreaterThan(committedBefore)

    expect(manifest.database.sha256).toBe(sha256(fs.readFileSync(path.join(backupDir, 'app.db'))))
    expect(manifest.uploads).toMatchObject({ files: uploads.size, missing: [] })
    expect(manifest.tables.documents).toBe(uploads.size)
    expect(manifest.tables.users).toBeGreaterThan(0)

    const target = path.join(freshPath('restored'), 'app.db')
    const restoredUploads = freshPath('uploads')
    const restored = restoreBackup({ backupDir, databasePath: target, uploadsDir: restoredUploads })
    expect(restored).toMatchObject({ replacedDatabase: null, uploadsCopied: uploads.size })
    expect(integrity(target)).toBe('ok')

    const copy = new Database(target, { readonly: true })
    const ids = copy.prepare('SELECT id FROM backup_test_writes ORDER BY id').pluck().all() as number[]
    const twins = copy.prepare('SELECT write_id FROM backup_test_twins ORDER BY write_id').pluck().all() as number[]
    const documentHashes = copy.prepare('SELECT hash FROM documents').pluck().all() as string[]
    copy.close()
    // A snapshot in commit order: every row up to some point, nothing after it, no transaction halved.
    expect(ids.length).toBeGreaterThanOrEqual(committedBefore)
    expect(ids[ids.length - 1]).toBe(ids.length)
    expect(twins).toEqual(ids)
    expect(ids.length).toBeLessThanOrEqual(committedAfter)

    expect(documentHashes.sort()).toEqual([...uploads.keys()].sort())
    for (const [hash, bytes] of uploads) {
      expect(fs.readFileSync(path.join(restoredUploads, hash.slice(0, 2), hash))).toEqual(bytes)
    }
  })

  it('refuses to restore over a database in use, or over an existing one without force, and replaces it with force keeping the old one aside', async () => {
    await uploadDocuments(1)
    const backupDir = freshPath('backup')
    const manifest = await backupDatabase({ databasePath: DATABASE_PATH, uploadsDir: UPLOADS_DIR, outDir: backupDir })

    // This test process holds the application database open, as a running server would.
    expect(databaseInUse(DATABASE_PATH)).toBe(true)
    expect(() => restoreBackup({ backupDir, databasePath: DATABASE_PATH, uploadsDir: UPLOADS_DIR, force: true })).toThrow(/open in another process/)

    const target = path.join(freshPath('existing'), 'app.db')
    fs.mkdirSync(path.dirname(target))
    const other = new Database(target)
    other.exec('CREATE TABLE unrelated (x); INSERT INTO unrelated VALUES (1);')
    other.close()
    expect(databaseInUse(target)).toBe(false)
    expect(() => restoreBackup({ backupDir, databasePath: target, uploadsDir: freshPath('uploads') })).toThrow(/pass --force/)

    const forced = restoreBackup({ backupDir, databasePath: target, uploadsDir: freshPath('uploads'), force: true })
    expect(forced.replacedDatabase).toMatch(/app\.db\.before-restore-/)
    const aside = new Database(forced.replacedDatabase!, { readonly: true })
    expect(aside.prepare('SELECT x FROM unrelated').pluck().get()).toBe(1)
    aside.close()
    const restored = new Database(target, { readonly: true })
    expect(restored.prepare('SELECT count(*) FROM users').pluck().get()).toBe(manifest.tables.users)
    restored.close()
  })

  it('refuses a backup whose copy, manifest or uploads were damaged, before touching the target', async () => {
    await uploadDocuments(1)
    const backupDir = freshPath('backup')
    await backupDatabase({ databasePath: DATABASE_PATH, uploadsDir: UPLOADS_DIR, outDir: backupDir })
    expect(verifyBackup(backupDir).format).toBe(1)

    const damaged = (name: string, damage: (dir: string) => void) => {
      const dir = freshPath(name)
      fs.cpSync(backupDir, dir, { recursive: true })
      damage(dir)
      return dir
    }
    const flippedByte = damaged('flipped', (dir) => {
      const file = path.join(dir, 'app.db')
      const bytes = fs.readFileSync(file)
      bytes[bytes.length - 100] ^= 0xff
      fs.writeFileSync(file, bytes)
    })
    const noManifest = damaged('unfinished', (dir) => fs.rmSync(path.join(dir, MANIFEST_FILE)))
    const lostUpload = damaged('lost-upload', (dir) => fs.rmSync(path.join(dir, 'uploads'), { recursive: true }))
    const miscounted = damaged('miscounted', (dir) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'))
      manifest.tables.users += 1
      fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest))
    })

    const target = path.join(freshPath('target'), 'app.db')
    const attempt = (backup: string) => () => restoreBackup({ backupDir: backup, databasePath: target, uploadsDir: freshPath('uploads') })
    expect(attempt(flippedByte)).toThrow(/checksum/)
    expect(attempt(noManifest)).toThrow(/no manifest\.json/)
    expect(attempt(lostUpload)).toThrow(BackupError)
    expect(attempt(miscounted)).toThrow(/Table users has/)
    expect(fs.existsSync(target)).toBe(false)
  })

  it('run as commands: npm run db:backup -- --out DIR and npm run db:restore -- DIR, with a one-line summary and a failing exit code on refusal', async () => {
    const files = await uploadDocuments(1)
    const backupDir = freshPath('cli-backup')
    const target = path.join(freshPath('cli-restored'), 'app.db')
    const uploadsDir = freshPath('cli-uploads')
    const run = (script: string, args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts', script), ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      })

    const backup = run('db-backup.ts', ['--out', backupDir])
    expect(backup.status, backup.stderr).toBe(0)
    expect(backup.stdout).toMatch(/Backed up \d+ rows in \d+ tables .* and \d+ uploads .* to /)

    const restore = run('db-restore.ts', [backupDir], { DATABASE_PATH: target, UPLOADS_DIR: uploadsDir })
    expect(restore.status, restore.stderr).toBe(0)
    expect(restore.stdout).toMatch(/Restored \d+ rows from .* and \d+ uploads into /)
    expect(integrity(target)).toBe('ok')
    const [hash] = files.keys()
    expect(fs.existsSync(path.join(uploadsDir, hash.slice(0, 2), hash))).toBe(true)

    const again = run('db-restore.ts', [backupDir], { DATABASE_PATH: target, UPLOADS_DIR: uploadsDir })
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/Restore refused: .* exists: pass --force/)
  })
})
