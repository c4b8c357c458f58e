import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

interface Rubric {
  code: string
  parent: string | null
  ru: string
  en: string
}

const dataDir = path.resolve(__dirname, '../../db/seed/data')

function load(file: string): Rubric[] {
  return JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as Rubric[]
}

const CYRILLIC = /[А-Яа-яЁё]/

const classifications = {
  'grnti.json': {
    codePattern: /^\d{2}(\.\d{2})?$/,
    parentOf: (code: string) => (code.length === 2 ? null : code.slice(0, 2)),
  },
  'oecd-fos.json': {
    codePattern: /^[1-6](\.([1-9]|1[01]))?$/,
    parentOf: (code: string) => (code.includes('.') ? code.split('.')[0]! : null),
  },
} as const

for (const [file, spec] of Object.entries(classifications)) {
  describe(`${file}: structure`, () => {
    const rows = load(file)

    it('is a non-empty array of {code, parent, ru, en}', () => {
      expect(Array.isArray(rows)).toBe(true)
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(['code', 'en', 'parent', 'ru'])
      }
    })

    it('has unique, well-formed codes', () => {
      const codes = rows.map((r) => r.code)
      expect(new Set(codes).size).toBe(codes.length)
      for (const code of codes) expect(code).toMatch(spec.codePattern)
    })

    it('has a parent that exists and matches the code prefix for every non-root entry', () => {
      const codes = new Set(rows.map((r) => r.code))
      for (const row of rows) {
        expect(row.parent, row.code).toBe(spec.parentOf(row.code))
        if (row.parent !== null) expect(codes.has(row.parent), row.code).toBe(true)
      }
    })

    it('has a Russian and an English name for every entry', () => {
      for (const row of rows) {
        expect(typeof row.ru).toBe('string')
        expect(typeof row.en).toBe('string')
        expect(row.ru.trim(), row.code).not.toBe('')
        expect(row.en.trim(), row.code).not.toBe('')
        expect(row.ru, row.code).toBe(row.ru.trim())
        expect(row.en, row.code).toBe(row.en.trim())
        expect(CYRILLIC.test(row.ru), `${row.code} ru: ${row.ru}`).toBe(true)
        expect(CYRILLIC.test(row.en), `${row.code} en: ${row.en}`).toBe(false)
      }
    })
  })
}

describe('grnti.json: content', () => {
  const rows = load('grnti.json')
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const top = rows.filter((r) => r.parent === null)
  const second = rows.filter((r) => r.parent !== null)

  it('has at least 60 top-level and 300 second-level rubrics', () => {
    expect(top.length).toBeGreaterThanOrEqual(60)
    expect(second.length).toBeGreaterThanOrEqual(300)
  })

  it('gives every top-level rubric at least one second-level rubric', () => {
    const parents = new Set(second.map((r) => r.parent))
    for (const r of top) expect(parents.has(r.code), r.code).toBe(true)
  })

  it.each([
    ['27', 'Математика', 'Mathematics'],
    ['29', 'Физика', 'Physics'],
    ['31', 'Химия', 'Chemistry'],
    ['34', 'Биология', 'Biology'],
    ['47', 'Электроника. Радиотехника', 'Electronics. Radio engineering'],
    ['50', 'Автоматика. Вычислительная техника', 'Automation. Computer engineering'],
    ['55', 'Машиностроение', 'Mechanical engineering'],
    ['61', 'Химическая технология. Химическая промышленность', 'Chemical technology. Chemical industry'],
    ['76', 'Медицина и здравоохранение', 'Medicine and health care'],
    ['31.15', 'Физическая химия', 'Physical chemistry'],
    ['27.41', 'Вычислительная математика', 'Computational mathematics'],
    ['28.23', 'Искусственный интеллект', 'Artificial intelligence'],
    ['50.41', 'Программное обеспечение вычислительных машин, комплексов и сетей', 'Software for computers, computer systems and networks'],
  ])('contains %s %s', (code, ru, en) => {
    const row = byCode.get(code)
    expect(row).toBeDefined()
    expect(row!.ru).toBe(ru)
    expect(row!.en).toBe(en)
  })

  it('starts at 00 and ends at 90', () => {
    expect(top[0]!.code).toBe('00')
    expect(top[top.length - 1]!.code).toBe('90')
  })

  it('contains no rubrics marked as withdrawn ("Исключено с …")', () => {
    for (const r of rows) expect(r.ru, r.code).not.toMatch(/Исключ/i)
    for (const code of ['03.19', '06.04', '06.41', '13.19', '18.19', '26.21', '45.39']) {
      expect(byCode.has(code), code).toBe(false)
    }
  })

  it('has the source line-break hyphenation repaired', () => {
    expect(byCode.get('67.25')!.ru).toBe('Районная планировка. Градостроительство')
    expect(byCode.get('29.17')!.ru).toBe('Физика газов и жидкостей. Термодинамика и статистическая физика')
    expect(byCode.get('81')!.ru).toBe(
      'Общие и комплексные проблемы технических и прикладных наук и отраслей народного хозяйства',
    )
  })
})

describe('oecd-fos.json: content', () => {
  const rows = load('oecd-fos.json')
  const byCode = new Map(rows.map((r) => [r.code, r]))
  const top = rows.filter((r) => r.parent === null)
  const second = rows.filter((r) => r.parent !== null)

  it('has 6 major fields and at least 40 second-level fields', () => {
    expect(top.map((r) => r.code)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(second.length).toBeGreaterThanOrEqual(40)
  })

  it('has the FOS second-level counts per major field (7, 11, 5, 5, 9, 5)', () => {
    const count = (p: string) => second.filter((r) => r.parent === p).length
    expect(['1', '2', '3', '4', '5', '6'].map(count)).toEqual([7, 11, 5, 5, 9, 5])
  })

  it.each([
    ['1', 'Естественные науки', 'Natural sciences'],
    ['1.1', 'Математика', 'Mathematics'],
    ['1.2', 'Компьютерные и информационные науки', 'Computer and information sciences'],
    ['2', 'Технические науки', 'Engineering and technology'],
    ['2.10', 'Нанотехнологии', 'Nano-technology'],
    ['2.11', 'Другие технические науки и технологии', 'Other engineering and technologies'],
    ['3', 'Медицинские науки', 'Medical and health sciences'],
    ['5.2', 'Экономика и бизнес', 'Economics and business'],
    ['6', 'Гуманитарные науки', 'Humanities and the arts'],
    ['6.1', 'История и археология', 'History and archaeology'],
  ])('contains %s %s', (code, ru, en) => {
    const row = byCode.get(code)
    expect(row).toBeDefined()
    expect(row!.ru).toBe(ru)
    expect(row!.en).toBe(en)
  })
})
