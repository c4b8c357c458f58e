import type { ApplicantType, CoFinancingBase, MeasureKind, MeasureLevel, MeasureStage, StackingRule } from '../schema/measure-values'
import type { CompanySize } from '../schema/values'

// Support measures for the demo navigator: real programmes of Russian development institutions,
// ministries and the Tomsk region. The measures with a `source` were checked against the public
// texts named there on the day given (ПП № 1649, ПП № 218, ст. 262 НК РФ); the others name their
// operator's site, and their amounts, shares and deadlines are still unchecked. The dates of calls
// are made up for the demo year, so every measure is marked as demo data and the pages say so.
// An empty list means "anyone"; a missing bound means "no limit".

export interface DemoMeasure {
  /** Unique, kebab-case. */
  key: string
  title: string
  provider: string
  level: MeasureLevel
  kind: MeasureKind
  description: string
  organisationTypes: ApplicantType[]
  companySizes: CompanySize[]
  regions: string[]
  /** First-level OECD FOS areas ("2") and alliances ("pharma"). */
  sectors: string[]
  stages: MeasureStage[]
  trlMin?: number
  trlMax?: number
  /** Whole roubles (the database stores kopecks). */
  amountMinRoubles?: number
  amountMaxRoubles?: number
  /** The applicant's own share, in per cent, of the project (the default) or of the grant. */
  coFinancingPercent?: number
  coFinancingBase?: CoFinancingBase
  /** The amount bounds are per year, for up to this many years. */
  maxYears?: number
  /** Who must perform the R&D; none: anyone. */
  contractorTypes?: ApplicantType[]
  stacking?: StackingRule
  /** YYYY-MM-DD; none for measures without a closing date. */
  deadline?: string
  requiredDocuments: string[]
  link: string
  /** The text the terms were checked against; without it the operator's site, with its terms unchecked. */
  source?: { url: string; title: string; checkedOn: string }
  isDemo: boolean
  archived?: boolean
}

/** The day the measures' sources below were read. */
export const SOURCES_CHECKED_ON = '2026-12-05'

const TOMSK = '70'
const SCIENCE: ApplicantType[] = ['university', 'institute', 'research_org']
const ANYONE: ApplicantType[] = ['company', ...SCIENCE]
const SME: CompanySize[] = ['micro', 'small', 'medium']

