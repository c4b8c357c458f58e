import { dataVersion, memoUntilDataChanges } from '../../db/data-version'
import { twoConnections } from '../factories/connections'

// Figures kept between pages are recomputed as soon as the database may have changed: a write on
// this connection, or a commit by another one (the background process).

describe('values kept until the database changes', () => {
  const { mine, other, close } = twoConnections('data-version-')
  mine.sqlite.exec('CREATE TABLE figures (n INTEGER)')
  mine.sqlite.exec('INSERT INTO figures VALUES (1)')
  afterAll(close)

  let computed = 0
  const total = memoUntilDataChanges(
    () => mine.sqlite,
    () => 'all',
    () => {
      computed++
      return mine.sqlite.prepare('SELECT sum(n) FROM figures').pluck().get() as number
    },
  )

  test('reads the same state once', () => {
    const before = computed
    expect(total(null)).toBe(1)
    expect(total(null)).toBe(1)
    expect(computed).toBe(before + 1)
  })

  test('a write on the same connection is seen at once', () => {
    const version = dataVersion(mine.sqlite)
    mine.sqlite.exec('INSERT INTO figures VALUES (2)')
    expect(dataVersion(mine.sqlite)).not.toBe(version)
    expect(total(null)).toBe(3)
  })

  test('a commit by another connection is seen at once', () => {
    expect(total(null)).toBe(3)
    other.sqlite.exec('INSERT INTO figures VALUES (4)')
    expect(total(null)).toBe(7)
  })

  test('a value older than a minute is computed again though nothing changed', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const before = computed
      total(null)
      vi.setSystemTime(Date.now() + 61_000)
      total(null)
      expect(computed).toBe(before + 1)
    } finally {
      vi.useRealTimers()
    }
  })
})
