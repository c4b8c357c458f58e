import { hashPassword, verifyPassword } from '~/modules/auth/password.server'

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('очень-секретный пароль')
    expect(await verifyPassword(hash, 'очень-секретный пароль')).toBe(true)
    expect(await verifyPassword(hash, 'очень-секретный пароль ')).toBe(false)
    expect(await verifyPassword(hash, '')).toBe(false)
  })

  it('stores scrypt with its parameters and a random salt, never the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')])
    expect(a).not.toBe(b)
    expect(a).not.toContain('same password')
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1'])
  })

  it('treats a malformed hash as a mismatch rather than an error', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false)
    expect(await verifyPassword('bcrypt$whatever', 'x')).toBe(false)
  })
})
