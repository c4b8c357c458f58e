// Contracted R&D of the demo cluster (organisations of demo-cluster.ts, referenced by `key`) and the
// regional compensation programme their claims go to. Numbers, dates and amounts are fictional but
// kept to the rules: stage amounts add up to the price, acts stay within their stage, payments within
// the price, and every claim was computed by the programme's rules (50 %, rounded down).

/** Whole roubles, as the demo is written; the database stores kopecks. */
type Roubles = number

export interface DemoProgramme {
  key: string
  year: number
  title: string
  description: string
  budget: Roubles
  shareBp: number
  capPerClaim: Roubles
  capPerCompany: Roubles
  contractsFrom: string
  contractsTo: string
  paymentsFrom: string
  paymentsTo: string
  opensOn: string
  closesOn: string
  createdAt: string
}

export const demoProgrammes: DemoProgramme[] = [
  {
    key: 'tomsk-2026',
    year: 2026,
    title: 'Компенсация затрат на НИОКР — Томская область 2026/2027',
    description:
      'Областной бюджет возмещает компаниям — участникам инновационного кластера половину затрат на научно-исследовательские и опытно-конструкторские работы, выполненные государственными университетами, институтами РАН и иными государственными научными организациями.',
    budget: 60_000_000,
    shareBp: 5_000,
    capPerClaim: 5_000_000,
    capPerCompany: 8_000_000,
    contractsFrom: '2025-07-01',
    contractsTo: '2027-06-30',
    paymentsFrom: '2025-07-01',
    paymentsTo: '2027-09-30',
    opensOn: '2026-02-01',
    closesOn: '2027-10-31',
    createdAt: '2026-01-20T04:00:00.000Z',
  },
]

export interface DemoStage {
  title: string
  dueOn: string
  amount: Roubles
}

export interface DemoAct {
  number: string
  stage: number
  signedOn: string
  amount: Roubles
  /** Recorded by the contractor and confirmed by the company; `scan` says whether its scan is attached. */
  scan: boolean
}

export interface DemoPayment {
  key: string
  orderNumber: string
  paidOn: string
  amount: Roubles
  scan: boolean
}

export type DemoClaimOutcome =
  | { status: 'submitted' }
  | { status: 'returned'; reason: string }
  | { status: 'rejected'; reason: string }
  | { status: 'approved'; approved: Roubles; reason: string }
  | { status: 'paid'; approved: Roubles; reason: string; paidOn: string; orderNumber: string }

export interface DemoClaim {
  programmeKey: string
  paymentKeys: string[]
  submittedAt: string
  decidedAt?: string
  outcome: DemoClaimOutcome
}

export interface DemoContract {
  companyKey: string
  contractorKey: string
  number: string
  signedOn: string
  subject: string
  vat: { mode: 'exempt' } | { mode: 'rate'; rateBp: number }
  startsOn: string
  endsOn: string
  stages: DemoStage[]
  /** Only the company has confirmed so far. */
  awaitingConfirmation?: boolean
  acts: DemoAct[]
  payments: DemoPayment[]
  claims: DemoClaim[]
}

