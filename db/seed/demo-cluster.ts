import type { Alliance, CompanySize, OrganisationType } from '../schema/values'

// A realistic, fictional innovation cluster in the Tomsk region for the demo. Universities and
// institutes carry the names of real Tomsk institutions; their registration numbers, the companies
// and all the people are made up.

export const DEMO_PASSWORD = 'demo-password-2026'

export interface DemoPerson {
  email: string
  name: string
  role: 'owner' | 'member'
  locale?: 'ru' | 'en'
}

export interface DemoOrganisation {
  key: string
  type: OrganisationType
  name: string
  shortName: string
  city: string
  alliance?: Alliance
  size?: CompanySize
  isState?: boolean
  website?: string
  description: string
  verified: boolean
  people: DemoPerson[]
}

const university = (key: string, name: string, shortName: string, website: string, description: string, people: DemoPerson[]): DemoOrganisation => ({
  key, type: 'university', name, shortName, city: 'Томск', isState: true, website, description, verified: true, people,
})

const institute = (key: string, name: string, shortName: string, description: string, people: DemoPerson[], alliance?: Alliance): DemoOrganisation => ({
  key, type: 'institute', name, shortName, city: 'Томск', isState: true, alliance, description, verified: true, people,
})

const company = (
  key: string, name: string, shortName: string, alliance: Alliance | undefined, size: CompanySize, description: string, people: DemoPerson[], verified = true,
): DemoOrganisation => ({ key, type: 'company', name, shortName, city: 'Томск', alliance, size, description, verified, people })

const owner = (email: string, name: string, locale?: 'ru' | 'en'): DemoPerson => ({ email, name, role: 'owner', locale })
const member = (email: string, name: string, locale?: 'ru' | 'en'): DemoPerson => ({ email, name, role: 'member', locale })

export const demoAdministration: DemoOrganisation = {
  key: 'administration',
  type: 'administration',
  name: 'Департамент по научно-технологическому развитию Томской области (демо)',
  shortName: 'Департамент НТР',
  city: 'Томск',
  isState: true,
  description: 'Рассматривает заявки на компенсацию затрат на НИОКР и проверяет организации кластера.',
  verified: true,
  people: [
    owner('admin@demo.test', 'Ирина Воронцова'),
    member('reviewer@demo.test', 'Олег Сафронов'),
    member('reviewer2@demo.test', 'Наталья Крылова'),
  ],
}

export const demoPlatformAdmin = { email: 'platform@demo.test', name: 'Павел Платонов' }

