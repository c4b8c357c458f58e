import { useActionData } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'

/**
 * On a page with several forms, the action's answer belongs to the one that was sent: the form
 * carries an `intent` (and a record id when there is one form per record), and only that form
 * takes the answer back with its messages and typed values.
 */
export function useIntentResult(intent: string, recordId?: number | string): SubmissionResult<string[]> | undefined {
  const result = useActionData<SubmissionResult<string[]>>()
  if (!result || typeof result !== 'object' || !('initialValue' in result)) return undefined
  const sent = (result.initialValue ?? {}) as Record<string, unknown>
  if (sent.intent !== intent) return undefined
  if (recordId !== undefined && String(sent.formKey ?? sent.recordId ?? sent.versionId) !== String(recordId)) return undefined
  return result
}
