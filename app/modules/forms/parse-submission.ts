import { parseWithZod } from '@conform-to/zod'
import type { ZodTypeAny } from 'zod'

// conform reads its reserved fields (list intents such as "add a stage", and form state) as JSON. A
// forged value throws inside conform and would escape as a 500; without those fields the form is
// checked as a plain submit, so a tampered form gets the usual answer: saved, or what to fix.
const RESERVED_FIELDS = ['__intent__', '__state__']

export function parseSubmission<Schema extends ZodTypeAny>(formData: FormData, schema: Schema) {
  try {
    return parseWithZod(formData, { schema })
  } catch (error) {
    if (!RESERVED_FIELDS.some((field) => formData.has(field))) throw error
    const plain = new FormData()
    for (const [name, value] of formData) if (!RESERVED_FIELDS.includes(name)) plain.append(name, value)
    return parseWithZod(plain, { schema })
  }
}