export const demoScience: DemoOrganisation[] = [
  university('tpu', 'Национальный исследовательский Томский политехнический университет', 'ТПУ', 'https://tpu.ru',
    'Инженерные школы: ядерные технологии, неразрушающий контроль, энергетика, химические технологии, робототехника.',
    [owner('lab@demo.test', 'Андрей Соколов'), member('tpu.ndt@demo.test', 'Елена Миронова')]),
  university('tsu', 'Национальный исследовательский Томский государственный университет', 'ТГУ', 'https://tsu.ru',
    'Классический университет: физика, химия, биология, науки о данных, радиофизика, материаловедение.',
    [owner('tsu@demo.test', 'Мария Лебедева'), member('tsu.bio@demo.test', 'Дмитрий Орлов')]),
  university('tusur', 'Томский государственный университет систем управления и радиоэлектроники', 'ТУСУР', 'https://tusur.ru',
    'Радиоэлектроника, СВЧ-техника, оптоэлектроника, системы технического зрения, встраиваемые системы.',
    [owner('tusur@demo.test', 'Сергей Кузнецов')]),
  university('ssmu', 'Сибирский государственный медицинский университет', 'СибГМУ', 'https://ssmu.ru',
    'Доклинические исследования, фармакология, клеточные технологии, биомедицина.',
    [owner('ssmu@demo.test', 'Ольга Петрова')]),
  university('tsuab', 'Томский государственный архитектурно-строительный университет', 'ТГАСУ', 'https://tsuab.ru',
    'Строительные материалы для северных территорий, мерзлотоведение, дорожное строительство.',
    [owner('tsuab@demo.test', 'Виктор Зайцев')]),
  institute('ispms', 'Институт физики прочности и материаловедения Сибирского отделения Российской академии наук', 'ИФПМ СО РАН',
    'Аддитивные технологии, композиционные материалы, покрытия, неразрушающий контроль, робототехнические комплексы.',
    [owner('institute@demo.test', 'Алексей Васильев'), member('ispms.lab@demo.test', 'Татьяна Громова')], 'robotics'),
  institute('iao', 'Институт оптики атмосферы им. В. Е. Зуева Сибирского отделения Российской академии наук', 'ИОА СО РАН',
    'Лазерная физика, атмосферная оптика, лидары, спектроскопия газов.',
    [owner('iao@demo.test', 'Николай Федоров')], 'vision'),
  institute('ipc', 'Институт химии нефти Сибирского отделения Российской академии наук', 'ИХН СО РАН',
    'Химия нефти и газа, реагенты для добычи в условиях Арктики, нефтяные дисперсные системы.',
    [owner('ipc@demo.test', 'Людмила Алексеева')], 'arctic'),
  institute('hcei', 'Институт сильноточной электроники Сибирского отделения Российской академии наук', 'ИСЭ СО РАН',
    'Импульсная энергетика, электронно-пучковая обработка поверхностей, плазменные технологии.',
    [owner('hcei@demo.test', 'Игорь Смирнов')]),
  institute('imces', 'Институт мониторинга климатических и экологических систем Сибирского отделения Российской академии наук', 'ИМКЭС СО РАН',
    'Мониторинг климата и мерзлоты, экологические датчики, геоинформационные системы.',
    [owner('imces@demo.test', 'Анна Белова', 'en')], 'arctic'),
  institute('pharmacology', 'НИИ фармакологии и регенеративной медицины им. Е. Д. Гольдберга Томского НИМЦ РАН', 'НИИФиРМ',
    'Поиск и доклинические исследования лекарственных средств, фармацевтические субстанции растительного происхождения.',
    [owner('pharm@demo.test', 'Екатерина Морозова')], 'pharma'),
  {
    key: 'sibniit', type: 'research_org', name: 'Сибирский научно-исследовательский институт сельского хозяйства и торфа — филиал СФНЦА РАН', shortName: 'СибНИИСХиТ',
    city: 'Томск', isState: true, description: 'Агробиотехнологии, переработка торфа, кормовые добавки.', verified: true,
    people: [owner('sibniit@demo.test', 'Геннадий Романов')],
  },
]

