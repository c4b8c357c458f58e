import { count, eq } from 'drizzle-orm'
import { auditEvents, loginAttempts, memberships, organisations, sessions, users } from '#db/schema'
import { database, db } from '~/db.server'
import { changePassword, openSession } from '~/modules/auth/account.server'
import { loadActor } from '~/modules/auth/actor.server'
import { lucia } from '~/modules/auth/lucia.server'
import { hashPassword, MAX_CONCURRENT_HASHES, passwordHashing, verifyPassword } from '~/modules/auth/password.server'
import { delayAfter, FREE_PASSWORD_CHANGES, FREE_SIGN_UPS_PER_ADDRESS, FIRST_DELAY_MS, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, FREE_FAILURES_PER_ACCOUNT_ELSEWHERE, MAX_DELAY_MS, QUIET_RESET_MS, reserveAttempt } from '~/modules/auth/rate-limit.server'
import { signIn } from '~/modules/auth/sign-in.server'
import { signUp } from '~/modules/auth/sign-up.server'
import { resolveRequestSession } from '~/modules/auth/request-session.server'
import { actorWithOrganisation } from '../factories/actors'
import { signUpInput } from '../factories/organisations'

const rowCounts = () => ({
  users: db.select({ n: count() }).from(users).get()!.n,
  organisations: db.select({ n: count() }).from(organisations).get()!.n,
  memberships: db.select({ n: count() }).from(memberships).get()!.n,
  audit: db.select({ n: count() }).from(auditEvents).get()!.n,
})

describe('sign-up', () => {
  it('creates the person, their unverified organisation and their ownership, and audits both', async () => {
    const input = signUpInput({ organisationType: 'university', isState: true, size: undefined })
    const result = await signUp(input)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const actor = loadActor(result.value.userId)!
    expect(actor).toMatchObject({ email: input.email, organisationType: 'university', membershipRole: 'owner', organisationVerified: false })
    const org = db.select().from(organisations).where(eq(organisations.id, result.value.organisationId)).get()!
    expect(org).toMatchObject({ verificationStatus: 'unverified', isState: true, size: null, inn: input.inn })
    const trail = db.select().from(auditEvents).where(eq(auditEvents.actorUserId, result.value.userId)).all()
    expect(trail.map((e) => e.action).sort()).toEqual(['membership.created', 'organisation.created'])
  })

  it('refuses a taken e-mail, INN or OGRN and writes nothing', async () => {
    const first = signUpInput()
    await signUp(first)
    const before = rowCounts()
    expect(await signUp(signUpInput({ email: first.email }))).toMatchObject({ ok: false, error: 'email_taken', field: 'email' })
    expect(await signUp(signUpInput({ inn: first.inn }))).toMatchObject({ ok: false, error: 'inn_taken', field: 'inn' })
    expect(await signUp(signUpInput({ ogrn: first.ogrn }))).toMatchObject({ ok: false, error: 'ogrn_taken', field: 'ogrn' })
    expect(rowCounts()).toEqual(before)
  })
})

describe('work that costs a password hash', () => {
  it('refuses a taken e-mail before hashing anything', async () => {
    const first = signUpInput()
    await signUp(first)
    const hashed = passwordHashing.started
    expect(await signUp(signUpInput({ email: first.email }), { clientIp: '10.20.0.1' })).toMatchObject({ error: 'email_taken' })
    expect(passwordHashing.started).toBe(hashed)
  })

  it('rate-limits sign-ups from one address', async () => {
    const first = signUpInput()
    await signUp(first)
    for (let i = 0; i < FREE_SIGN_UPS_PER_ADDRESS; i++) expect(await signUp(signUpInput({ email: first.email }), { clientIp: '10.21.0.1' })).toMatchObject({ error: 'email_taken' })
    const next = await signUp(signUpInput(), { clientIp: '10.21.0.1' })
    expect(next).toMatchObject({ ok: false, error: 'too_many_attempts' })
    expect(next.ok === false && Number(next.params?.minutes)).toBeGreaterThan(0)
    expect(await signUp(signUpInput(), { clientIp: '10.21.0.2' })).toMatchObject({ ok: true })
  })

  it('rate-limits password changes, even with the right current password once the back-off started', async () => {
    const input = signUpInput()
    const created = await signUp(input)
    if (!created.ok) throw new Error()
    const actor = loadActor(created.value.userId)!
    for (let i = 0; i < FREE_PASSWORD_CHANGES; i++) expect(await changePassword(actor, { currentPassword: `guess ${i}`, newPassword: 'a brand new password' })).toMatchObject({ error: 'wrong_password' })
    expect(await changePassword(actor, { currentPassword: input.password, newPassword: 'a brand new password' })).toMatchObject({ error: 'too_many_attempts' })
  }, 60_000)

  it('hashes a burst a few at a time: the rest wait their turn, and every hash is right', async () => {
    passwordHashing.peak = 0
    const passwords = Array.from({ length: 8 }, (_, i) => `burst password ${i}`)
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)))
    expect(passwordHashing.peak).toBe(MAX_CONCURRENT_HASHES)
    expect(passwordHashing).toMatchObject({ running: 0, waiting: 0 })
    expect(await Promise.all(hashes.map((h, i) => verifyPassword(h, passwords[i])))).toEqual(passwords.map(() => true))
  }, 60_000)
})

