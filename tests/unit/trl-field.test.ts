import { z } from 'zod'
import { trlField } from '~/modules/forms/catalogue-fields'
import { parseSubmission } from '~/modules/forms/parse-submission'

const schema = z.object({ trl: trlField, optionalTrl: trlField.optional() })

function errorsOf(entries: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries(entries)) form.append(k, v)
  const submission = parseSubmission(form, schema)
  return submission.status === 'success' ? {} : submission.error
}

describe('a readiness level chosen from a list', () => {
  it('left unchosen asks to choose a level, rather than for an integer from 1 to 9', () => {
    expect(errorsOf({ trl: '' })?.trl).toEqual(['errors.trl_required'])
    expect(errorsOf({})?.trl).toEqual(['errors.trl_required'])
  })
  it('out of the scale or not a number is refused as such', () => {
    expect(errorsOf({ trl: '10' })?.trl).toEqual(['errors.trl'])
    expect(errorsOf({ trl: 'abc' })?.trl).toEqual(['errors.trl'])
  })
  it('chosen, is a number; an optional one may stay empty', () => {
    const form = new FormData()
    form.append('trl', '4')
    form.append('optionalTrl', '')
    expect(parseSubmission(form, schema)).toMatchObject({ status: 'success', value: { trl: 4 } })
  })
})
