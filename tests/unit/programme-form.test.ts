import { parseSubmission } from '~/modules/forms/parse-submission'
import { ProgrammeSchema } from '~/modules/programmes/schemas'

function form(extra: Record<string, string>) {
  const data = new FormData()
  const fields: Record<string, string> = {
    year: '2026',
    title: 'Компенсация НИОКР',
    totalBudget: '1 000 000',
    share: '50',
    capPerClaim: '100 000',
    capPerCompany: '200 000',
    eligibleContractorKinds: 'state_university',
    contractsFrom: '2026-01-01',
    contractsTo: '2026-12-31',
    paymentsFrom: '2026-01-01',
    paymentsTo: '2026-12-31',
    opensOn: '2026-02-01',
    closesOn: '2026-11-30',
    ...extra,
  }
  for (const [name, value] of Object.entries(fields)) data.append(name, value)
  return parseSubmission(data, ProgrammeSchema)
}

describe('the programme form’s document ages and return formula', () => {
  it('reads a maximum age per kind, leaves an empty one without limit, and defaults to the sum formula', () => {
    const submission = form({ 'documentMaxAgeDays.tax_debt_certificate': '30', 'documentMaxAgeDays.register_extract': '' })
    expect(submission.status).toBe('success')
    if (submission.status !== 'success') return
    expect(submission.value.documentMaxAgeDays).toEqual({ tax_debt_certificate: 30 })
    expect(submission.value.returnFormula).toBe('shortfall_sum')
  })

  it.each([
    ['a zero age', { 'documentMaxAgeDays.tax_debt_certificate': '0' }, 'documentMaxAgeDays.tax_debt_certificate'],
    ['an age in letters', { 'documentMaxAgeDays.invoice': 'тридцать' }, 'documentMaxAgeDays.invoice'],
    ['an unknown formula', { returnFormula: 'whatever' }, 'returnFormula'],
  ])('refuses %s next to its field', (_, extra, field) => {
    const submission = form(extra)
    expect(submission.status).toBe('error')
    if (submission.status !== 'error') return
    expect(submission.error?.[field]).toBeDefined()
  })
})
