// A reviewer in a process of its own: approves the claims it is given through the real domain
// function, on the same SQLite file as the test. It says "ready" once loaded and starts on "go", so
// that the test can release several of these processes at the same instant to race each other.
// Prints one JSON line: when it started and the outcome of each approval.
//   node --import tsx approve-claims.ts <userId> <claimId:revision>...
import readline from 'node:readline'

const [userId, ...claims] = process.argv.slice(2)

const { loadActor } = await import('../../../app/modules/auth/actor.server')
const { decideClaim } = await import('../../../app/modules/claims/decide.server')

const actor = loadActor(userId)
if (!actor) throw new Error(`no such reviewer: ${userId}`)

process.stdout.write('ready\n')
const input = readline.createInterface({ input: process.stdin })
await new Promise<void>((resolve) => input.once('line', () => resolve()))
input.close()

const startedAt = Date.now()
const outcomes = claims.map((spec) => {
  const [claimId, revision] = spec.split(':').map(Number)
  const result = decideClaim(actor, claimId, { decision: 'approve', reason: 'Проверено: условия программы соблюдены.', revision })
  return { claimId, ok: result.ok, error: result.ok ? null : result.error }
})
process.stdout.write(`${JSON.stringify({ startedAt, outcomes })}\n`)
