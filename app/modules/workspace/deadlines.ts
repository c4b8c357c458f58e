// Deadlines the workspaces measure against. Pure, so that unit tests and the browser can use them.

/**
 * Calendar days the administration has to decide a submitted claim. Programmes do not yet carry a
 * review period of their own, so one period holds for all of them; when they do, this becomes the
 * default.
 */
export const CLAIM_REVIEW_DAYS = 30

/** Decided claims stay in the company's workspace this many days as news, then only in its list. */
export const DECIDED_CLAIMS_SHOWN_DAYS = 30

const DAY_MS = 86_400_000

/**
 * A competitive round's wait for its close: its applications are submitted claims, so the same
 * review period runs, from the round's deadline (the region's day, YYYY-MM-DD) on.
 */
export function roundReviewOf(deadline: string, today: string, reviewDays = CLAIM_REVIEW_DAYS) {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS
  const dueOn = new Date((day(deadline) + reviewDays) * DAY_MS).toISOString().slice(0, 10)
  return { ageDays: Math.max(0, day(today) - day(deadline)), dueOn, overdue: today > dueOn }
}

/** A claim's wait in whole days, the day its review is due (YYYY-MM-DD, UTC) and whether that is past. */
export function reviewDeadlineOf(submittedAt: string, now: Date, reviewDays = CLAIM_REVIEW_DAYS) {
  const submitted = Date.parse(submittedAt)
  const ageDays = Math.max(0, Math.floor((now.getTime() - submitted) / DAY_MS))
  const due = new Date(submitted + reviewDays * DAY_MS)
  return { ageDays, dueOn: due.toISOString(), overdue: now.getTime() > due.getTime() }
}
