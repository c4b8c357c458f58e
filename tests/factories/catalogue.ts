import type { LabInput } from '~/modules/labs/schemas'
import type { RequestInput } from '~/modules/requests/schemas'

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)

/** A request that passes the form's rules; override what the test is about. */
export function requestInput(overrides: Partial<RequestInput> = {}): RequestInput {
  return {
    title: 'Роботизированная сварка тонкостенных конструкций',
    summary: 'Нужна технология роботизированной сварки тонкостенных алюминиевых корпусов.',
    problem: 'Ручная сварка корпусов даёт коробление и брак до 12 %, нужна роботизированная ячейка с адаптивным управлением.',
    expectedResult: 'Опытная ячейка и режимы сварки, снижающие брак до 2 %.',
    confidentialDetails: 'Годовой объём — 4 000 корпусов, целевая себестоимость шва — 300 ₽.',
    oecdField: '2.3',
    grnti: '55.13',
    alliance: 'robotics',
    keywords: ['сварка', 'робототехника', 'алюминий'],
    trlNow: 3,
    trlWanted: 6,
    budgetMin: 2_000_000_00,
    budgetMax: 5_000_000_00,
    deadline: inAYear(),
    region: '70',
    ...overrides,
  }
}

export function labInput(overrides: Partial<LabInput> = {}): LabInput {
  return {
    name: 'Лаборатория сварочных технологий',
    description: 'Разрабатываем технологии роботизированной и лазерной сварки, адаптивное управление сварочными роботами.',
    oecdFields: ['2.3'],
    grnti: ['55.13'],
    alliance: 'robotics',
    keywords: ['сварка', 'робототехника'],
    equipment: ['Сварочный робот KUKA KR 16'],
    services: ['Отработка режимов сварки'],
    trlMin: 3,
    trlMax: 7,
    contactName: 'Иван Сварщиков',
    contactEmail: 'welding@lab.test.example',
    contactPhone: undefined,
    ...overrides,
  }
}
