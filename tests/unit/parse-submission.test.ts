import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseSubmission } from '~/modules/forms/parse-submission'

const Schema = z.object({ title: z.string({ required_error: 'required' }), stages: z.array(z.string()).optional() })

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return data
}

describe('parseSubmission', () => {
  it('reads a form as conform does, list intents included', () => {
    const added = parseSubmission(form({ title: 'Т', 'stages[0]': 'a', __intent__: JSON.stringify({ type: 'insert', payload: { name: 'stages' } }) }), Schema)
    expect(added.status).toBeUndefined()
    expect(added.payload).toMatchObject({ title: 'Т', stages: ['a', undefined] })
  })

  it.each([
    ['not JSON', '{oops'],
    ['JSON of the wrong shape', '42'],
    ['an intent conform does not know', JSON.stringify({ type: 'insert' })],
  ])('checks a form with a forged __intent__ (%s) as a plain submit instead of throwing', (_, intent) => {
    const valid = parseSubmission(form({ title: 'Т', __intent__: intent }), Schema)
    expect(valid).toMatchObject({ status: 'success', value: { title: 'Т' } })
    const invalid = parseSubmission(form({ __intent__: intent, __state__: '{' }), Schema)
    expect(invalid).toMatchObject({ status: 'error', error: { title: ['required'] } })
  })
})