describe('sign-in', () => {
  it('answers a wrong password and an unknown e-mail with the same refusal', async () => {
    const input = signUpInput()
    await signUp(input)
    const wrongPassword = await signIn({ email: input.email, password: 'not the password', clientIp: '10.0.0.1' })
    const unknownEmail = await signIn({ email: 'nobody@test.example', password: 'not the password', clientIp: '10.0.0.1' })
    expect(wrongPassword).toEqual({ ok: false, error: 'invalid_credentials' })
    expect(unknownEmail).toEqual(wrongPassword)
    expect(await signIn({ email: input.email, password: input.password, clientIp: '10.0.0.1' })).toMatchObject({ ok: true })
  })

  it('counts an attempt before hashing: of 30 parallel wrong guesses only the free ones are checked, and then even the right password waits', async () => {
    const input = signUpInput()
    await signUp(input)
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn({ email: input.email, password: `wrong guess ${i}`, clientIp: '10.1.0.1' })))
    const refusals = guesses.map((g) => (g.ok ? 'signed in' : g.error))
    expect(refusals.filter((r) => r === 'invalid_credentials')).toHaveLength(FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    expect(refusals.filter((r) => r === 'rate_limited')).toHaveLength(30 - FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS)
    const right = await signIn({ email: input.email, password: input.password, clientIp: '10.1.0.1' })
    expect(right).toMatchObject({ ok: false, error: 'rate_limited' })
    expect(right.ok === false && Number(right.params?.minutes)).toBeGreaterThan(0)
    const row = db.select().from(loginAttempts).where(eq(loginAttempts.key, `pair:${input.email}|10.1.0.1`)).get()
    expect(row?.failures).toBe(FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS)
  }, 120_000)

  it('lets the owner in from their usual place however many failures come from elsewhere', async () => {
    const input = signUpInput()
    await signUp(input)
    expect(await signIn({ email: input.email, password: input.password, clientIp: '10.5.0.1' })).toMatchObject({ ok: true })
    // An attacker fails from one address past its back-off, then from many addresses past the account's.
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS + 2; i++) await signIn({ email: input.email, password: 'attacker guess', clientIp: '10.6.0.1' })
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT_ELSEWHERE + 2; i++) await signIn({ email: input.email, password: 'attacker guess', clientIp: `10.7.0.${i}` })
    expect(await signIn({ email: input.email, password: input.password, clientIp: '10.7.1.1' })).toMatchObject({ error: 'rate_limited' })
    expect(await signIn({ email: input.email, password: input.password, clientIp: '10.5.0.1' })).toMatchObject({ ok: true })
  }, 120_000)

  it('backs off twice as long after each further failure, up to a ceiling, and forgets a quiet key', () => {
    const limits = [{ key: `test:${Date.now()}`, free: 2 }]
    const start = Date.parse('2026-12-01T10:00:00Z')
    expect(reserveAttempt(limits, start)).toEqual({ ok: true })
    expect(reserveAttempt(limits, start)).toEqual({ ok: true })
    expect(reserveAttempt(limits, start + 1000)).toEqual({ ok: false, waitMs: FIRST_DELAY_MS - 1000 })
    expect(reserveAttempt(limits, start + FIRST_DELAY_MS)).toEqual({ ok: true })
    expect(reserveAttempt(limits, start + FIRST_DELAY_MS + 1)).toEqual({ ok: false, waitMs: 2 * FIRST_DELAY_MS - 1 })
    expect(delayAfter(40, 2)).toBe(MAX_DELAY_MS)
    const later = start + 3 * FIRST_DELAY_MS + QUIET_RESET_MS
    expect(reserveAttempt(limits, later)).toEqual({ ok: true })
    expect(reserveAttempt(limits, later)).toEqual({ ok: true })
  })

  it('slows down an address that tries many accounts', async () => {
    const ip = '10.9.9.9'
    for (let i = 0; i < 20; i++) await signIn({ email: `guess${i}@test.example`, password: 'x', clientIp: ip })
    expect(await signIn({ email: 'another@test.example', password: 'x', clientIp: ip })).toMatchObject({ error: 'rate_limited' })
    expect(await signIn({ email: 'another@test.example', password: 'x', clientIp: '10.9.9.10' })).toMatchObject({ error: 'invalid_credentials' })
  }, 120_000)
})

