import type { IndexSettings, SearchDocument } from '../../search/engine'

// Seeded synthetic R&D requests and lab profiles in Russian and English, for benchmarks that need
// realistic text (inflected words, mixed languages, skewed facet values) at any size. The same seed
// always gives the same catalogue. Russian phrases stand inflected as they would in a sentence, so
// the catalogue holds many forms of one word, as real requests do.

export interface SyntheticRequest {
  id: string
  language: 'ru' | 'en'
  title: string
  description: string
  keywords: string[]
  fieldsOfScience: string[]
  alliance: string | null
  region: string
  trl: number
  budgetKopecks: number
  status: 'open' | 'negotiation' | 'contracted' | 'closed'
  createdAt: string
}

export interface SyntheticLab {
  id: string
  language: 'ru' | 'en'
  name: string
  organisation: string
  organisationType: 'university' | 'ras_institute' | 'company'
  expertise: string
  equipment: string[]
  keywords: string[]
  fieldsOfScience: string[]
  alliance: string | null
  region: string
  maxTrl: number
}

export interface Topic {
  /** As the object of an action: "Разработка <object>". */
  object: string
  /** As a lab's subject: "Лаборатория <subject>". */
  subject: string
  keywords: string[]
}

export interface Phrasebook {
  actions: string[]
  needs: string[]
  topics: Topic[]
  applications: string[]
  requirements: string[]
  results: string[]
  competencies: string[]
  equipment: string[]
  labWord: string
  contactWord: string
  organisations: Array<{ name: string; type: 'university' | 'ras_institute' | 'company' }>
}

export const RUSSIAN: Phrasebook = {
  actions: ['Разработка', 'Создание', 'Исследование', 'Испытания', 'Оптимизация', 'Моделирование', 'Модернизация'],
  needs: ['Требуется разработка', 'Необходимо создание', 'Ищем исполнителя для разработки', 'Компания заказывает исследование'],
  topics: [
    { object: 'спектрометра ближнего инфракрасного диапазона', subject: 'спектрометрии', keywords: ['спектрометрия', 'ИК-спектроскопия'] },
    { object: 'системы технического зрения', subject: 'технического зрения', keywords: ['техническое зрение', 'распознавание образов'] },
    { object: 'биосинтеза фармацевтических субстанций', subject: 'биотехнологии', keywords: ['биосинтез', 'фармацевтические субстанции'] },
    { object: 'промышленного робота-манипулятора', subject: 'робототехники', keywords: ['робототехника', 'манипуляторы'] },
    { object: 'катализатора гидроочистки', subject: 'катализа', keywords: ['катализаторы', 'нефтепереработка'] },
    { object: 'датчиков давления для низких температур', subject: 'сенсорных систем', keywords: ['датчики', 'Арктика'] },
    { object: 'композитных материалов на основе углеволокна', subject: 'композиционных материалов', keywords: ['композиты', 'углеволокно'] },
    { object: 'нейросетевого алгоритма дефектоскопии', subject: 'неразрушающего контроля', keywords: ['дефектоскопия', 'нейронные сети'] },
    { object: 'лазерной установки для резки металла', subject: 'лазерных технологий', keywords: ['лазерная резка', 'металлообработка'] },
    { object: 'литий-ионных аккумуляторов', subject: 'электрохимической энергетики', keywords: ['аккумуляторы', 'электрохимия'] },
    { object: 'ветеринарной вакцины', subject: 'иммунологии', keywords: ['вакцины', 'ветеринария'] },
    { object: 'полимерных покрытий для трубопроводов', subject: 'полимерной химии', keywords: ['покрытия', 'полимеры'] },
    { object: 'радиолокационной станции малой дальности', subject: 'радиофизики', keywords: ['радиолокация', 'антенны'] },
    { object: 'мембранных фильтров для очистки воды', subject: 'мембранных технологий', keywords: ['мембраны', 'водоочистка'] },
    { object: 'системы мониторинга мерзлых грунтов', subject: 'геокриологии', keywords: ['мониторинг', 'мерзлота'] },
    { object: 'биосенсора для экспресс-диагностики', subject: 'биосенсорики', keywords: ['биосенсоры', 'диагностика'] },
  ],
  applications: [
    'для нефтегазовой отрасли', 'для арктических условий', 'для фармацевтического производства',
    'для сельского хозяйства', 'для медицинской диагностики', 'для горнодобывающих предприятий',
    'для контроля сварных швов', 'для пищевой промышленности', 'для энергетики', 'для логистических центров',
  ],
  requirements: [
    'Рабочая температура до минус 60 градусов.', 'Точность измерений не хуже 0,5 %.',
    'Необходимо соответствие требованиям ГОСТ.', 'Срок выполнения работ не более 12 месяцев.',
    'Требуется изготовление опытного образца.', 'Результаты должны быть защищены патентом.',
    'Желателен опыт работы с промышленными заказчиками.', 'Испытания проводятся на площадке заказчика.',
    'Нужна интеграция с существующей системой управления.', 'Бюджет включает закупку материалов.',
  ],
  results: ['Ожидаемый результат: опытный образец', 'Результатом работы станет технология', 'На выходе нужна методика'],
  competencies: ['Лаборатория выполняет исследования в области', 'Коллектив имеет опыт разработки', 'Проводим испытания и моделирование'],
  equipment: [
    'Фурье-спектрометр', 'сканирующий электронный микроскоп', 'рентгеновский дифрактометр', 'хроматограф',
    'климатическая камера', 'лазерный комплекс', 'промышленный робот', 'биореактор', '3D-принтер по металлу',
  ],
  labWord: 'Лаборатория',
  contactWord: 'Контактное лицо:',
  organisations: [
    { name: 'Томский политехнический университет', type: 'university' },
    { name: 'Томский государственный университет', type: 'university' },
    { name: 'ТУСУР', type: 'university' },
    { name: 'Сибирский государственный медицинский университет', type: 'university' },
    { name: 'Институт химии нефти СО РАН', type: 'ras_institute' },
    { name: 'Институт оптики атмосферы СО РАН', type: 'ras_institute' },
    { name: 'Институт физики прочности и материаловедения СО РАН', type: 'ras_institute' },
    { name: 'ООО «Сибирские технологии»', type: 'company' },
  ],
}

