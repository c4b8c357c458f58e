import { afterEach, describe, expect, test, vi } from 'vitest'
import { isIsoDate, regionDateOf, regionToday } from '~/modules/calendar/calendar'
import { DashboardFilterSchema } from '~/modules/dashboard/filters'
import { dateField } from '~/modules/forms/fields'
import { RequestFormSchema } from '~/modules/requests/schemas'

// One calendar: the region's (Asia/Tomsk, UTC+7). Between 00:00 and 07:00 in Tomsk the UTC date is
// still yesterday, and every rule about "today" must follow Tomsk (issue 15, item 14).

// 00:30 on 10 March 2027 in Tomsk is 17:30 UTC on the 9th.
const TOMSK_HALF_PAST_MIDNIGHT = new Date('2027-03-09T17:30:00Z')

function requestForm(deadline: string) {
  return {
    title: 'Роботизированная сварка корпусов',
    summary: 'Нужна технология роботизированной сварки.',
    problem: 'Ручная сварка корпусов даёт коробление и брак до 12 %.',
    expectedResult: 'Опытная ячейка и режимы сварки.',
    oecdField: '2.3',
    keywords: 'сварка, робототехника',
    trlNow: 3,
    trlWanted: 6,
    budgetMin: '2 000 000',
    budgetMax: '5 000 000',
    deadline,
    region: '70',
  }
}

function issuesAt(result: { success: boolean; error?: { issues: Array<{ path: (string | number)[]; message: string }> } }, field: string) {
  return result.success ? [] : result.error!.issues.filter((i) => i.path[0] === field).map((i) => i.message)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the region’s calendar', () => {
  test('at 00:30 in Tomsk, today is already the Tomsk date, not the UTC one', () => {
    expect(regionToday(TOMSK_HALF_PAST_MIDNIGHT)).toBe('2027-03-10')
    expect(regionDateOf('2027-03-09T17:30:00Z')).toBe('2027-03-10')
  })

  test('at 00:30 in Tomsk a request’s deadline of that very day is refused as past, and the next day is accepted', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(TOMSK_HALF_PAST_MIDNIGHT)
    expect(issuesAt(RequestFormSchema.safeParse(requestForm('2027-03-10')), 'deadline')).toEqual(['errors.deadline_past'])
    expect(RequestFormSchema.safeParse(requestForm('2027-03-11')).success).toBe(true)
  })

  test('the dashboard’s period runs to Tomsk’s today, and its twelve months are counted from Tomsk’s date at 00:30 on 1 January', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2027-12-31T17:30:00Z'))
    expect(DashboardFilterSchema.parse({})).toMatchObject({ from: '2027-02-01', to: '2028-01-01' })
  })
})

describe('one strict date field', () => {
  test.each(['2027-02-31', '2027-02-29', '2027-13-01', '2027-04-31', '2027-3-1', '31.03.2027', '2027-03-01T00:00'])('%s is refused by every form', (value) => {
    expect(isIsoDate(value)).toBe(false)
    expect(dateField.safeParse(value).success).toBe(false)
    expect(issuesAt(RequestFormSchema.safeParse(requestForm(value)), 'deadline')).toContain('errors.date')
    expect(DashboardFilterSchema.safeParse({ from: '2027-01-01', to: value }).success).toBe(false)
  })

  test('a day that exists is accepted, 29 February of a leap year included', () => {
    expect(dateField.safeParse('2028-02-29')).toEqual({ success: true, data: '2028-02-29' })
    expect(isIsoDate('2027-02-28')).toBe(true)
  })
})
