import { neutraliseFormula, tableCsv } from '~/modules/exports/table-export.server'

describe('CSV exports', () => {
  it('prefix a quote to every text cell a spreadsheet would read as a formula (OWASP CSV injection)', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1+1']) expect(neutraliseFormula(formula)).toBe(`'${formula}`)
    for (const plain of ['ООО «Ромашка»', '1-2', 'a=b', '', "'quoted"]) expect(neutraliseFormula(plain)).toBe(plain)
  })

  it('write organisation names neutralised and amounts untouched', () => {
    const csv = tableCsv(
      [
        { key: 'name', header: 'Организация' },
        { key: 'amount', header: 'Сумма', money: true },
        { key: 'count', header: 'Число' },
      ],
      [{ name: '=HYPERLINK("http://evil.example")', amount: 123_45, count: -3 }],
      'ru',
    )
    expect(csv).toBe('\uFEFFОрганизация;Сумма;Число\n"\'=HYPERLINK(""http://evil.example"")";123,45;-3\n')
  })
})
