import { json } from '@remix-run/node'

// conform reads its list intent (add or remove a stage) from a JSON field; a tampered value must be
// a 400, not a parse error that escapes as a 500.
export function rejectMalformedIntent(formData: FormData): void {
  const intent = formData.get('__intent__')
  if (intent === null) return
  try {
    const parsed: unknown = JSON.parse(String(intent))
    if (parsed && typeof parsed === 'object' && 'type' in parsed) return
  } catch {
    // falls through to the refusal
  }
  throw json({ error: 'invalid' }, { status: 400 })
}
