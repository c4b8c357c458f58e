import { LabFormSchema } from '~/modules/labs/schemas'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { ProgrammeSchema } from '~/modules/programmes/schemas'
import { RequestFormSchema } from '~/modules/requests/schemas'

// Issue 13, item 5: a past deadline, the TRL order and the budget order were reported only on a
// second submit, once the other fields were right. Every error now comes back from the first one.

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(values)) data.append(name, value)
  return data
}

function errorsOf(submission: ReturnType<typeof parseSubmission>) {
  return submission.status === 'error' ? submission.error : null
}

describe('a form reports every error at once', () => {
  it('the request form: an empty title together with the TRL order, the budget order and a past deadline', () => {
    const submission = parseSubmission(
      form({ title: '', summary: 'Краткое описание задачи', problem: 'Подробное описание проблемы для исполнителя', expectedResult: 'Ожидаемый результат работ', oecdField: '2.3', keywords: 'датчик, сварка, контроль', trlNow: '5', trlWanted: '3', budgetMin: '500 000', budgetMax: '100 000', deadline: '2020-01-01', region: '70' }),
      RequestFormSchema,
    )
    const errors = errorsOf(submission)
    expect(errors?.title).toBeTruthy()
    expect(errors?.trlWanted).toEqual(['errors.trl_order'])
    expect(errors?.budgetMax).toEqual(['errors.budget_order'])
    expect(errors?.deadline).toEqual(['errors.deadline_past'])
  })

  it('the request form, filled in right, passes with its values', () => {
    const submission = parseSubmission(
      form({ title: 'Контроль сварных швов', summary: 'Краткое описание задачи', problem: 'Подробное описание проблемы для исполнителя', expectedResult: 'Ожидаемый результат работ', oecdField: '2.3', keywords: 'датчик, сварка, контроль', trlNow: '3', trlWanted: '5', budgetMin: '100 000', budgetMax: '500 000', deadline: '2099-01-01', region: '70' }),
      RequestFormSchema,
    )
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toMatchObject({ trlNow: 3, trlWanted: 5, budgetMin: 100_000_00, budgetMax: 500_000_00, deadline: '2099-01-01' })
  })

  it('the lab form: a missing name together with the TRL range', () => {
    const errors = errorsOf(parseSubmission(form({ name: '', description: 'Описание лаборатории достаточной длины', oecdFields: '2.3', keywords: 'а, б, в', trlMin: '7', trlMax: '2', contactName: 'Иван Петров', contactEmail: 'lab@example.org' }), LabFormSchema))
    expect(errors?.name).toBeTruthy()
    expect(errors?.trlMax).toEqual(['errors.trl_range'])
  })

  it('the programme form: a missing title together with periods that end before they start', () => {
    const errors = errorsOf(
      parseSubmission(
        form({ year: '2027', title: '', totalBudget: '1 000 000', share: '50', capPerClaim: '100 000', capPerCompany: '200 000', eligibleContractorKinds: 'state_university', contractsFrom: '2027-06-01', contractsTo: '2027-01-01', paymentsFrom: '2027-01-01', paymentsTo: '2027-12-31', opensOn: '2027-03-01', closesOn: '2027-02-01' }),
        ProgrammeSchema,
      ),
    )
    expect(errors?.title).toBeTruthy()
    expect(errors?.contractsTo).toEqual(['errors.period_order'])
    expect(errors?.closesOn).toEqual(['errors.period_order'])
    expect(errors?.paymentsTo).toBeUndefined()
  })
})