export const ENGLISH: Phrasebook = {
  actions: ['Development of', 'Design of', 'Research on', 'Testing of', 'Optimisation of', 'Modelling of'],
  needs: ['We need to develop', 'Looking for a team to build', 'The company commissions research on'],
  topics: [
    { object: 'a near-infrared spectrometer', subject: 'Spectrometry', keywords: ['spectrometry', 'infrared'] },
    { object: 'a computer vision system', subject: 'Computer Vision', keywords: ['computer vision', 'image recognition'] },
    { object: 'drug substance biosynthesis', subject: 'Biotechnology', keywords: ['biosynthesis', 'drug substances'] },
    { object: 'robotic welding cells', subject: 'Industrial Robotics', keywords: ['robotics', 'welding'] },
    { object: 'hydrotreating catalysts', subject: 'Catalysis', keywords: ['catalysts', 'refining'] },
    { object: 'pressure sensors for Arctic conditions', subject: 'Sensor Systems', keywords: ['sensors', 'Arctic'] },
    { object: 'carbon fibre composites', subject: 'Composite Materials', keywords: ['composites', 'carbon fibre'] },
    { object: 'neural network defect detection', subject: 'Non-destructive Testing', keywords: ['defect detection', 'neural networks'] },
    { object: 'lithium-ion batteries', subject: 'Electrochemical Energy', keywords: ['batteries', 'electrochemistry'] },
    { object: 'membrane water filters', subject: 'Membrane Technology', keywords: ['membranes', 'water treatment'] },
  ],
  applications: [
    'for the oil and gas industry', 'for Arctic operations', 'for pharmaceutical manufacturing', 'for agriculture',
    'for medical diagnostics', 'for mining companies', 'for weld inspection', 'for power plants',
  ],
  requirements: [
    'Operating temperature down to minus 60 degrees.', 'Measurement accuracy of 0.5 % or better.',
    'A working prototype is required.', 'The results should be patentable.', 'Work must be completed within 12 months.',
    'Integration with the existing control system is needed.', 'Field trials take place at the customer site.',
  ],
  results: ['The expected result is a prototype of', 'The outcome is a technology for', 'We expect a method for'],
  competencies: ['The laboratory researches', 'Our team has built', 'We test and model'],
  equipment: ['FTIR spectrometer', 'scanning electron microscope', 'X-ray diffractometer', 'chromatograph', 'climate chamber', 'bioreactor', 'industrial robot'],
  labWord: 'Laboratory of',
  contactWord: 'Contact person:',
  organisations: [
    { name: 'Tomsk Polytechnic University', type: 'university' },
    { name: 'Tomsk State University', type: 'university' },
    { name: 'Institute of Petroleum Chemistry SB RAS', type: 'ras_institute' },
    { name: 'Siberian Technologies LLC', type: 'company' },
  ],
}