describe('sessions', () => {
  it('resolves a valid session cookie to the actor and refuses a forged one with a blank cookie', async () => {
    const actor = await actorWithOrganisation()
    const sessionId = await openSession(actor.userId)
    const ok = await resolveRequestSession(`rd_session=${sessionId}`, false)
    expect(ok.actor?.userId).toBe(actor.userId)
    const forged = await resolveRequestSession(`rd_session=${sessionId.slice(0, -2)}xx`, false)
    expect(forged.actor).toBeNull()
    expect(forged.setCookies[0]).toMatch(/^rd_session=;/)
  })

  it('treats an expired session as signed out and removes it', async () => {
    const actor = await actorWithOrganisation()
    const sessionId = await openSession(actor.userId)
    db.update(sessions).set({ expiresAt: Math.floor(Date.now() / 1000) - 60 }).where(eq(sessions.id, sessionId)).run()
    const resolved = await resolveRequestSession(`rd_session=${sessionId}`, false)
    expect(resolved.actor).toBeNull()
    expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()).toBeUndefined()
  })

  it('renews a session past half its life and sends a fresh cookie', async () => {
    const actor = await actorWithOrganisation()
    const sessionId = await openSession(actor.userId)
    const soon = Math.floor(Date.now() / 1000) + 3600
    db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, sessionId)).run()
    const resolved = await resolveRequestSession(`rd_session=${sessionId}`, true)
    expect(resolved.actor?.userId).toBe(actor.userId)
    expect(resolved.setCookies[0]).toMatch(/HttpOnly/i)
    expect(resolved.setCookies[0]).toMatch(/Secure/i)
    expect(db.select().from(sessions).where(eq(sessions.id, sessionId)).get()!.expiresAt).toBeGreaterThan(soon)
  })

  it('ends every session of the person when the password changes, except the new one', async () => {
    const input = signUpInput()
    const created = await signUp(input)
    if (!created.ok) throw new Error()
    const actor = loadActor(created.value.userId)!
    const other = await openSession(actor.userId)
    expect(await changePassword(actor, { currentPassword: 'wrong', newPassword: 'a brand new password' })).toMatchObject({ error: 'wrong_password' })
    const changed = await changePassword(actor, { currentPassword: input.password, newPassword: 'a brand new password' })
    expect(changed.ok).toBe(true)
    expect((await lucia.validateSession(other)).session).toBeNull()
    if (changed.ok) expect((await lucia.validateSession(changed.value.sessionId)).session).not.toBeNull()
    expect(await signIn({ email: input.email, password: 'a brand new password', clientIp: '10.2.0.1' })).toMatchObject({ ok: true })
  })
})

describe('the audit trail', () => {
  it('is append-only: rows can be neither changed nor deleted', () => {
    expect(() => database.sqlite.prepare('UPDATE audit_events SET action = ?').run('tampered')).toThrow(/append-only/)
    expect(() => database.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/)
  })
})
