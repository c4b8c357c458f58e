import { randomUUID } from 'node:crypto'

/**
 * A fresh key for one render of a form that must not take effect twice. The loader puts it in a
 * hidden field; the domain function refuses to act on a key it has already seen.
 */
export function newSubmissionKey(): string {
  return randomUUID()
}