export const ALLIANCES = ['pharma', 'vision', 'arctic', 'robotics'] as const
export const FIELDS_OF_SCIENCE = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1', '2.2', '2.3', '2.4', '2.5', '2.7', '2.10', '3.1', '3.2', '4.1']
// Weighted towards the cluster's home region, as a real catalogue would be.
const REGIONS: Array<[string, number]> = [
  ['tomsk', 40], ['novosibirsk', 15], ['kemerovo', 8], ['krasnoyarsk', 8], ['omsk', 6],
  ['moscow', 10], ['saint-petersburg', 6], ['yekaterinburg', 4], ['irkutsk', 3],
]
const STATUSES: Array<[SyntheticRequest['status'], number]> = [['open', 50], ['negotiation', 20], ['contracted', 20], ['closed', 10]]

/** mulberry32: small, fast and good enough to make catalogues, never for secrets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Picker {
  constructor(readonly random: () => number) {}
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]
  }
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = min + Math.floor(this.random() * (max - min + 1))
    return [...new Set(Array.from({ length: count }, () => this.one(items)))]
  }
  weighted<T>(items: Array<[T, number]>): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0)
    let r = this.random() * total
    for (const [item, weight] of items) if ((r -= weight) < 0) return item
    return items[items.length - 1][0]
  }
  integer(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1))
  }
}

// Rare words (people's and product names) make a vocabulary as long-tailed as a real one.
const SYLLABLES = {
  ru: ['ко', 'ва', 'лё', 'ми', 'ро', 'но', 'са', 'бе', 'ре', 'зи', 'ту', 'ша', 'ев', 'ин', 'ки', 'да'],
  en: ['ko', 'va', 'le', 'mi', 'ro', 'no', 'sa', 'be', 're', 'zi', 'tu', 'sha', 'ev', 'in', 'ki', 'da'],
}
const SURNAME_ENDINGS = { ru: ['ов', 'ев', 'ин', 'ский'], en: ['ov', 'ev', 'in', 'sky'] }

function rareName(pick: Picker, language: 'ru' | 'en'): string {
  const stem = Array.from({ length: pick.integer(2, 3) }, () => pick.one(SYLLABLES[language])).join('')
  const name = stem + pick.one(SURNAME_ENDINGS[language])
  return name[0].toUpperCase() + name.slice(1)
}

function bookFor(pick: Picker): [Phrasebook, 'ru' | 'en'] {
  return pick.random() < 0.75 ? [RUSSIAN, 'ru'] : [ENGLISH, 'en']
}

export function syntheticRequests(n: number, seed = 1): SyntheticRequest[] {
  const pick = new Picker(seededRandom(seed))
  const start = Date.UTC(2023, 0, 1)
  return Array.from({ length: n }, (_, i): SyntheticRequest => {
    const [book, language] = bookFor(pick)
    const topic = pick.one(book.topics)
    const application = pick.one(book.applications)
    const sentences = [
      `${pick.one(book.needs)} ${topic.object} ${application}.`,
      ...pick.some(book.requirements, 2, 4),
      `${pick.one(book.results)} ${pick.one(book.topics).object}.`,
      `${book.contactWord} ${rareName(pick, language)}.`,
    ]
    return {
      id: `req-${seed}-${i}`,
      language,
      title: `${pick.one(book.actions)} ${topic.object} ${application}`,
      description: sentences.join(' '),
      keywords: [...new Set([...topic.keywords, ...pick.one(book.topics).keywords.slice(0, 1)])],
      fieldsOfScience: pick.some(FIELDS_OF_SCIENCE, 1, 3),
      alliance: pick.random() < 0.7 ? pick.one(ALLIANCES) : null,
      region: pick.weighted(REGIONS),
      trl: pick.integer(1, 9),
      budgetKopecks: pick.integer(3, 500) * 100_000_00,
      status: pick.weighted(STATUSES),
      createdAt: new Date(start + pick.integer(0, 900) * 86_400_000).toISOString(),
    }
  })
}

export function syntheticLabs(n: number, seed = 2): SyntheticLab[] {
  const pick = new Picker(seededRandom(seed))
  return Array.from({ length: n }, (_, i): SyntheticLab => {
    const [book, language] = bookFor(pick)
    const topics = pick.some(book.topics, 2, 4)
    const organisation = pick.one(book.organisations)
    return {
      id: `lab-${seed}-${i}`,
      language,
      name: `${book.labWord} ${pick.one(topics).subject}`,
      organisation: organisation.name,
      organisationType: organisation.type,
      expertise: [
        `${pick.one(book.competencies)} ${topics.map((topic) => topic.object).join(', ')}.`,
        `${pick.one(book.results)} ${pick.one(topics).object} ${pick.one(book.applications)}.`,
        `${book.contactWord} ${rareName(pick, language)}.`,
      ].join(' '),
      equipment: pick.some(book.equipment, 1, 4),
      keywords: [...new Set(topics.flatMap((topic) => topic.keywords))],
      fieldsOfScience: pick.some(FIELDS_OF_SCIENCE, 1, 4),
      alliance: pick.random() < 0.6 ? pick.one(ALLIANCES) : null,
      region: pick.weighted(REGIONS),
      maxTrl: pick.integer(3, 9),
    }
  })
}

/** Budget bands as the catalogue's facet shows them. */
export function budgetBand(kopecks: number): string {
  const roubles = kopecks / 100
  if (roubles < 1_000_000) return 'under-1m'
  if (roubles < 5_000_000) return '1m-5m'
  if (roubles < 20_000_000) return '5m-20m'
  return 'over-20m'
}

export const requestIndexSettings: IndexSettings = {
  searchable: ['title', 'keywords', 'description'],
  filterable: ['alliance', 'region', 'fieldsOfScience', 'trl', 'budgetKopecks', 'budgetBand', 'status', 'language'],
  sortable: ['budgetKopecks', 'trl', 'createdAt'],
  synonyms: [['тзв', 'техническое зрение'], ['робот', 'robot'], ['ик', 'инфракрасный']],
}

export function requestDocument(request: SyntheticRequest): SearchDocument {
  return { ...request, budgetBand: budgetBand(request.budgetKopecks) }
}

export const labIndexSettings: IndexSettings = {
  searchable: ['name', 'keywords', 'expertise', 'equipment', 'organisation'],
  filterable: ['alliance', 'region', 'fieldsOfScience', 'organisationType', 'maxTrl', 'language'],
  sortable: ['maxTrl', 'name'],
  synonyms: requestIndexSettings.synonyms,
}

export function labDocument(lab: SyntheticLab): SearchDocument {
  return { ...lab }
}