export const demoMeasures: DemoMeasure[] = [
  // ─── The region ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'tomsk-rd-compensation',
    title: 'Компенсация части затрат на НИОКР, выполненных вузами и институтами РАН — Томская область',
    provider: 'Администрация Томской области',
    level: 'regional',
    kind: 'compensation',
    description:
      'Областной бюджет возмещает компаниям — участникам инновационного кластера половину затрат на научно-исследовательские и опытно-конструкторские работы, ' +
      'заказанные государственным университетам, институтам РАН и государственным научным организациям. Заявка подаётся на этой платформе: договор, акты ' +
      'и платёжные поручения берутся из раздела «Договоры», сумма к возмещению считается по правилам программы.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [TOMSK],
    sectors: [],
    stages: ['rnd', 'pilot'],
    trlMin: 2,
    trlMax: 7,
    amountMaxRoubles: 5_000_000,
    coFinancingPercent: 50,
    contractorTypes: SCIENCE,
    stacking: 'pays_costs',
    deadline: '2027-10-31',
    requiredDocuments: [
      'Договор на выполнение НИОКР с государственным вузом, институтом РАН или научной организацией',
      'Акты сдачи-приёмки выполненных этапов',
      'Платёжные поручения об оплате работ',
      'Справка об отсутствии задолженности по налогам и сборам',
    ],
    link: 'https://tomsk.gov.ru',
    isDemo: true,
  },
  {
    key: 'tomsk-rd-compensation-2025',
    title: 'Компенсация части затрат на НИОКР — Томская область, приём 2025 года',
    provider: 'Администрация Томской области',
    level: 'regional',
    kind: 'compensation',
    description: 'Приём заявок 2025 года по областной программе компенсации затрат на НИОКР, выполненных вузами и институтами РАН. Завершён; действует приём 2026/2027 года.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [TOMSK],
    sectors: [],
    stages: ['rnd', 'pilot'],
    trlMin: 2,
    trlMax: 7,
    amountMaxRoubles: 3_000_000,
    coFinancingPercent: 50,
    contractorTypes: SCIENCE,
    stacking: 'pays_costs',
    deadline: '2025-12-15',
    requiredDocuments: ['Договор на выполнение НИОКР', 'Акты сдачи-приёмки', 'Платёжные поручения'],
    link: 'https://tomsk.gov.ru',
    isDemo: true,
    archived: true,
  },
  {
    key: 'tomsk-innovation-subsidy',
    title: 'Субсидии малым и средним инновационным компаниям на коммерциализацию разработок',
    provider: 'Администрация Томской области',
    level: 'regional',
    kind: 'subsidy',
    description:
      'Конкурс областного бюджета для инновационных компаний из реестра инновационно активных организаций Томской области: субсидия на вывод новой продукции ' +
      'на рынок — сертификацию, опытную партию, патентование, маркетинговые исследования, оборудование для выпуска.',
    organisationTypes: ['company'],
    companySizes: SME,
    regions: [TOMSK],
    sectors: [],
    stages: ['pilot', 'scale'],
    trlMin: 5,
    trlMax: 8,
    amountMaxRoubles: 5_000_000,
    coFinancingPercent: 15,
    stacking: 'pays_costs',
    deadline: '2027-07-31',
    requiredDocuments: ['Заявка на участие в конкурсе', 'Бизнес-план проекта', 'Смета расходов с обоснованием', 'Бухгалтерская отчётность за последний год'],
    link: 'https://tomsk.gov.ru',
    isDemo: true,
  },
  {
    key: 'tomsk-technology-transfer',
    title: 'Услуги Центра поддержки технологического трансфера',
    provider: 'Центр поддержки технологического трансфера Томской области',
    level: 'regional',
    kind: 'service',
    description:
      'Бесплатно или на льготных условиях: патентный поиск и патентная чистота, оценка рыночного потенциала результатов интеллектуальной деятельности, ' +
      'подготовка лицензионных договоров и договоров об отчуждении прав, поиск индустриальных партнёров для разработок вузов и институтов.',
    organisationTypes: ANYONE,
    companySizes: [],
    regions: [TOMSK],
    sectors: [],
    stages: ['rnd', 'pilot', 'scale'],
    requiredDocuments: ['Заявка на услугу с описанием разработки'],
    link: 'https://tomsk.gov.ru',
    isDemo: true,
  },
  {
    key: 'tomsk-my-business',
    title: 'Консультации и акселерация центра «Мой бизнес» Томской области',
    provider: 'Центр «Мой бизнес» Томской области',
    level: 'regional',
    kind: 'service',
    description:
      'Консультации по финансам, праву и маркетингу, акселерационные программы, содействие в сертификации продукции и выходе на маркетплейсы и экспорт ' +
      'для субъектов малого и среднего предпринимательства региона.',
    organisationTypes: ['company'],
    companySizes: SME,
    regions: [TOMSK],
    sectors: [],
    stages: [],
    requiredDocuments: ['Заявка на услугу', 'Сведения из единого реестра субъектов МСП'],
    link: 'https://tomsk.gov.ru',
    isDemo: true,
  },
  {
    key: 'tomsk-microloans',
    title: 'Льготные микрозаймы для малого и среднего бизнеса',
    provider: 'Фонд развития малого и среднего предпринимательства Томской области',
    level: 'regional',
    kind: 'loan',
    description: 'Микрозаймы региональной микрокредитной компании на пополнение оборотных средств и покупку оборудования под ставку ниже рыночной, в том числе для производственных и инновационных компаний.',
    organisationTypes: ['company'],
    companySizes: ['micro', 'small'],
    regions: [TOMSK],
    sectors: [],
    stages: ['pilot', 'scale'],
    amountMinRoubles: 100_000,
    amountMaxRoubles: 5_000_000,
    requiredDocuments: ['Заявление-анкета', 'Бухгалтерская и налоговая отчётность', 'Документы по обеспечению (залог, поручительство)'],
    link: 'https://tomsk.gov.ru',
    isDemo: true,
  },
  {
    key: 'tomsk-industry-fund',
    title: 'Региональные займы «Проекты развития» совместно с ФРП',
    provider: 'Фонд развития промышленности Томской области',
    level: 'regional',
    kind: 'loan',
    description:
      'Льготные займы регионального фонда развития промышленности на проекты импортозамещения, модернизации и выпуска новой промышленной продукции; ' +
      'часть займа финансирует федеральный Фонд развития промышленности.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [TOMSK],
    sectors: [],
    stages: ['pilot', 'scale'],
    trlMin: 6,
    trlMax: 9,
    amountMinRoubles: 5_000_000,
    amountMaxRoubles: 100_000_000,
    coFinancingPercent: 20,
    requiredDocuments: ['Резюме проекта', 'Финансовая модель', 'Бухгалтерская отчётность за три года', 'Документы по обеспечению возврата займа'],
    link: 'https://frprf.ru',
    isDemo: true,
  },
  {
    key: 'ckp-equipment-access',
    title: 'Доступ к оборудованию центров коллективного пользования Томска',
    provider: 'ЦКП ТГУ, ТПУ, ТУСУР и Томского научного центра СО РАН',
    level: 'regional',
    kind: 'service',
    description:
      'Измерения и испытания на уникальном оборудовании центров коллективного пользования: масс-спектрометрия, электронная микроскопия, рентгеноструктурный анализ, ' +
      'испытания материалов. Работы выполняются по договору по тарифам центров; для участников кластера — в приоритетном порядке.',
    organisationTypes: ANYONE,
    companySizes: [],
    regions: [],
    sectors: ['1', '2', '3'],
    stages: ['rnd', 'pilot'],
    requiredDocuments: ['Заявка на выполнение измерений', 'Техническое задание'],
    link: 'https://tsu.ru',
    isDemo: true,
  },

  // ─── Фонд содействия инновациям ───────────────────────────────────────────────────────────────
  {
    key: 'fasie-start',
    title: 'Программа «Старт» — первый этап',
    provider: 'Фонд содействия инновациям',
    level: 'federal',
    kind: 'grant',
    description:
      'Грант на НИОКР для молодых малых инновационных предприятий, которые разрабатывают новый продукт на основе собственных научно-технических результатов. ' +
      'Предприятие зарегистрировано не более двух лет назад и раньше не получало поддержку Фонда; софинансирование на первом этапе не требуется.',
    organisationTypes: ['company'],
    companySizes: ['micro', 'small'],
    regions: [],
    sectors: [],
    stages: ['idea', 'rnd'],
    trlMin: 2,
    trlMax: 4,
    amountMaxRoubles: 5_000_000,
    stacking: 'pays_costs',
    deadline: '2027-03-20',
    requiredDocuments: ['Заявка в системе «Фонд-М»', 'Календарный план НИОКР', 'Смета расходов', 'Выписка из ЕГРЮЛ', 'Справка об отсутствии задолженности по налогам'],
    link: 'https://fasie.ru/programs/programma-start/',
    isDemo: true,
  },
  {
    key: 'fasie-development',
    title: 'Программа «Развитие»',
    provider: 'Фонд содействия инновациям',
    level: 'federal',
    kind: 'grant',
    description:
      'Грант малым инновационным предприятиям на завершение НИОКР и подготовку производства наукоёмкой продукции. Внебюджетное софинансирование ' +
      'считается в процентах от суммы гранта, а не от бюджета проекта; его размер устанавливают условия текущего конкурса — здесь он не сверен.',
    organisationTypes: ['company'],
    companySizes: ['micro', 'small'],
    regions: [],
    sectors: [],
    stages: ['rnd', 'pilot'],
    trlMin: 4,
    trlMax: 7,
    amountMaxRoubles: 20_000_000,
    coFinancingBase: 'grant',
    stacking: 'pays_costs',
    deadline: '2027-04-15',
    requiredDocuments: ['Заявка в системе «Фонд-М»', 'Бизнес-план', 'Календарный план НИОКР', 'Подтверждение софинансирования', 'Бухгалтерская отчётность за два года'],
    link: 'https://fasie.ru',
    isDemo: true,
  },
  {
    key: 'fasie-commercialisation',
    title: 'Программа «Коммерциализация»',
    provider: 'Фонд содействия инновациям',
    level: 'federal',
    kind: 'grant',
    description:
      'Грант на создание, расширение или модернизацию производства инновационной продукции, разработанной предприятием: оборудование, сертификация, ' +
      'выпуск партии. Софинансирование — не меньше половины суммы гранта.',
    organisationTypes: ['company'],
    companySizes: ['micro', 'small'],
    regions: [],
    sectors: [],
    stages: ['scale'],
    trlMin: 7,
    trlMax: 9,
    amountMaxRoubles: 20_000_000,
    coFinancingPercent: 50,
    coFinancingBase: 'grant',
    stacking: 'pays_costs',
    deadline: '2027-05-29',
    requiredDocuments: ['Заявка в системе «Фонд-М»', 'Бизнес-план', 'Подтверждение софинансирования', 'Документы о правах на результаты интеллектуальной деятельности'],
    link: 'https://fasie.ru',
    isDemo: true,
  },
  {
    key: 'fasie-umnik',
    title: 'Программа «УМНИК» для молодых исследователей',
    provider: 'Фонд содействия инновациям',
    level: 'federal',
    kind: 'grant',
    description:
      'Грант молодым исследователям (от 18 до 30 лет) университетов и научных институтов на проверку научно-технической идеи с перспективой коммерциализации; ' +
      'отбор проходит на региональных конкурсах и акселераторах.',
    organisationTypes: SCIENCE,
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['idea'],
    trlMin: 1,
    trlMax: 3,
    amountMaxRoubles: 500_000,
    deadline: '2027-06-30',
    requiredDocuments: ['Заявка в системе «Фонд-М»', 'Описание идеи и плана НИР', 'Согласие организации, где работает или учится заявитель'],
    link: 'https://fasie.ru',
    isDemo: true,
  },

  // ─── Фонд развития промышленности ─────────────────────────────────────────────────────────────
  {
    key: 'frp-development-projects',
    title: 'Льготные займы «Проекты развития»',
    provider: 'Фонд развития промышленности',
    level: 'federal',
    kind: 'loan',
    description:
      'Заём под 1–3 % годовых на срок до пяти лет на проекты импортозамещения, выпуска конкурентоспособной промышленной продукции, станков и оборудования, ' +
      'цифровизацию производства. Заявитель, частные инвесторы или банки финансируют не меньше пятой части бюджета проекта.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['pilot', 'scale'],
    trlMin: 7,
    trlMax: 9,
    amountMinRoubles: 100_000_000,
    amountMaxRoubles: 1_000_000_000,
    coFinancingPercent: 20,
    requiredDocuments: ['Резюме проекта', 'Финансовая модель', 'Бухгалтерская отчётность за три года', 'Документы по обеспечению возврата займа'],
    link: 'https://frprf.ru/zaymy/proekty-razvitiya/',
    isDemo: true,
  },
  {
    key: 'frp-components',
    title: 'Льготные займы «Комплектующие изделия»',
    provider: 'Фонд развития промышленности',
    level: 'federal',
    kind: 'loan',
    description:
      'Заём на организацию или модернизацию производства комплектующих для машиностроения, электроники, станков и робототехники, замещающих импортные.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: ['2', 'robotics', 'vision'],
    stages: ['pilot', 'scale'],
    trlMin: 6,
    trlMax: 9,
    amountMinRoubles: 20_000_000,
    amountMaxRoubles: 1_000_000_000,
    coFinancingPercent: 20,
    requiredDocuments: ['Резюме проекта', 'Финансовая модель', 'Письма потребителей комплектующих', 'Документы по обеспечению возврата займа'],
    link: 'https://frprf.ru',
    isDemo: true,
  },

  // ─── Ministries ───────────────────────────────────────────────────────────────────────────────
  {
    key: 'minpromtorg-1649',
    title: 'Субсидии на финансовое обеспечение затрат на НИОКР по современным технологиям (постановление Правительства РФ № 1649)',
    provider: 'Минпромторг России',
    level: 'federal',
    kind: 'subsidy',
    description:
      'Субсидия российским организациям на НИОКР по современным технологиям в рамках инновационных проектов. С поправками постановления № 1613 ' +
      'от 7 октября 2020 года она выдаётся авансом — на финансовое обеспечение предстоящих затрат (оплата труда, оборудование, аренда, регистрация ' +
      'результатов интеллектуальной деятельности), а не как возмещение уже понесённых. Перечень современных технологий и предельный размер субсидии ' +
      'по отраслям устанавливает межведомственная комиссия, получателей определяет конкурсный отбор; цель проекта — серийное производство продукта. ' +
      'Доля собственных затрат организации здесь не сверена.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: ['1', '2', '3'],
    stages: ['rnd', 'pilot'],
    trlMin: 4,
    trlMax: 7,
    stacking: 'pays_costs',
    deadline: '2027-03-01',
    requiredDocuments: ['Заявка в ГИС «Промышленность»', 'Техническое задание на НИОКР', 'Смета затрат', 'Бизнес-план инновационного проекта'],
    link: 'https://minpromtorg.gov.ru',
    source: {
      url: 'https://www.consultant.ru/law/hotdocs/66148.html',
      title: 'Постановление Правительства РФ от 12.12.2019 № 1649 (в ред. постановления от 07.10.2020 № 1613)',
      checkedOn: SOURCES_CHECKED_ON,
    },
    isDemo: true,
  },
  {
    key: 'minpromtorg-pharma',
    title: 'Субсидии на разработку лекарственных средств и фармацевтических субстанций',
    provider: 'Минпромторг России',
    level: 'federal',
    kind: 'subsidy',
    description:
      'Субсидии по госпрограмме «Развитие фармацевтической и медицинской промышленности» на доклинические и клинические исследования и разработку ' +
      'технологий производства субстанций, которые сегодня ввозятся.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: ['pharma', '3'],
    stages: ['rnd', 'pilot'],
    trlMin: 3,
    trlMax: 7,
    amountMaxRoubles: 300_000_000,
    coFinancingPercent: 30,
    stacking: 'pays_costs',
    deadline: '2026-11-10',
    requiredDocuments: ['Заявка на отбор', 'План исследований', 'Смета затрат', 'Документы о правах на разработку'],
    link: 'https://minpromtorg.gov.ru',
    isDemo: true,
  },
  {
    key: 'minobrnauki-218',
    title: 'Субсидии на кооперацию с вузами и научными учреждениями для высокотехнологичного производства (постановление Правительства РФ № 218)',
    provider: 'Минобрнауки России',
    level: 'federal',
    kind: 'subsidy',
    description:
      'Субсидия компании реального сектора на научно-исследовательские, опытно-конструкторские и технологические работы, которые для создания ' +
      'высокотехнологичного производства выполняет российский вуз или государственное научное учреждение. Субсидия — до 100 млн ₽ в год на срок ' +
      'от одного до трёх лет; собственные средства компании в проекте — не меньше размера субсидии (1:1). Минимальная доля работ исполнителя ' +
      'в смете здесь не сверена.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['rnd', 'pilot', 'scale'],
    trlMin: 4,
    trlMax: 8,
    amountMaxRoubles: 100_000_000,
    maxYears: 3,
    coFinancingPercent: 100,
    coFinancingBase: 'grant',
    contractorTypes: SCIENCE,
    stacking: 'pays_costs',
    deadline: '2027-02-15',
    requiredDocuments: ['Заявка на конкурс', 'Соглашение с вузом или научным учреждением об исполнении НИОКТР', 'Бизнес-план', 'Подтверждение собственного финансирования'],
    link: 'https://minobrnauki.gov.ru',
    source: {
      url: 'https://base.garant.ru/77686135/',
      title: 'Постановление Правительства РФ от 09.04.2010 № 218',
      checkedOn: SOURCES_CHECKED_ON,
    },
    isDemo: true,
  },
  {
    key: 'rscf-small-groups',
    title: 'Гранты РНФ малым научным группам',
    provider: 'Российский научный фонд',
    level: 'federal',
    kind: 'grant',
    description: 'Гранты на фундаментальные и поисковые исследования небольших научных групп (2–4 исследователя) на базе университетов и научных институтов.',
    organisationTypes: SCIENCE,
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['idea', 'rnd'],
    trlMin: 1,
    trlMax: 3,
    amountMaxRoubles: 1_500_000,
    deadline: '2027-03-15',
    requiredDocuments: ['Заявка в информационной системе РНФ', 'Согласие организации', 'Сведения о публикациях участников'],
    link: 'https://rscf.ru',
    isDemo: true,
  },
  {
    key: 'rscf-industrial-partner',
    title: 'Гранты РНФ на исследования с участием организаций реального сектора экономики',
    provider: 'Российский научный фонд',
    level: 'federal',
    kind: 'grant',
    description:
      'Конкурсы Российского научного фонда, в которых коллектив университета или научного института ведёт исследование в интересах организации ' +
      'реального сектора (индустриального партнёра, квалифицированного заказчика), а организация софинансирует проект. Размер гранта, долю ' +
      'софинансирования партнёра и сроки устанавливает объявление каждого конкурса; здесь они не сверены.',
    organisationTypes: SCIENCE,
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['rnd', 'pilot'],
    requiredDocuments: ['Заявка в информационной системе РНФ', 'Письмо организации реального сектора о софинансировании', 'Согласие организации, на базе которой выполняется проект'],
    link: 'https://rscf.ru',
    isDemo: true,
  },

  // ─── Tax relief ───────────────────────────────────────────────────────────────────────────────
  {
    key: 'tax-rd-coefficient',
    title: 'Расходы на НИОКР с повышающим коэффициентом (п. 7 ст. 262 НК РФ)',
    provider: 'ФНС России',
    level: 'federal',
    kind: 'tax_relief',
    description:
      'С 1 января 2025 года расходы на НИОКР из перечня Правительства (постановление № 988) учитываются в расходах по налогу на прибыль ' +
      'с коэффициентом 2 (до этого — 1,5). Малые технологические компании из реестра МТК применяют коэффициент 2 к расходам на НИОКР ' +
      'и вне перечня. Платформа не предлагает коэффициент для затрат, которые оплатила субсидия (это правило совмещения с текстом кодекса не сверено). ' +
      'Отчёт о выполненных НИОКР подаётся вместе с декларацией.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['rnd', 'pilot'],
    stacking: 'own_costs_only',
    requiredDocuments: ['Отчёт о выполненных НИОКР', 'Договоры на НИОКР и акты', 'Регистр налогового учёта расходов на НИОКР'],
    link: 'https://www.nalog.gov.ru',
    source: {
      url: 'https://www.consultant.ru/document/cons_doc_LAW_28165/',
      title: 'Налоговый кодекс РФ, часть вторая, ст. 262 п. 7 (в ред. Федерального закона от 12.07.2024 № 176-ФЗ)',
      checkedOn: SOURCES_CHECKED_ON,
    },
    isDemo: true,
  },
  {
    key: 'tax-it-benefits',
    title: 'Налоговые льготы аккредитованных ИТ-компаний',
    provider: 'ФНС России и Минцифры России',
    level: 'federal',
    kind: 'tax_relief',
    description:
      'Пониженная ставка налога на прибыль и страховых взносов для аккредитованных ИТ-компаний, у которых большая часть доходов — от разработки ' +
      'и продажи собственного программного обеспечения; в том числе для систем машинного зрения и видеоаналитики.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: ['1', '2', 'vision'],
    stages: [],
    requiredDocuments: ['Выписка из реестра аккредитованных ИТ-организаций', 'Расчёт доли доходов от ИТ-деятельности'],
    link: 'https://www.nalog.gov.ru',
    isDemo: true,
  },
  {
    key: 'tax-vat-rd',
    title: 'Освобождение НИОКР от НДС (подп. 16 п. 3 ст. 149 НК РФ)',
    provider: 'ФНС России',
    level: 'federal',
    kind: 'tax_relief',
    description: 'Выполнение научно-исследовательских и опытно-конструкторских работ, связанных с созданием новой продукции и технологий, не облагается НДС — и у исполнителя, и в цене для заказчика.',
    organisationTypes: ANYONE,
    companySizes: [],
    regions: [],
    sectors: [],
    stages: ['rnd', 'pilot'],
    requiredDocuments: ['Договор на НИОКР', 'Акт о выполнении работ', 'Отчёт о НИОКР'],
    link: 'https://www.nalog.gov.ru',
    isDemo: true,
  },

  // ─── Skolkovo ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'skolkovo-grants',
    title: 'Гранты Фонда «Сколково» участникам проекта',
    provider: 'Фонд «Сколково»',
    level: 'federal',
    kind: 'grant',
    description:
      'Гранты участникам проекта «Сколково» на исследования, разработку и вывод технологий на рынок в приоритетных направлениях: ' +
      'информационные, биомедицинские, энергоэффективные, промышленные и космические технологии. Требуется софинансирование из собственных средств или от инвестора.',
    organisationTypes: ['company'],
    companySizes: SME,
    regions: [],
    sectors: ['1', '2', '3'],
    stages: ['rnd', 'pilot'],
    trlMin: 3,
    trlMax: 7,
    amountMinRoubles: 1_000_000,
    amountMaxRoubles: 300_000_000,
    coFinancingPercent: 25,
    stacking: 'pays_costs',
    requiredDocuments: ['Статус участника проекта «Сколково»', 'Заявка на грант', 'Бизнес-план', 'Подтверждение софинансирования'],
    link: 'https://sk.ru',
    isDemo: true,
  },
  {
    key: 'skolkovo-tax',
    title: 'Налоговые льготы участников проекта «Сколково»',
    provider: 'Фонд «Сколково»',
    level: 'federal',
    kind: 'tax_relief',
    description: 'Освобождение от налога на прибыль и НДС и пониженные страховые взносы на десять лет для компаний со статусом участника проекта «Сколково», пока их выручка не превысила установленный порог.',
    organisationTypes: ['company'],
    companySizes: [],
    regions: [],
    sectors: ['1', '2', '3'],
    stages: ['rnd', 'pilot', 'scale'],
    requiredDocuments: ['Статус участника проекта «Сколково»', 'Ежегодный отчёт участника'],
    link: 'https://sk.ru',
    isDemo: true,
  },
]
