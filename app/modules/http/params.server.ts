import { notFound } from './guards.server'

/** A numeric id from the URL; anything else is a page that does not exist. */
export function parseId(value: string | undefined): number {
  const id = Number(value)
  if (!value || !/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) notFound()
  return id
}
