import { spawn } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createClaim, submitClaim } from '~/modules/claims/claims.server'
import { changeRequestStatus, createRequest } from '~/modules/requests/requests.server'
import { actorWithOrganisation } from '../factories/actors'
import { requestInput } from '../factories/catalogue'
import { clearAffiliation, confirmedContract, declareUnaffiliated, openProgramme, reviewer, rub, stateLab, verifiedCompany } from '../factories/contracts'

const DATABASE_PATH = process.env.DATABASE_PATH!
const fixture = path.resolve('tests/fixtures/crash-in-transaction.ts')

/**
 * Runs the fixture's write in a child process. With `killInsideAt`, waits until the child is inside
 * its transaction (it has just recorded that audit event) and kills it with SIGKILL: no handler, no
 * rollback, no close, as a power cut or an OOM kill would.
 */
function runWrite(args: string[], killInsideAt?: string): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  // node --import tsx rather than npx tsx: the signal must reach the process that holds the transaction.
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...(killInsideAt ? { CRASH_AT_AUDIT: killInsideAt } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let errors = ''
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString()
    if (killInsideAt && output.includes('inside')) child.kill('SIGKILL')
  })
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  return new Promise((resolve, reject) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`the write exited with ${code}: ${errors}`))
      else resolve({ signal, output })
    }),
  )
}

/** The file as the next process to open it finds it, through a connection of its own. */
function inspect<T>(read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(DATABASE_PATH)
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    return read(sqlite)
  } finally {
    sqlite.close()
  }
}

function claimState(claimId: number, programmeId: number, companyId: number) {
  return inspect((sqlite) => ({
    claim: sqlite.prepare('SELECT status, approved_kopecks AS approved, revision FROM compensation_claims WHERE id = ?').get(claimId) as { status: string; approved: number | null; revision: number },
    reserved: sqlite.prepare('SELECT reserved_kopecks FROM programmes WHERE id = ?').pluck().get(programmeId) as number,
    audit: sqlite
      .prepare(
        `SELECT action FROM audit_events
         WHERE (entity_type = 'claim' AND entity_id = ?) OR (entity_type = 'programme' AND entity_id = ? AND action = 'programme.budget_reserved')
         ORDER BY id`,
      )
      .pluck()
      .all(String(claimId), String(programmeId)) as string[],
    notices: sqlite
      .prepare(`SELECT count(*) FROM notifications n JOIN memberships m ON m.user_id = n.user_id WHERE m.organisation_id = ? AND n.kind = 'claimApproved'`)
      .pluck()
      .get(companyId) as number,
  }))
}

async function submittedClaim() {
  const company = await verifiedCompany()
  const lab = await stateLab()
  const admin = await reviewer()
  const contract = confirmedContract(company, lab, { stageAmounts: [rub(1_000_000)], payments: [{ amount: rub(1_000_000) }] })
  const programmeId = openProgramme(admin)
  const created = createClaim(company, { programmeId, contractId: contract.contractId, paymentIds: contract.paymentIds })
  if (!created.ok) throw new Error(created.error)
  declareUnaffiliated(company, created.value.claimId)
  const submitted = submitClaim(company, created.value.claimId)
  if (!submitted.ok) throw new Error(submitted.error)
  const claimId = created.value.claimId
  clearAffiliation(admin, claimId)
  return { admin, claimId, programmeId, companyId: company.organisationId! }
}

describe('a process killed in the middle of a write', () => {
  it('leaves none of a claim approval when killed after the reservation and its audit rows but before the commit', async () => {
    const { admin, claimId, programmeId, companyId } = await submittedClaim()
    const before = claimState(claimId, programmeId, companyId)
    expect(before).toMatchObject({ claim: { status: 'submitted', approved: null }, reserved: 0, notices: 0 })

    const run = await runWrite(['approve-claim', admin.userId, String(claimId), String(before.claim.revision)], 'programme.budget_reserved')
    expect(run.signal).toBe('SIGKILL')

    // The budget reserved, the claim approved and both audit events were written inside the
    // transaction; none of them may survive without the commit.
    expect(claimState(claimId, programmeId, companyId)).toEqual(before)
  })

  it('leaves none of it when killed at its first audit row, and all of it when the approval is then run to its end', async () => {
    const { admin, claimId, programmeId, companyId } = await submittedClaim()
    const before = claimState(claimId, programmeId, companyId)
    const approve = ['approve-claim', admin.userId, String(claimId), String(before.claim.revision)]

    expect((await runWrite(approve, 'claim.approved')).signal).toBe('SIGKILL')
    expect(claimState(claimId, programmeId, companyId)).toEqual(before)

    const run = await runWrite(approve)
    expect(run.signal).toBeNull()
    expect(JSON.parse(run.output)).toMatchObject({ ok: true })
    expect(claimState(claimId, programmeId, companyId)).toEqual({
      claim: { status: 'approved', approved: rub(500_000), revision: before.claim.revision + 1 },
      reserved: rub(500_000),
      audit: [...before.audit, 'claim.approved', 'programme.budget_reserved'],
      notices: 1,
    })
  })

  it('leaves a request status change with its audit event and search outbox row, or none of them', async () => {
    const owner = await actorWithOrganisation({ organisationType: 'company', size: 'small' })
    const created = createRequest(owner, requestInput())
    if (!created.ok) throw new Error(created.error)
    const requestId = created.value.id
    const state = () =>
      inspect((sqlite) => ({
        status: sqlite.prepare('SELECT status FROM rd_requests WHERE id = ?').pluck().get(requestId),
        audit: sqlite.prepare(`SELECT action FROM audit_events WHERE entity_type = 'request' AND entity_id = ? ORDER BY id`).pluck().all(String(requestId)),
        outbox: sqlite.prepare(`SELECT count(*) FROM outbox WHERE topic = 'search' AND payload ->> 'indexName' = 'requests' AND payload ->> 'documentId' = ?`).pluck().get(String(requestId)),
      }))
    const before = state()

    const killed = await runWrite(['request-status', owner.userId, String(requestId), 'publish'], 'request.published')
    expect(killed.signal).toBe('SIGKILL')
    expect(state()).toEqual(before)

    expect(changeRequestStatus(owner, requestId, 'publish')).toMatchObject({ ok: true })
    expect(state()).toEqual({ status: 'published', audit: [...before.audit, 'request.published'], outbox: (before.outbox as number) + 1 })
  })
})
