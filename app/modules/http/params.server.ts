import { notFound } from './guards.server'

/**
 * A numeric id from the URL, spelled as its plain digits; anything else (1e1, 010, 0x0a, 10.0) is a
 * page that does not exist, so one record has one address.
 */
export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) notFound()
  return Number(value)
}