export const demoContracts: DemoContract[] = [
  {
    companyKey: 'sibpharmsynth',
    contractorKey: 'tpu',
    number: 'НИОКР-2026/014',
    signedOn: '2026-02-10',
    subject: 'Разработка технологии синтеза субстанции противовирусного препарата с замкнутым циклом регенерации растворителей',
    vat: { mode: 'exempt' },
    startsOn: '2026-02-15',
    endsOn: '2026-12-20',
    stages: [
      { title: 'Лабораторный регламент синтеза', dueOn: '2026-05-31', amount: 3_200_000 },
      { title: 'Наработка опытной партии и валидация методик контроля', dueOn: '2026-09-30', amount: 3_800_000 },
      { title: 'Опытно-промышленный регламент и отчёт', dueOn: '2026-12-20', amount: 2_600_000 },
    ],
    acts: [
      { number: '1', stage: 1, signedOn: '2026-06-05', amount: 3_200_000, scan: true },
      { number: '2', stage: 2, signedOn: '2026-10-02', amount: 3_800_000, scan: true },
    ],
    payments: [
      { key: 'spf-advance', orderNumber: '412', paidOn: '2026-03-02', amount: 2_880_000, scan: true },
      { key: 'spf-stage1', orderNumber: '1187', paidOn: '2026-06-19', amount: 2_000_000, scan: true },
      { key: 'spf-stage2', orderNumber: '2034', paidOn: '2026-10-15', amount: 2_120_000, scan: true },
    ],
    claims: [
      {
        programmeKey: 'tomsk-2026',
        paymentKeys: ['spf-advance', 'spf-stage1'],
        submittedAt: '2026-07-01T03:20:00.000Z',
        decidedAt: '2026-07-14T06:45:00.000Z',
        outcome: { status: 'approved', approved: 2_440_000, reason: 'Договор, акт этапа 1 и платёжные поручения проверены; расходы соответствуют условиям программы.' },
      },
    ],
  },
  {
    companyKey: 'visionlab',
    contractorKey: 'tusur',
    number: '17-ТЗ/2025',
    signedOn: '2025-11-20',
    subject: 'Алгоритмы машинного зрения для контроля сварных швов на конвейере с обучением на малых выборках',
    vat: { mode: 'exempt' },
    startsOn: '2025-12-01',
    endsOn: '2026-11-30',
    stages: [
      { title: 'Набор данных и базовая модель', dueOn: '2026-04-30', amount: 3_000_000 },
      { title: 'Встраиваемое исполнение и испытания на линии', dueOn: '2026-11-30', amount: 3_000_000 },
    ],
    acts: [{ number: 'А-1', stage: 1, signedOn: '2026-05-06', amount: 3_000_000, scan: true }],
    payments: [{ key: 'vl-stage1', orderNumber: '88', paidOn: '2026-05-12', amount: 3_000_000, scan: true }],
    claims: [
      {
        programmeKey: 'tomsk-2026',
        paymentKeys: ['vl-stage1'],
        submittedAt: '2026-05-20T02:00:00.000Z',
        decidedAt: '2026-06-02T05:10:00.000Z',
        outcome: {
          status: 'paid',
          approved: 1_500_000,
          reason: 'Работы этапа 1 приняты, оплата подтверждена исполнителем.',
          paidOn: '2026-06-16',
          orderNumber: '50-0617',
        },
      },
    ],
  },
  {
    companyKey: 'arctictech',
    contractorKey: 'ipc',
    number: 'ИХН-44/26',
    signedOn: '2026-03-03',
    subject: 'Депрессорные присадки и ингибиторы парафиноотложения для добычи нефти при температуре до −50 °C',
    vat: { mode: 'exempt' },
    startsOn: '2026-03-10',
    endsOn: '2027-03-31',
    stages: [
      { title: 'Подбор составов и лабораторные испытания', dueOn: '2026-08-31', amount: 4_000_000 },
      { title: 'Опытная партия и промысловые испытания', dueOn: '2027-03-31', amount: 8_000_000 },
    ],
    acts: [{ number: '1/44', stage: 1, signedOn: '2026-09-04', amount: 4_000_000, scan: true }],
    payments: [{ key: 'at-stage1', orderNumber: '3310', paidOn: '2026-09-18', amount: 4_000_000, scan: true }],
    claims: [{ programmeKey: 'tomsk-2026', paymentKeys: ['at-stage1'], submittedAt: '2026-10-05T04:30:00.000Z', outcome: { status: 'submitted' } }],
  },
  {
    companyKey: 'robotech',
    contractorKey: 'ispms',
    number: 'РТС-ИФПМ-2026-3',
    signedOn: '2026-04-15',
    subject: 'Износостойкие аддитивные покрытия захватов сварочных роботов',
    vat: { mode: 'rate', rateBp: 2_200 },
    startsOn: '2026-04-20',
    endsOn: '2027-02-28',
    stages: [
      { title: 'Выбор порошковых композиций и режимов наплавки', dueOn: '2026-08-31', amount: 2_520_000 },
      { title: 'Ресурсные испытания на роботизированной ячейке', dueOn: '2027-02-28', amount: 5_880_000 },
    ],
    acts: [{ number: '1', stage: 1, signedOn: '2026-09-10', amount: 2_520_000, scan: true }],
    payments: [{ key: 'rt-stage1', orderNumber: '740', paidOn: '2026-09-25', amount: 2_520_000, scan: true }],
    claims: [
      {
        programmeKey: 'tomsk-2026',
        paymentKeys: ['rt-stage1'],
        submittedAt: '2026-10-12T08:00:00.000Z',
        decidedAt: '2026-10-20T03:30:00.000Z',
        outcome: { status: 'returned', reason: 'Скан акта № 1 — неподписанный проект: приложите экземпляр, подписанный обеими сторонами.' },
      },
    ],
  },
  {
    companyKey: 'agroinno',
    contractorKey: 'sibniit',
    number: '09/2026-А',
    signedOn: '2026-01-28',
    subject: 'Испытания торфяных кормовых добавок: лабораторные анализы партий',
    vat: { mode: 'exempt' },
    startsOn: '2026-02-01',
    endsOn: '2026-06-30',
    stages: [{ title: 'Анализ 40 партий сырья', dueOn: '2026-06-30', amount: 900_000 }],
    acts: [{ number: '12', stage: 1, signedOn: '2026-06-30', amount: 900_000, scan: true }],
    payments: [{ key: 'ag-all', orderNumber: '215', paidOn: '2026-07-03', amount: 900_000, scan: true }],
    claims: [
      {
        programmeKey: 'tomsk-2026',
        paymentKeys: ['ag-all'],
        submittedAt: '2026-07-10T02:00:00.000Z',
        decidedAt: '2026-07-24T07:00:00.000Z',
        outcome: { status: 'rejected', reason: 'По договору оказаны услуги по стандартным лабораторным анализам, а не выполнены НИОКР: программа такие расходы не компенсирует.' },
      },
    ],
  },
  {
    companyKey: 'energyeffect',
    contractorKey: 'tsu',
    number: 'ЭЭ-ТГУ-2026/2',
    signedOn: '2026-11-02',
    subject: 'Математическая модель теплообменника-рекуператора для сушильных камер',
    vat: { mode: 'exempt' },
    startsOn: '2026-11-10',
    endsOn: '2027-05-31',
    stages: [
      { title: 'Модель и верификация на стенде', dueOn: '2027-02-28', amount: 1_400_000 },
      { title: 'Методика расчёта и программа для ЭВМ', dueOn: '2027-05-31', amount: 1_100_000 },
    ],
    awaitingConfirmation: true,
    acts: [],
    payments: [],
    claims: [],
  },
]

/**
 * A small, valid one-page PDF saying what the demo document stands for, so that demo downloads open
 * in any viewer. The standard Type 1 fonts have no Cyrillic, hence the Latin text.
 */
export function demoPdf(lines: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7E]/g, '?')
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 12} Tf 72 ${770 - i * 22} Td (${escape(line)}) Tj ET`).join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}

/** Latin letters for a Cyrillic document number in a demo PDF. */
export function transliterate(value: string): string {
  const map: Record<string, string> = {
    а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
    р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  }
  return [...value].map((c) => {
    const lower = c.toLowerCase()
    const latin = map[lower]
    if (latin === undefined) return c
    return c === lower ? latin : latin.toUpperCase()
  }).join('')
}
