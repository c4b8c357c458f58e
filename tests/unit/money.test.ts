import { formatDate } from '~/modules/format/dates'
import { formatMoney, kopecks, kopecksToDecimal, parseRoubles } from '~/modules/format/money'

const nbsp = /[\u00A0\u202F]/g

describe('money formatting', () => {
  it('prints kopecks exactly in Russian and English', () => {
    expect(formatMoney(kopecks(123_456_789), 'ru').replace(nbsp, ' ')).toBe('1 234 567,89 ₽')
    expect(formatMoney(kopecks(123_456_789), 'en').replace(nbsp, ' ')).toBe('RUB 1,234,567.89')
  })

  it('keeps every kopeck of amounts beyond float precision of roubles', () => {
    expect(kopecksToDecimal(kopecks(900_719_925_474_099))).toBe('9007199254740.99')
    expect(formatMoney(kopecks(1), 'ru').replace(nbsp, ' ')).toBe('0,01 ₽')
    expect(formatMoney(kopecks(-5_050), 'en').replace(nbsp, ' ')).toBe('-RUB 50.50')
  })

  it('refuses to brand a fraction of a kopeck', () => {
    expect(() => kopecks(10.5)).toThrow(RangeError)
  })
})

describe('reading amounts typed by people', () => {
  it.each([
    ['1 234 567,89', 123_456_789],
    ['1234567.5', 123_456_750],
    ['100', 10_000],
    ['0,01', 1],
    ['2 000 000 ₽', 200_000_000],
    ['-15', -1_500],
    // As the English form's own example writes it: commas group thousands, a point starts kopecks.
    ['1,500,000', 150_000_000],
    ['12,345', 1_234_500],
    ['250,000.50', 25_000_050],
  ])('%s is %i kopecks', (input, expected) => {
    expect(parseRoubles(input)).toBe(expected)
  })

  it.each(['', 'abc', '1.2.3', '10 руб 5', '1e6', '١٢٣', '1,500,00', '1,5000', '1,500,000,50', '1 500,000'])('%j is not an amount', (input) => {
    expect(parseRoubles(input)).toBeNull()
  })
})

describe('dates', () => {
  it('shows an ISO UTC instant in the Tomsk time zone', () => {
    // 20:30 UTC is already the next day in Tomsk (UTC+7).
    expect(formatDate('2026-03-01T20:30:00.000Z', 'en')).toBe('2\u00a0Mar\u00a02026')
    // Nothing in a date or an amount lets a line break inside it.
    expect(formatDate('2027-06-30T12:00:00.000Z', 'ru')).not.toMatch(/[ \u202f]/)
    expect(formatMoney(kopecks(2_130_000_000), 'en')).not.toMatch(/[ \u202f]/)
    expect(formatMoney(kopecks(2_130_000_000), 'ru')).not.toMatch(/[ \u202f]/)
    expect(formatDate('2026-03-01T20:30:00.000Z', 'ru')).toMatch(/^2\u00a0мар\.?\u00a02026/)
    expect(formatDate(null, 'ru')).toBe('—')
  })
})