export const demoCompanies: DemoOrganisation[] = [
  company('sibpharmsynth', 'Общество с ограниченной ответственностью «СибФармСинтез»', 'СибФармСинтез', 'pharma', 'small',
    'Синтез активных фармацевтических субстанций и интермедиатов.', [owner('company@demo.test', 'Роман Никитин'), member('sibpharmsynth.rd@demo.test', 'Юлия Егорова')]),
  company('tombiosub', 'Акционерное общество «Томские биосубстанции»', 'Томские биосубстанции', 'pharma', 'medium',
    'Биотехнологическое производство ферментов и пробиотических субстанций.', [owner('tombiosub@demo.test', 'Вадим Павлов')]),
  company('biogentech', 'Общество с ограниченной ответственностью «БиоГенТех»', 'БиоГенТех', 'pharma', 'micro',
    'Разработка ветеринарных вакцин и диагностических наборов.', [owner('biogentech@demo.test', 'Светлана Козлова')]),
  company('helios', 'Общество с ограниченной ответственностью «Хелиос Фарма»', 'Хелиос Фарма', 'pharma', 'small',
    'Фитопрепараты и экстракты сибирских лекарственных растений.', [owner('helios@demo.test', 'Михаил Андреев')], false),
  company('pharmcluster', 'Общество с ограниченной ответственностью «Фарм-Кластер Сибирь»', 'Фарм-Кластер Сибирь', 'pharma', 'medium',
    'Контрактное производство готовых лекарственных форм.', [owner('pharmcluster@demo.test', 'Алина Сергеева')]),
  company('visionlab', 'Общество с ограниченной ответственностью «ВижнЛаб Томск»', 'ВижнЛаб', 'vision', 'small',
    'Системы машинного зрения для контроля качества на производственных линиях.', [owner('vision@demo.test', 'Артём Волков')]),
  company('optoscan', 'Общество с ограниченной ответственностью «Оптоскан»', 'Оптоскан', 'vision', 'micro',
    'Гиперспектральные камеры и программное обеспечение для сортировки сырья.', [owner('optoscan@demo.test', 'Кирилл Лазарев')]),
  company('elesib', 'Акционерное общество «ЭлеСиб Видео»', 'ЭлеСиб Видео', 'vision', 'medium',
    'Видеоаналитика для транспорта и городской инфраструктуры.', [owner('elesib@demo.test', 'Денис Фролов')]),
  company('nordvision', 'NordVision Systems LLC', 'NordVision', 'vision', 'small',
    'Thermal and visible-light inspection systems for pipelines and power lines.', [owner('nordvision@demo.test', 'Ivan Sharov', 'en')]),
  company('terrascan', 'Общество с ограниченной ответственностью «ТерраСкан»', 'ТерраСкан', 'vision', 'micro',
    'Аэрофотосъёмка с беспилотников и фотограмметрия.', [owner('terrascan@demo.test', 'Полина Карпова')], false),
  company('arctictech', 'Общество с ограниченной ответственностью «АрктикТехСервис»', 'АрктикТехСервис', 'arctic', 'medium',
    'Сервис нефтегазового оборудования в условиях Крайнего Севера.', [owner('arctic@demo.test', 'Григорий Медведев')]),
  company('northpolymer', 'Акционерное общество «Северный Полимер»', 'Северный Полимер', 'arctic', 'large',
    'Морозостойкие полимерные трубы и изоляционные материалы.', [owner('northpolymer@demo.test', 'Василий Тарасов')]),
  company('permafrost', 'Общество с ограниченной ответственностью «ПермафростИнжиниринг»', 'ПермафростИнжиниринг', 'arctic', 'small',
    'Термостабилизация грунтов и мониторинг фундаментов на вечной мерзлоте.', [owner('permafrost@demo.test', 'Станислав Жуков')]),
  company('cryomaterials', 'Cryo Materials Ltd.', 'Cryo Materials', 'arctic', 'micro',
    'Low-temperature lubricants and sealing materials for Arctic machinery.', [owner('cryo@demo.test', 'Emma Larsen', 'en')]),
  company('robotech', 'Общество с ограниченной ответственностью «РобоТехника Сибирь»', 'РобоТехника Сибирь', 'robotics', 'small',
    'Роботизированные ячейки сварки и палетирования.', [owner('robotics@demo.test', 'Евгений Борисов')]),
  company('manipulator', 'Общество с ограниченной ответственностью «Манипулятор-Т»', 'Манипулятор-Т', 'robotics', 'micro',
    'Лёгкие манипуляторы и захваты для пищевой промышленности.', [owner('manipulator@demo.test', 'Вера Соловьева')]),
  company('tza', 'Акционерное общество «Томский завод автоматики» (демо)', 'ТЗА', 'robotics', 'large',
    'Промышленные контроллеры, приводы и системы управления технологическими процессами.', [owner('tza@demo.test', 'Константин Гусев')]),
  company('cobotlab', 'Общество с ограниченной ответственностью «КоботЛаб»', 'КоботЛаб', 'robotics', 'micro',
    'Коллаборативные роботы и их программирование без кода.', [owner('cobotlab@demo.test', 'Марина Киселева')], false),
  company('agroinno', 'Общество с ограниченной ответственностью «Агро Инновации Сибири»', 'Агро Инновации', undefined, 'small',
    'Биопрепараты для растениеводства и переработка торфа.', [owner('agro@demo.test', 'Фёдор Яковлев')]),
  company('energyeffect', 'Общество с ограниченной ответственностью «ЭнергоЭффект»', 'ЭнергоЭффект', undefined, 'medium',
    'Энергоаудит и системы рекуперации тепла для промышленности.', [owner('energy@demo.test', 'Лариса Никифорова')]),
]

/** The sign-ins the README lists and the server prints, one per role. */
export const demoSignIns = [
  { role: 'company', email: 'company@demo.test' },
  { role: 'university lab', email: 'lab@demo.test' },
  { role: 'RAS institute', email: 'institute@demo.test' },
  { role: 'administration', email: 'admin@demo.test' },
  { role: 'administration reviewer', email: 'reviewer@demo.test' },
  { role: 'platform admin', email: demoPlatformAdmin.email },
] as const
