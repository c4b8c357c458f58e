import type { Alliance } from '../schema/values'

// R&D requests of the demo companies (demo-cluster.ts, referenced by `key`). All details, volumes,
// partners and figures are fictional. Each request is written to fit one to three labs of
// demo-labs.ts (named in the comment above it) in different words than the labs use, so that
// matching has to deal with word forms, synonyms and mixed Russian/English terms.

export type DemoRequestStatus = 'draft' | 'published' | 'paused' | 'closed'

export interface DemoRequest {
  /** Unique, kebab-case. */
  key: string
  /** `key` of a company in demo-cluster.ts. */
  companyKey: string
  /** Language the request is written in. */
  language: 'ru' | 'en'
  title: string
  /** Public, one or two sentences. */
  summary: string
  /** Public problem statement. */
  problem: string
  expectedResult: string
  /** Shown only to the company and to labs it admitted. */
  confidentialDetails: string
  /** One second-level OECD FOS code; see db/seed/data/oecd-fos.json. */
  oecdField: string
  /** One second-level GRNTI code; see db/seed/data/grnti.json. */
  grnti: string
  alliance?: Alliance
  keywords: string[]
  trlNow: number
  trlWanted: number
  /** Whole roubles (the database stores kopecks: multiply by 100). */
  budgetMinRoubles: number
  budgetMaxRoubles: number
  /** ISO date, YYYY-MM-DD. */
  deadline: string
  status: DemoRequestStatus
}

export const demoRequests: DemoRequest[] = [
  // ─── СибФармСинтез ────────────────────────────────────────────────────────────────────────────
  // fits: tsu-organic-synthesis
  {
    key: 'sibpharmsynth-impurity-standards',
    companyKey: 'sibpharmsynth',
    language: 'ru',
    title: 'Синтез и аттестация стандартных образцов примесей для воспроизведённой субстанции',
    summary: 'Нужны методы получения и образцы девяти специфицированных примесей активной фармсубстанции для регистрационного досье.',
    problem:
      'Для регистрации воспроизведённой субстанции нам нужны стандартные образцы девяти специфицированных примесей, включая два продукта разложения, которых нет в продаже. ' +
      'Фармакопейные образцы дороги и приходят с задержкой до полугода. ' +
      'Требуется разработать способы получения каждой примеси в количестве 1–5 г с чистотой не ниже 95 %, подтвердить строение и передать образцы с паспортами. ' +
      'Часть примесей образуется при окислении и гидролизе субстанции, и их целенаправленное получение требует отдельной проработки.',
    expectedResult:
      'Лабораторные методики и образцы девяти примесей чистотой не ниже 95 %, строение которых подтверждено спектрами ЯМР, масс-спектрами высокого разрешения и хроматограммами. ' +
      'Паспорта стандартных образцов, пригодные для включения в регистрационное досье.',
    confidentialDetails:
      'Субстанция — тикагрелор; выпуск планируется на площадке в Северске в объёме 400 кг в год. ' +
      'Перечень примесей с предельными нормами — в проекте спецификации, передадим после подписания NDA. ' +
      'Целевая стоимость одного образца — не более 250 тыс. рублей.',
    oecdField: '1.4',
    grnti: '31.21',
    alliance: 'pharma',
    keywords: ['стандартные образцы', 'примеси', 'продукты деградации', 'impurity profiling', 'установление структуры', 'АФС'],
    trlNow: 3,
    trlWanted: 5,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 3_500_000,
    deadline: '2027-09-30',
    status: 'published',
  },
  // fits: tsu-organic-synthesis, tpu-chemtech
  {
    key: 'sibpharmsynth-flow-diazotization',
    companyKey: 'sibpharmsynth',
    language: 'ru',
    title: 'Перевод стадии диазотирования в непрерывный проточный процесс',
    summary: 'Ищем партнёра, который переведёт опасную периодическую стадию синтеза интермедиата в flow-режим и масштабирует её до пилотного уровня.',
    problem:
      'В технологии получения интермедиата есть стадия диазотирования ароматического амина, которую мы ведём в периодическом аппарате при −5 °C малыми загрузками из-за риска разложения диазосоединения. ' +
      'Стадия ограничивает производительность участка и требует дорогого захолаживания. ' +
      'Хотим перейти на непрерывную схему с немедленным вводом диазониевой соли в следующую реакцию. ' +
      'Нужны оценка тепловых рисков, выбор проточного оборудования и отработка режима в пилотном масштабе.',
    expectedResult:
      'Технологический регламент непрерывной стадии производительностью не менее 5 кг продукта в сутки с данными реакционной калориметрии. ' +
      'Рекомендации по проточному оборудованию и схеме его размещения в цехе.',
    confidentialDetails:
      'Текущая производительность — 1,2 кг интермедиата в сутки, выход 71 %. ' +
      'Интермедиат идёт на собственный синтез антиагреганта; покупатель готовой субстанции — ООО «Фарм-Кластер Сибирь». ' +
      'Закупка проточного оборудования финансируется отдельно, до 12 млн рублей.',
    oecdField: '2.4',
    grnti: '61.45',
    alliance: 'pharma',
    keywords: ['flow chemistry', 'непрерывный процесс', 'диазотирование', 'масштабирование', 'интермедиаты', 'технологическая безопасность'],
    trlNow: 4,
    trlWanted: 6,
    budgetMinRoubles: 4_000_000,
    budgetMaxRoubles: 9_000_000,
    deadline: '2027-12-15',
    status: 'published',
  },
  // fits: ssmu-preclinical
  {
    key: 'sibpharmsynth-genotox',
    companyKey: 'sibpharmsynth',
    language: 'ru',
    title: 'Экспериментальная оценка мутагенности потенциально генотоксичной примеси',
    summary: 'Нужно подтвердить или опровергнуть мутагенность примеси с настораживающим фрагментом в бактериальном тесте на обратные мутации.',
    problem:
      'По результатам in silico прогноза одна из примесей нашей субстанции содержит структурный алерт и отнесена к классу 3 по ICH M7. ' +
      'Если мутагенность не будет исключена экспериментально, норму придётся снизить до уровня, недостижимого для текущей технологии очистки. ' +
      'Требуется провести тест Эймса на пяти штаммах с метаболической активацией и без неё по правилам надлежащей лабораторной практики.',
    expectedResult:
      'Отчёт об исследовании мутагенности в формате, принимаемом экспертизой. ' +
      'Заключение о классе примеси и обоснование допустимой нормы.',
    confidentialDetails:
      'Примесь — N-оксид основного вещества, образец 2 г предоставим сами. ' +
      'Срок критичен: подача досье запланирована на III квартал 2027 года.',
    oecdField: '3.1',
    grnti: '34.47',
    alliance: 'pharma',
    keywords: ['генотоксичность', 'тест Эймса', 'ICH M7', 'мутагенность', 'примеси', 'GLP'],
    trlNow: 4,
    trlWanted: 5,
    budgetMinRoubles: 800_000,
    budgetMaxRoubles: 1_600_000,
    deadline: '2027-06-30',
    status: 'draft',
  },

  // ─── Томские биосубстанции ────────────────────────────────────────────────────────────────────
  // fits: tsu-biotech
  {
    key: 'tombiosub-strain-passports',
    companyKey: 'tombiosub',
    language: 'ru',
    title: 'Полногеномная характеристика производственных штаммов бифидобактерий и лактобацилл',
    summary: 'Нужно секвенировать геномы шести производственных штаммов и подготовить генетические паспорта для регистрации пробиотической субстанции.',
    problem:
      'Для регистрации пробиотической субстанции регулятор требует подтвердить видовую принадлежность штаммов, отсутствие генов вирулентности и переносимой устойчивости к антибиотикам. ' +
      'У нас четыре штамма Bifidobacterium и два Lactobacillus, паспорта на которые оформлялись двадцать лет назад по фенотипическим признакам. ' +
      'Нужно выполнить WGS, сборку и аннотацию геномов, биоинформатический анализ и подтвердить генетическую стабильность штаммов после многократных пересевов.',
    expectedResult:
      'Собранные и аннотированные геномы шести штаммов, депонированные в национальной коллекции. ' +
      'Отчёт о безопасности по генетическим детерминантам и генетические паспорта штаммов.',
    confidentialDetails:
      'Штаммы используются в субстанции, которую мы поставляем трём производителям БАД, объём — 6 т в год. ' +
      'Один из штаммов получен по лицензии от ФБУН «Биоресурс» (демо), условия лицензии раскроем после NDA.',
    oecdField: '1.6',
    grnti: '34.27',
    alliance: 'pharma',
    keywords: ['WGS', 'геном', 'пробиотические штаммы', 'бифидобактерии', 'антибиотикорезистентность', 'паспортизация'],
    trlNow: 5,
    trlWanted: 6,
    budgetMinRoubles: 1_200_000,
    budgetMaxRoubles: 2_500_000,
    deadline: '2027-05-31',
    status: 'published',
  },
  // fits: ssmu-cells, tsu-biotech
  {
    key: 'tombiosub-adhesion-model',
    companyKey: 'tombiosub',
    language: 'ru',
    title: 'Клеточная модель кишечника для отбора пробиотиков по адгезии и барьерной функции',
    summary: 'Хотим отбирать новые пробиотические штаммы на in vitro модели кишечного эпителия вместо длительных опытов на животных.',
    problem:
      'При создании новых пробиотических субстанций мы отбираем штаммы по устойчивости к желчи и кислоте, но эти тесты плохо предсказывают колонизацию кишечника. ' +
      'Нужна воспроизводимая клеточная модель кишечного эпителия со слизистым слоем, на которой можно измерять прилипание бактерий и их влияние на плотные контакты. ' +
      'Модель должна позволять тестировать до 20 штаммов в месяц.',
    expectedResult:
      'Отработанный протокол совместного культивирования клеток кишечника с бактериями и измерения адгезии и трансэпителиального сопротивления. ' +
      'Результаты скрининга 20 штаммов из нашей коллекции.',
    confidentialDetails:
      'Коллекция кандидатов — 60 штаммов из кисломолочных продуктов Алтая. ' +
      'Победителей планируем вывести на рынок в составе детского синбиотика в 2028 году.',
    oecdField: '3.4',
    grnti: '34.19',
    alliance: 'pharma',
    keywords: ['in vitro модель', 'кишечный эпителий', 'адгезия бактерий', 'Caco-2', 'пробиотики', 'барьерная функция'],
    trlNow: 3,
    trlWanted: 4,
    budgetMinRoubles: 1_000_000,
    budgetMaxRoubles: 2_200_000,
    deadline: '2027-10-31',
    status: 'published',
  },

  // ─── БиоГенТех ────────────────────────────────────────────────────────────────────────────────
  // fits: ssmu-preclinical
  {
    key: 'biogentech-vaccine-safety',
    companyKey: 'biogentech',
    language: 'ru',
    title: 'Доклиническое изучение безопасности инактивированной вакцины против пастереллёза свиней',
    summary: 'Нужны токсикологические исследования ветеринарной вакцины на лабораторных животных для регистрации.',
    problem:
      'Мы разработали инактивированную адъювантную вакцину против пастереллёза свиней и готовим регистрационное досье. ' +
      'Необходимо изучить острую токсичность, токсичность при многократном введении, местную реакцию в месте инъекции и реактогенность на лабораторных животных. ' +
      'Исследования должны соответствовать требованиям ЕАЭС к ветеринарным иммунобиологическим препаратам.',
    expectedResult:
      'Отчёты о доклинических исследованиях безопасности с гистологической оценкой места введения. ' +
      'Заключение о безопасной дозе и рекомендации к инструкции по применению.',
    confidentialDetails:
      'Адъювант — гидроксид алюминия с сапонином, концентрация антигена указана в проекте НД. ' +
      'Партнёр по полевым испытаниям — свинокомплекс «Томский» (демо), 3 тыс. голов.',
    oecdField: '4.3',
    grnti: '68.41',
    alliance: 'pharma',
    keywords: ['ветеринарная вакцина', 'токсичность', 'доклинические исследования', 'реактогенность', 'безопасность', 'регистрация'],
    trlNow: 5,
    trlWanted: 6,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 3_000_000,
    deadline: '2027-08-31',
    status: 'published',
  },
  // fits: tsu-biotech
  {
    key: 'biogentech-respiratory-pcr',
    companyKey: 'biogentech',
    language: 'ru',
    title: 'Мультиплексный набор ПЦР для выявления возбудителей респираторных болезней телят',
    summary: 'Нужен набор для ПЦР в реальном времени, выявляющий одновременно вирусные и бактериальные возбудители респираторного синдрома КРС.',
    problem:
      'Ветеринарные лаборатории выявляют возбудителей бронхопневмонии телят раздельными тестами, что дорого и долго. ' +
      'Мы хотим выпустить мультиплексный набор, определяющий в одной пробирке вирус парагриппа-3, респираторно-синцитиальный вирус, Mannheimia haemolytica и Pasteurella multocida. ' +
      'Требуется подобрать праймеры и зонды, оптимизировать реакцию и оценить аналитические характеристики на полевых пробах.',
    expectedResult:
      'Прототип набора с внутренним контролем, аналитической чувствительностью не хуже 500 копий на реакцию и специфичностью 100 % на панели родственных микроорганизмов. ' +
      'Отчёт об испытаниях на 200 клинических образцах.',
    confidentialDetails:
      'Полевые пробы предоставят две молочные фермы Томского района. ' +
      'Себестоимость набора на 96 определений должна быть не выше 9 тыс. рублей.',
    oecdField: '4.3',
    grnti: '68.41',
    alliance: 'pharma',
    keywords: ['ПЦР в реальном времени', 'мультиплекс', 'диагностический набор', 'крупный рогатый скот', 'респираторные инфекции', 'праймеры'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 4_500_000,
    deadline: '2028-03-31',
    status: 'published',
  },

  // ─── Хелиос Фарма ─────────────────────────────────────────────────────────────────────────────
  // fits: pharm-phyto, ssmu-pk
  {
    key: 'helios-extract-standardisation',
    companyKey: 'helios',
    language: 'ru',
    title: 'Стандартизация комбинированного экстракта зверобоя и бадана',
    summary: 'Нужна валидированная методика количественного определения действующих веществ и нормы качества для комбинированного растительного экстракта.',
    problem:
      'Мы выпускаем сухой экстракт из травы зверобоя и листьев бадана для желудочно-кишечного фитопрепарата. ' +
      'Сейчас качество контролируется по сумме фенольных соединений спектрофотометрически, и от партии к партии содержание маркеров колеблется вдвое. ' +
      'Нужны хроматографическая методика определения гиперозида, рутина и арбутина, её валидация и обоснованные нормы для спецификации, а также рекомендации по стабилизации технологии экстрагирования.',
    expectedResult:
      'Валидированная ВЭЖХ-методика и проект нормативной документации на экстракт. ' +
      'Рекомендации по параметрам экстракции, снижающие разброс содержания маркеров до ±15 %.',
    confidentialDetails:
      'Объём выпуска — 3 т экстракта в год, сырьё закупаем у двух заготовителей в Алтайском крае. ' +
      'Партнёр по выпуску готовой формы — ООО «Фарм-Кластер Сибирь».',
    oecdField: '3.1',
    grnti: '76.31',
    alliance: 'pharma',
    keywords: ['фитоэкстракт', 'стандартизация', 'ВЭЖХ', 'валидация методики', 'растительное сырьё', 'нормативная документация'],
    trlNow: 4,
    trlWanted: 6,
    budgetMinRoubles: 1_200_000,
    budgetMaxRoubles: 2_800_000,
    deadline: '2027-07-31',
    status: 'published',
  },
  // fits: hcei-pulsed, pharm-phyto
  {
    key: 'helios-pef-extraction',
    companyKey: 'helios',
    language: 'ru',
    title: 'Нетепловая предобработка растительного сырья для ускорения экстракции',
    summary: 'Ищем технологию электрофизической обработки корней и корневищ, которая повысит выход экстракта и сократит время экстрагирования.',
    problem:
      'Водно-спиртовое экстрагирование корневищ с корнями родиолы и левзеи длится у нас 24 часа, а выход экстрактивных веществ на 30 % ниже расчётного. ' +
      'Нагрев ускоряет процесс, но разрушает термолабильные компоненты. ' +
      'Хотим проверить нетепловые способы разрушения клеточных стенок сырья, прежде всего обработку импульсным электрическим полем (PEF), и понять, как она масштабируется на поток 200 кг сырья в смену.',
    expectedResult:
      'Экспериментальные данные о влиянии режимов импульсной обработки на выход и состав экстракта. ' +
      'Техническое задание на опытно-промышленную установку с оценкой энергозатрат.',
    confidentialDetails:
      'Текущая линия: перколяторы на 500 л, рекуперация спирта. ' +
      'Целевой срок окупаемости установки — не более трёх лет, бюджет на оборудование — до 15 млн рублей.',
    oecdField: '2.4',
    grnti: '61.45',
    alliance: 'pharma',
    keywords: ['pulsed electric field', 'импульсная обработка', 'экстракция', 'растительное сырьё', 'интенсификация', 'выход экстракта'],
    trlNow: 3,
    trlWanted: 5,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2028-06-30',
    status: 'published',
  },

  // ─── Фарм-Кластер Сибирь ──────────────────────────────────────────────────────────────────────
  // fits: ssmu-pk
  {
    key: 'pharmcluster-bioequivalence',
    companyKey: 'pharmcluster',
    language: 'ru',
    title: 'Биоаналитический этап исследования биоэквивалентности таблеток метформина пролонгированного действия',
    summary: 'Нужна разработка и валидация методики определения метформина в плазме и анализ образцов исследования биоэквивалентности.',
    problem:
      'Мы выводим на рынок воспроизведённые таблетки метформина с пролонгированным высвобождением и заключили договор с клиническим центром на проведение исследования на 40 добровольцах. ' +
      'Ищем лабораторию, которая разработает и валидирует методику количественного определения метформина в плазме крови, проанализирует около 2400 образцов и рассчитает фармакокинетические параметры. ' +
      'До начала исследования нужна также сравнительная кинетика растворения в трёх средах.',
    expectedResult:
      'Отчёт о валидации биоаналитической методики и отчёт о биоаналитическом этапе, соответствующие правилам ЕАЭС. ' +
      'Таблицы фармакокинетических параметров и результаты теста сравнительного растворения.',
    confidentialDetails:
      'Референтный препарат — Глюкофаж Лонг 750 мг. ' +
      'Клинический этап проводит ООО «КлинИнвест» (демо), старт — февраль 2027 года; штраф за задержку анализа — 0,1 % стоимости договора в день.',
    oecdField: '3.1',
    grnti: '76.31',
    alliance: 'pharma',
    keywords: ['биоэквивалентность', 'биоаналитика', 'LC-MS/MS', 'фармакокинетика', 'тест растворения', 'воспроизведённый препарат'],
    trlNow: 6,
    trlWanted: 7,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 7_000_000,
    deadline: '2027-11-30',
    status: 'published',
  },
  // fits: tpu-radiation
  {
    key: 'pharmcluster-sterilisation',
    companyKey: 'pharmcluster',
    language: 'ru',
    title: 'Валидация радиационной стерилизации полимерных флаконов и пробок',
    summary: 'Нужно обосновать дозу и валидировать стерилизацию первичной упаковки электронным пучком.',
    problem:
      'Для выпуска стерильных глазных капель мы закупаем полимерные флаконы и пробки, которые сейчас стерилизуются оксидом этилена у стороннего подрядчика. ' +
      'Хотим перейти на радиационный способ, чтобы исключить остатки оксида этилена и сократить сроки. ' +
      'Нужно подобрать стерилизующую дозу, провести картирование дозы в упаковке и проверить, не меняются ли свойства полимера после облучения.',
    expectedResult:
      'Протокол валидации радиационной стерилизации с обоснованием дозы. ' +
      'Данные о влиянии облучения на механические свойства и экстрагируемые вещества упаковки.',
    confidentialDetails:
      'Объём — 1,5 млн комплектов в год, материал флаконов — полиэтилен низкой плотности марки 15803-020. ' +
      'Текущая стоимость стерилизации — 0,9 рубля за комплект.',
    oecdField: '2.11',
    grnti: '44.33',
    alliance: 'pharma',
    keywords: ['радиационная стерилизация', 'электронный пучок', 'валидация', 'первичная упаковка', 'стерилизующая доза', 'полимеры'],
    trlNow: 6,
    trlWanted: 7,
    budgetMinRoubles: 1_000_000,
    budgetMaxRoubles: 2_000_000,
    deadline: '2027-04-30',
    status: 'closed',
  },

  // ─── ВижнЛаб ──────────────────────────────────────────────────────────────────────────────────
  // fits: tusur-vision
  {
    key: 'visionlab-profile-inspection',
    companyKey: 'visionlab',
    language: 'ru',
    title: 'Автоматический визуальный контроль поверхности алюминиевого профиля на линии прессования',
    summary: 'Нужна система технического зрения, которая находит дефекты поверхности профиля на скорости линии и сортирует их по видам.',
    problem:
      'Заказчик — завод алюминиевых профилей — контролирует поверхность изделий визуально, контролёры пропускают до 8 % брака: риски, налипы, пузыри, следы от матрицы. ' +
      'Мы поставляем системы машинного зрения, но для сложной геометрии профиля и бликующей поверхности наши алгоритмы дают слишком много ложных срабатываний. ' +
      'Нужна схема освещения и съёмки и нейросетевой классификатор дефектов, работающий на промышленном компьютере со скоростью линии до 40 м/мин.',
    expectedResult:
      'Прототип системы контроля, установленный на одной линии, с полнотой обнаружения дефектов не ниже 90 % при доле ложных срабатываний не выше 2 %. ' +
      'Размеченный набор изображений и обученная модель с правом использования.',
    confidentialDetails:
      'Конечный заказчик — АО «СибАлюПрофиль» (демо), пилот на линии № 3. ' +
      'Цена тиражного комплекта для заказчика не должна превышать 6 млн рублей.',
    oecdField: '1.2',
    grnti: '28.23',
    alliance: 'vision',
    keywords: ['техническое зрение', 'контроль качества', 'дефекты поверхности', 'нейросети', 'computer vision', 'алюминиевый профиль'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 8_000_000,
    deadline: '2028-02-29',
    status: 'published',
  },
  // fits: tusur-vision
  {
    key: 'visionlab-3d-gauging',
    companyKey: 'visionlab',
    language: 'en',
    title: 'In-line 3D gauging of stamped sheet-metal parts',
    summary: 'We need a 3D measurement station that checks hole positions and flange geometry of stamped car-body parts at line rate.',
    problem:
      'An automotive supplier we serve checks stamped brackets and panels with manual gauges on one part in fifty. ' +
      'They want every part measured: hole positions, flange angles and springback, with ±0.1 mm repeatability. ' +
      'Parts arrive on a conveyor in random orientation, the surfaces are oily and partly reflective. ' +
      'We need the optical principle, sensor layout, calibration procedure and point-cloud comparison against CAD.',
    expectedResult:
      'A working prototype that measures 20 features on two part types within the 6-second cycle and reports deviations against the CAD model. ' +
      'A calibration and verification procedure suitable for an accredited metrology check.',
    confidentialDetails:
      'End customer: SibAutoStamp JSC (fictional), lines 2 and 5. ' +
      'Target hardware cost per station below RUB 4.5 million; our partner for integration is RoboTechnika Sibir.',
    oecdField: '2.2',
    grnti: '59.14',
    alliance: 'vision',
    keywords: ['3D measurement', 'structured light', 'point cloud', 'dimensional inspection', 'calibration', 'CAD comparison'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 2_500_000,
    budgetMaxRoubles: 6_000_000,
    deadline: '2028-05-31',
    status: 'published',
  },

  // ─── Оптоскан ─────────────────────────────────────────────────────────────────────────────────
  // fits: tusur-vision, tsu-data
  {
    key: 'optoscan-grain-mycotoxin',
    companyKey: 'optoscan',
    language: 'ru',
    title: 'Гиперспектральное выявление зерна, поражённого фузариозом, на оптическом сортировщике',
    summary: 'Нужен алгоритм классификации зерновок по спектру ближнего ИК, чтобы отбраковывать заражённое зерно в потоке.',
    problem:
      'Наши гиперспектральные сортировщики отделяют примеси по цвету и форме, но не отличают зерно, поражённое фузариозом, от здорового, а именно оно даёт превышение по микотоксинам. ' +
      'Нужно собрать эталонную выборку, найти информативные спектральные каналы и построить классификатор, работающий на встроенном вычислителе при потоке 5 т/ч. ' +
      'Важно, чтобы модель переносилась между партиями и сортами без полного переобучения.',
    expectedResult:
      'Классификатор с точностью не ниже 90 % на независимой выборке и отбор 10–20 рабочих спектральных каналов. ' +
      'Программный модуль для нашего сортировщика и протокол испытаний на трёх партиях пшеницы.',
    confidentialDetails:
      'Камера сортировщика — собственная, 900–1700 нм, 128 каналов; вычислитель — Jetson Orin NX. ' +
      'Первый покупатель — элеватор в Новосибирской области, готов предоставить партии с лабораторными данными по ДОН.',
    oecdField: '1.2',
    grnti: '28.23',
    alliance: 'vision',
    keywords: ['гиперспектральная съёмка', 'фузариоз', 'микотоксины', 'сортировка зерна', 'классификация', 'NIR'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 4_500_000,
    deadline: '2027-12-31',
    status: 'published',
  },
  // fits: tusur-optoelectronics
  {
    key: 'optoscan-swir-illumination',
    companyKey: 'optoscan',
    language: 'ru',
    title: 'Светодиодный осветитель и фотоприёмная линейка коротковолнового ИК-диапазона',
    summary: 'Нужны отечественные осветитель и фотоприёмный модуль SWIR для новой модели сортировщика сыпучих продуктов.',
    problem:
      'Сейчас мы используем галогенные лампы и импортную InGaAs-камеру, что даёт нагрев продукта, большие энергозатраты и зависимость от поставок. ' +
      'Хотим перейти на светодиодную подсветку в диапазоне 1000–1700 нм с равномерным освещением ленты шириной 600 мм и на отечественный фотоприёмный модуль. ' +
      'Требуется подобрать излучатели, спроектировать оптику и электронику, обеспечить стабильность спектра при изменении температуры в цехе.',
    expectedResult:
      'Опытные образцы осветителя с неравномерностью освещённости не более 10 % и фотоприёмного модуля с интерфейсом GigE. ' +
      'Конструкторская документация для мелкосерийного выпуска.',
    confidentialDetails:
      'Планируемая серия — 60 сортировщиков в год. ' +
      'Целевая себестоимость осветителя — до 120 тыс. рублей, фотоприёмного модуля — до 600 тыс. рублей.',
    oecdField: '2.2',
    grnti: '47.57',
    alliance: 'vision',
    keywords: ['SWIR', 'светодиодный осветитель', 'InGaAs', 'фотоприёмник', 'инфракрасная техника', 'импортозамещение'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 7_500_000,
    deadline: '2028-04-30',
    status: 'published',
  },

  // ─── ЭлеСиб Видео ─────────────────────────────────────────────────────────────────────────────
  // fits: tusur-vision
  {
    key: 'elesib-winter-detection',
    companyKey: 'elesib',
    language: 'ru',
    title: 'Обнаружение транспорта и пешеходов при метели и в тёмное время суток',
    summary: 'Нужно повысить надёжность видеодетекции на перекрёстках зимой за счёт тепловизионного канала и устойчивых к помехам моделей.',
    problem:
      'Наши детекторы транспорта и пешеходов на городских перекрёстках теряют до 30 % объектов при снегопаде, метели и в тёмное время суток. ' +
      'Налипание снега на объектив и блики фар усугубляют ситуацию. ' +
      'Рассматриваем добавление тепловизионного канала и совместную обработку видимого и инфракрасного изображений, а также дообучение детектора на зимних данных.',
    expectedResult:
      'Модель детекции, сохраняющая полноту не ниже 92 % в сложных погодных условиях, и рекомендации по составу и размещению камер. ' +
      'Оценка стоимости модернизации одного перекрёстка.',
    confidentialDetails:
      'Проект связан с контрактом на адаптивное управление светофорами в Томске (240 перекрёстков). ' +
      'Доступны 2 тыс. часов архивных записей с разметкой части кадров.',
    oecdField: '1.2',
    grnti: '28.23',
    alliance: 'vision',
    keywords: ['видеоаналитика', 'детекция объектов', 'тепловизор', 'сложные погодные условия', 'слияние каналов', 'object detection'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 2_500_000,
    budgetMaxRoubles: 6_000_000,
    deadline: '2028-03-31',
    status: 'published',
  },
  // fits: tusur-vision, tusur-embedded
  {
    key: 'elesib-edge-inference',
    companyKey: 'elesib',
    language: 'ru',
    title: 'Перенос нейросетевой видеоаналитики на отечественные встраиваемые вычислители',
    summary: 'Нужно ускорить и упростить наши модели распознавания, чтобы они работали на отечественных модулях с нейроускорителем прямо в камере.',
    problem:
      'Аналитика сейчас выполняется на серверах с зарубежными графическими ускорителями, и каждая камера передаёт полный видеопоток. ' +
      'Мы хотим перенести распознавание на отечественные вычислительные модули с нейропроцессором или ПЛИС, установленные в корпусе камеры. ' +
      'Нужно выполнить квантование и прунинг моделей, портирование и оптимизацию конвейера обработки под ограничение потребления 10 Вт.',
    expectedResult:
      'Оптимизированные модели детекции и классификации, работающие на целевом модуле не медленнее 25 кадров в секунду. ' +
      'Отчёт о сравнении точности с серверной версией.',
    confidentialDetails:
      'Целевые модули — на процессорах «Эльбрус» и СнК с нейроускорителем от отечественного поставщика, образцы предоставим. ' +
      'Проект приостановлен до получения второй партии образцов.',
    oecdField: '1.2',
    grnti: '50.09',
    alliance: 'vision',
    keywords: ['edge computing', 'квантование нейросетей', 'встраиваемые системы', 'ПЛИС', 'нейроускоритель', 'оптимизация моделей'],
    trlNow: 4,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2028-06-30',
    status: 'paused',
  },

  // ─── NordVision ───────────────────────────────────────────────────────────────────────────────
  // fits: tpu-thermal-ndt, tusur-vision
  {
    key: 'nordvision-insulation-thermography',
    companyKey: 'nordvision',
    language: 'en',
    title: 'Automatic detection of insulation damage on above-ground pipelines from drone thermography',
    summary: 'We need algorithms that find wet or missing thermal insulation on heated pipelines in infrared drone footage and estimate the heat loss.',
    problem:
      'We survey hundreds of kilometres of above-ground heated oil and district heating pipelines with drones carrying thermal cameras. ' +
      'Operators currently review the infrared images by hand, which takes longer than the flights and misses subtle anomalies. ' +
      'We need a method that separates genuine insulation defects from reflections, sun loading and snow cover, and converts temperature anomalies into heat loss estimates. ' +
      'The approach must work in winter at −40 °C.',
    expectedResult:
      'A validated processing pipeline that flags insulation defects with at least 90 % recall on our annotated flights and reports estimated heat loss per defect. ' +
      'A field procedure for flight altitude, time of day and camera settings.',
    confidentialDetails:
      'Main client: a northern oil producer with 620 km of heated pipelines (name under NDA). ' +
      'We have 14 TB of radiometric footage from FLIR and Workswell cameras, about 3 % annotated.',
    oecdField: '2.2',
    grnti: '59.45',
    alliance: 'vision',
    keywords: ['infrared thermography', 'pipeline insulation', 'drone inspection', 'heat loss', 'anomaly detection', 'non-destructive testing'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 7_000_000,
    deadline: '2027-11-30',
    status: 'published',
  },
  // fits: iao-gas-spectroscopy, iao-lidar
  {
    key: 'nordvision-methane-drone',
    companyKey: 'nordvision',
    language: 'en',
    title: 'Drone-mounted laser methane sensor for pipeline leak surveys',
    summary: 'We want to add a lightweight methane detector to our inspection drones to locate gas leaks along pipelines.',
    problem:
      'Our clients need to find methane leaks on gathering lines and compressor sites, and handheld surveys are slow and unsafe in winter. ' +
      'Commercial drone methane sensors are imported, expensive and not certified for −40 °C. ' +
      'We need a remote laser sensor below 1 kg that measures path-integrated methane concentration from 20–50 m altitude and synchronises readings with GNSS position.',
    expectedResult:
      'A flight-ready prototype with detection threshold of 10 ppm·m or better and stable operation at −40 °C. ' +
      'Flight test report over a controlled release site.',
    confidentialDetails:
      'Integration target: our NV-8 hexacopter with 2.5 kg payload, 24 V power. ' +
      'A gas transmission operator is ready to host flight tests at its compressor station in Q2 2027.',
    oecdField: '1.3',
    grnti: '29.31',
    alliance: 'vision',
    keywords: ['methane detection', 'laser absorption', 'UAV', 'gas leak', 'TDLAS', 'pipeline monitoring'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 4_000_000,
    budgetMaxRoubles: 9_000_000,
    deadline: '2028-03-31',
    status: 'published',
  },
  // fits: tusur-microwave
  {
    key: 'nordvision-ice-radar',
    companyKey: 'nordvision',
    language: 'en',
    title: 'Radar sensor for ice accretion on overhead power lines',
    summary: 'We look for a compact radar that measures ice thickness on conductors so that de-icing can start in time.',
    problem:
      'Ice loads break conductors and towers on northern power lines every winter. ' +
      'Existing load cells measure weight only at towers and cannot tell ice from wind load. ' +
      'We want a pole-mounted millimetre-wave radar that estimates ice thickness along a span and transmits alarms over a low-power radio link.',
    expectedResult:
      'A prototype sensor that measures ice thickness from 5 mm with ±2 mm accuracy in a climate chamber and on a test span. ' +
      'Antenna and signal processing design documentation.',
    confidentialDetails:
      'Pilot partner: a regional grid company with 110 kV lines in the Yamal area. ' +
      'Paused until the pilot partner confirms 2027 funding.',
    oecdField: '2.2',
    grnti: '47.49',
    alliance: 'vision',
    keywords: ['radar sensor', 'ice load', 'power lines', 'millimetre wave', 'antenna design', 'monitoring'],
    trlNow: 2,
    trlWanted: 5,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 8_000_000,
    deadline: '2028-09-30',
    status: 'paused',
  },

  // ─── ТерраСкан ────────────────────────────────────────────────────────────────────────────────
  // fits: iao-lidar
  {
    key: 'terrascan-forest-lidar',
    companyKey: 'terrascan',
    language: 'ru',
    title: 'Лазерное сканирование с беспилотника для таксации лесов',
    summary: 'Нужен лёгкий лидар для нашего БПЛА и методика определения таксационных показателей древостоя по облаку точек.',
    problem:
      'Для лесоустройства и подготовки лесных климатических проектов заказчики просят оценивать высоту, полноту и запас древостоя. ' +
      'Фотограмметрия не даёт данных о рельефе и нижних ярусах под сомкнутым пологом тайги. ' +
      'Нам нужен лазерный сканер массой до 1,5 кг для беспилотника самолётного типа и алгоритмы расчёта таксационных характеристик по облаку точек с проверкой на пробных площадях.',
    expectedResult:
      'Опытный образец лидарной полезной нагрузки и программа обработки облака точек. ' +
      'Оценка точности определения высоты и запаса на 20 пробных площадях.',
    confidentialDetails:
      'Наш БПЛА — «ТС-2» с полезной нагрузкой до 2 кг. ' +
      'Заказчик пилотного проекта — лесопользователь в Верхнекетском районе, 45 тыс. га.',
    oecdField: '1.5',
    grnti: '36.23',
    alliance: 'vision',
    keywords: ['лазерное сканирование', 'БПЛА', 'облако точек', 'таксация леса', 'airborne LiDAR', 'лесные климатические проекты'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 7_000_000,
    deadline: '2028-05-31',
    status: 'published',
  },
  // fits: imces-climate, tsu-radiophysics
  {
    key: 'terrascan-frost-heave-mapping',
    companyKey: 'terrascan',
    language: 'ru',
    title: 'Картирование морозного пучения и термокарстовых просадок вдоль линейных объектов',
    summary: 'Хотим дополнить аэросъёмку оценкой состояния мёрзлых грунтов и прогнозом опасных деформаций поверхности.',
    problem:
      'Повторная аэросъёмка с беспилотников позволяет нам видеть деформации поверхности вдоль трубопроводов и дорог на севере, но мы не можем объяснить их причины и спрогнозировать развитие. ' +
      'Нужна методика, связывающая смещения поверхности с температурой и льдистостью грунтов, глубиной сезонного протаивания и снежным покровом. ' +
      'Желательно использовать также открытые спутниковые радарные и радиометрические данные.',
    expectedResult:
      'Методика и программные инструменты для выделения участков пучения и просадок с классификацией по степени опасности. ' +
      'Апробация на участке трассы длиной 50 км.',
    confidentialDetails:
      'Трасса — промысловый газопровод в ЯНАО, снимки за четыре сезона уже есть. ' +
      'Оператор трубопровода готов дать доступ к своим термометрическим скважинам.',
    oecdField: '1.5',
    grnti: '38.65',
    keywords: ['мерзлота', 'морозное пучение', 'термокарст', 'деформации поверхности', 'дистанционное зондирование', 'линейные объекты'],
    trlNow: 3,
    trlWanted: 5,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2028-10-31',
    status: 'published',
  },

  // ─── АрктикТехСервис ──────────────────────────────────────────────────────────────────────────
  // fits: ipc-oilfield-reagents, ipc-petrochem
  {
    key: 'arctictech-paraffin-inhibitor',
    companyKey: 'arctictech',
    language: 'ru',
    title: 'Ингибитор отложений парафина для скважин с низкой пластовой температурой',
    summary: 'Нужно подобрать или разработать присадку, снижающую запарафинивание насосно-компрессорных труб на северном месторождении.',
    problem:
      'На обслуживаемом нами месторождении пластовая температура всего 28 °C, а в зоне вечной мерзлоты поток в лифтовых трубах охлаждается до 3–5 °C. ' +
      'Парафин откладывается на стенках НКТ, и скважины приходится чистить скребками и горячей нефтью раз в 10 дней. ' +
      'Закупаемые ингибиторы малоэффективны для этой нефти с высоким содержанием высокомолекулярных н-алканов. ' +
      'Нужен подбор состава под нашу нефть с лабораторной проверкой и опытной закачкой.',
    expectedResult:
      'Рецептура ингибитора, снижающего отложения не менее чем на 60 % в лабораторных испытаниях, и рекомендации по дозированию. ' +
      'Результаты опытно-промышленной закачки на трёх скважинах.',
    confidentialDetails:
      'Месторождение — Северо-Васюганское (демо), 46 добывающих скважин. ' +
      'Текущие затраты на депарафинизацию — 38 млн рублей в год; пробы нефти передадим по запросу.',
    oecdField: '2.4',
    grnti: '52.47',
    alliance: 'arctic',
    keywords: ['АСПО', 'парафин', 'ингибитор', 'НКТ', 'высокопарафинистая нефть', 'многолетнемёрзлые породы'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 2_500_000,
    budgetMaxRoubles: 6_000_000,
    deadline: '2027-10-31',
    status: 'published',
  },
  // fits: ispms-coatings, hcei-ebeam, hcei-plasma
  {
    key: 'arctictech-esp-wear',
    companyKey: 'arctictech',
    language: 'ru',
    title: 'Повышение износостойкости рабочих органов погружных насосов при выносе песка',
    summary: 'Ищем технологию упрочнения поверхности рабочих колёс и направляющих аппаратов ЭЦН, работающих в абразивной среде.',
    problem:
      'Погружные электроцентробежные насосы на скважинах после гидроразрыва выходят из строя через 120–180 суток из-за абразивного износа рабочих колёс и направляющих аппаратов механическими примесями. ' +
      'Колёса изготовлены из нирезиста, ремонт и подъём насоса обходятся дорого. ' +
      'Нужна технология нанесения защитного слоя или модификации поверхности, которая удвоит наработку на отказ и применима к деталям сложной формы серийно.',
    expectedResult:
      'Технология упрочнения с подтверждённым на стенде двукратным снижением износа. ' +
      'Опытная партия деталей для промысловых испытаний на пяти скважинах.',
    confidentialDetails:
      'Годовая потребность — около 15 тыс. ступеней. ' +
      'Целевая стоимость обработки — не более 900 рублей за ступень; производитель насосов, с которым согласуем изменение, — АО «Сибнефтемаш» (демо).',
    oecdField: '2.5',
    grnti: '55.22',
    alliance: 'arctic',
    keywords: ['абразивный износ', 'ЭЦН', 'упрочнение поверхности', 'покрытия', 'рабочие колёса', 'наработка на отказ'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 8_000_000,
    deadline: '2028-02-29',
    status: 'published',
  },
  // fits: ispms-ndt-robotics, tpu-thermal-ndt
  {
    key: 'arctictech-tank-crawler',
    companyKey: 'arctictech',
    language: 'ru',
    title: 'Роботизированное обследование стенок вертикальных резервуаров',
    summary: 'Нужен мобильный робот для толщинометрии и поиска коррозионных дефектов стенок РВС без установки лесов.',
    problem:
      'Мы выполняем техническое диагностирование резервуаров для нефти объёмом до 20 тыс. м³ на северных промыслах. ' +
      'Обследование стенки с лесов или промышленными альпинистами занимает до двух недель и невозможно зимой. ' +
      'Нужен робот-сканер с магнитным сцеплением, который проводит ультразвуковую толщинометрию и поиск коррозии по высоте стенки, а также программа построения карты толщин.',
    expectedResult:
      'Опытный образец сканера, работающего при температуре до −30 °C, и программа обработки данных. ' +
      'Протокол испытаний на действующем резервуаре и проект методики диагностирования.',
    confidentialDetails:
      'Парк заказчика — 84 резервуара РВС-5000…РВС-20000. ' +
      'Желательная стоимость одного комплекса — до 9 млн рублей.',
    oecdField: '2.3',
    grnti: '59.45',
    alliance: 'arctic',
    keywords: ['резервуары', 'робот-сканер', 'толщинометрия', 'коррозия', 'техническое диагностирование', 'crawler'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 5_000_000,
    budgetMaxRoubles: 12_000_000,
    deadline: '2028-08-31',
    status: 'published',
  },

  // ─── Северный Полимер ─────────────────────────────────────────────────────────────────────────
  // fits: ispms-composites
  {
    key: 'northpolymer-cold-impact',
    companyKey: 'northpolymer',
    language: 'ru',
    title: 'Повышение ударной прочности полиэтиленовых труб при температуре −60 °C',
    summary: 'Нужна модифицирующая композиция для трубного полиэтилена, сохраняющая ударную вязкость при арктических температурах.',
    problem:
      'Наши напорные трубы из ПЭ 100 трескаются при монтаже и ударных нагрузках зимой в районах Крайнего Севера. ' +
      'Требование заказчиков — сохранение ударной прочности при −60 °C без снижения длительной прочности и стойкости к медленному росту трещин. ' +
      'Нужно подобрать модификаторы и технологию компаундирования, совместимую с нашими экструзионными линиями.',
    expectedResult:
      'Рецептура модифицированного полиэтилена, испытанная на образцах и опытной партии труб. ' +
      'Протоколы испытаний на ударную вязкость при −60 °C и гидростатическую прочность.',
    confidentialDetails:
      'Базовая марка — ПЭ2НТ11-285Д, объём выпуска — 18 тыс. т труб в год. ' +
      'Допустимое удорожание сырья — не более 7 %.',
    oecdField: '2.5',
    grnti: '61.61',
    alliance: 'arctic',
    keywords: ['полиэтиленовые трубы', 'хладостойкость', 'ударная вязкость', 'модификаторы', 'компаундирование', 'Крайний Север'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 7_000_000,
    deadline: '2027-12-31',
    status: 'published',
  },
  // fits: tpu-thermal-ndt, ispms-ndt-robotics
  {
    key: 'northpolymer-butt-weld-ndt',
    companyKey: 'northpolymer',
    language: 'ru',
    title: 'Ультразвуковая дефектоскопия стыковых соединений полиэтиленовых труб',
    summary: 'Нужна методика и оснастка неразрушающего контроля сварных стыков ПЭ-труб большого диаметра.',
    problem:
      'Стыки полиэтиленовых труб, сваренные нагретым инструментом, сейчас проверяют визуально и разрушающими испытаниями выборочных образцов. ' +
      'Холодные стыки и включения внутри шва так не выявляются, а заказчики-нефтяники требуют сплошного контроля. ' +
      'Нужна методика ультразвукового контроля с фазированными решётками для стенок толщиной до 60 мм, учитывающая сильное затухание в полиэтилене.',
    expectedResult:
      'Методика контроля и набор стандартных образцов с искусственными дефектами. ' +
      'Подтверждение выявляемости холодных стыков на 30 образцах с последующим разрушающим контролем.',
    confidentialDetails:
      'Диаметры — 315–1200 мм, годовое количество стыков на объектах заказчиков — около 9 тыс. ' +
      'Сварочные машины — Ritmo и отечественные, протоколы сварки предоставим.',
    oecdField: '2.5',
    grnti: '59.45',
    alliance: 'arctic',
    keywords: ['ультразвуковой контроль', 'сварные стыки', 'полиэтиленовые трубы', 'phased array', 'неразрушающий контроль', 'методика контроля'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 4_000_000,
    deadline: '2027-09-30',
    status: 'published',
  },
  // fits: tsuab-roads, ispms-composites
  {
    key: 'northpolymer-geogrid',
    companyKey: 'northpolymer',
    language: 'ru',
    title: 'Морозостойкая полимерная георешётка для армирования оснований дорог',
    summary: 'Хотели выпускать георешётку для северных дорог и нуждались в испытаниях и методике расчёта армированного основания.',
    problem:
      'Мы планировали расширить ассортимент двухосной экструдированной георешёткой из полипропилена для автодорог на слабых и мёрзлых основаниях. ' +
      'Требовались подбор состава полимера, устойчивого к низким температурам и ультрафиолету, испытания прочности узлов и опытный участок с контролем осадок.',
    expectedResult:
      'Рецептура, протоколы испытаний и рекомендации по проектированию армированных оснований. ' +
      'Данные наблюдений за опытным участком.',
    confidentialDetails:
      'Работа завершена: рецептура передана в производство, опытный участок построен в 2026 году. ' +
      'Итоговая стоимость — 2,9 млн рублей.',
    oecdField: '2.1',
    grnti: '67.09',
    alliance: 'arctic',
    keywords: ['георешётка', 'армирование', 'дорожное основание', 'морозостойкость', 'полипропилен', 'слабые грунты'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 3_500_000,
    deadline: '2027-03-31',
    status: 'closed',
  },

  // ─── ПермафростИнжиниринг ─────────────────────────────────────────────────────────────────────
  // fits: tsuab-permafrost, imces-climate
  {
    key: 'permafrost-foundation-forecast',
    companyKey: 'permafrost',
    language: 'ru',
    title: 'Долгосрочный прогноз теплового режима оснований с термостабилизаторами при потеплении климата',
    summary: 'Нужна проверенная методика прогноза температуры грунтов под сооружениями на 30 лет с учётом климатических сценариев.',
    problem:
      'Мы проектируем и монтируем системы термостабилизации грунтов под объектами добычи на Ямале. ' +
      'Заказчики требуют обоснования, что основание останется мёрзлым весь срок службы, но используемые расчёты опираются на климат прошлого и не учитывают рост температуры воздуха и снежности. ' +
      'Нужна методика трёхмерного прогноза с климатическими сценариями и калибровкой по данным нашего термометрического мониторинга.',
    expectedResult:
      'Методика и расчётная модель, откалиброванная по данным 40 скважин, с прогнозом до 2060 года. ' +
      'Рекомендации по запасу холодопроизводительности и размещению сезонно-охлаждающих устройств.',
    confidentialDetails:
      'Данные мониторинга — с 2014 года по трём кустовым площадкам. ' +
      'Модель будет использована в проекте для ООО «ЯмалГазДобыча» (демо), экспертиза — весна 2028 года.',
    oecdField: '2.1',
    grnti: '67.11',
    alliance: 'arctic',
    keywords: ['термостабилизация', 'прогноз температуры грунтов', 'климатические сценарии', 'вечная мерзлота', 'СОУ', 'основания'],
    trlNow: 4,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2027-12-31',
    status: 'published',
  },
  // fits: imces-sensors, tusur-embedded, tusur-optoelectronics
  {
    key: 'permafrost-wireless-thermistor',
    companyKey: 'permafrost',
    language: 'ru',
    title: 'Беспроводная термометрическая коса с автономным питанием',
    summary: 'Нужна недорогая термокоса для скважин мониторинга, передающая данные по радиоканалу без обслуживания в течение нескольких лет.',
    problem:
      'Сейчас температуру грунтов в скважинах мы измеряем вручную переносными логгерами раз в месяц, объезжая площадки на вездеходе. ' +
      'Импортные автоматические системы дороги и плохо переносят полярную ночь. ' +
      'Нужна термокоса на 10–15 м с точностью 0,1 °C, питанием не менее трёх лет и передачей данных по LoRaWAN или спутниковому каналу на наш сервер.',
    expectedResult:
      'Опытная партия из 20 термокос с базовой станцией, прошедшая испытания в климатической камере и на объекте. ' +
      'Документация для серийного производства.',
    confidentialDetails:
      'Потребность — 400 скважин в 2028–2029 годах. ' +
      'Целевая цена термокосы с радиомодулем — до 45 тыс. рублей.',
    oecdField: '2.2',
    grnti: '59.37',
    alliance: 'arctic',
    keywords: ['термокоса', 'мониторинг температуры грунтов', 'LoRaWAN', 'автономное питание', 'беспроводная телеметрия', 'датчики температуры'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 2_500_000,
    budgetMaxRoubles: 6_000_000,
    deadline: '2028-04-30',
    status: 'published',
  },
  // fits: tsuab-concrete, tsuab-permafrost
  {
    key: 'permafrost-pile-concrete',
    companyKey: 'permafrost',
    language: 'ru',
    title: 'Бетонная смесь для буронабивных свай в мёрзлых грунтах',
    summary: 'Нужен состав бетона, твердеющего в скважине в контакте с мёрзлым грунтом без его растепления.',
    problem:
      'При устройстве буронабивных свай в мерзлоте тёплая бетонная смесь растепляет грунт вокруг скважины, и смерзание восстанавливается месяцами. ' +
      'Холодная смесь без добавок не набирает прочность. ' +
      'Нужен состав с противоморозными добавками и низким тепловыделением, который набирает прочность при отрицательной температуре грунта и обеспечивает быстрое восстановление смерзания.',
    expectedResult:
      'Рецептура и технологический регламент бетонирования свай. ' +
      'Результаты лабораторных испытаний прочности и опытного бетонирования трёх свай с термометрическим контролем.',
    confidentialDetails:
      'Объект — вахтовый посёлок в Тазовском районе, 620 свай длиной 12 м. ' +
      'Поставщик цемента и добавок — ООО «СеверБетон» (демо).',
    oecdField: '2.1',
    grnti: '67.09',
    alliance: 'arctic',
    keywords: ['буронабивные сваи', 'противоморозные добавки', 'бетонирование при отрицательных температурах', 'тепловыделение', 'мёрзлый грунт', 'смерзание'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 3_500_000,
    deadline: '2027-08-31',
    status: 'published',
  },

  // ─── Cryo Materials ───────────────────────────────────────────────────────────────────────────
  // fits: ispms-composites
  {
    key: 'cryo-hydraulic-seals',
    companyKey: 'cryomaterials',
    language: 'en',
    title: 'Elastomer seal compound for hydraulic cylinders operating at −60 °C',
    summary: 'We need a seal material that stays elastic and leak-tight in hydraulic cylinders of mining and drilling machines in Arctic winter.',
    problem:
      'Rod and piston seals of hydraulic cylinders on excavators and drilling rigs lose elasticity below −45 °C and start leaking after cold starts. ' +
      'Imported low-temperature compounds are no longer available to us. ' +
      'We need a seal compound with a glass transition below −65 °C, good wear resistance against chromium-plated rods and compatibility with low-viscosity hydraulic oils.',
    expectedResult:
      'A compound formulation and a batch of prototype seals that pass bench tests with 10 000 cycles at −60 °C without leakage. ' +
      'Test data on hardness, compression set and oil swelling.',
    confidentialDetails:
      'Annual demand: about 40 000 seals of 25 standard sizes. ' +
      'Target price per seal below RUB 800; moulding is done by our partner in Yekaterinburg.',
    oecdField: '2.5',
    grnti: '61.63',
    alliance: 'arctic',
    keywords: ['low-temperature elastomers', 'hydraulic seals', 'glass transition', 'wear resistance', 'Arctic machinery', 'cold start'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2027-11-30',
    status: 'published',
  },
  // fits: ipc-petrochem, ispms-composites
  {
    key: 'cryo-open-gear-grease',
    companyKey: 'cryomaterials',
    language: 'en',
    title: 'Low-temperature grease for open gears of mining excavators',
    summary: 'We want to develop a synthetic open-gear lubricant that can be pumped and still protects gear teeth at −50 °C.',
    problem:
      'Open gear drives of walking excavators and mills in northern mines are lubricated with greases that become too stiff to spray below −35 °C. ' +
      'Maintenance teams heat the lubricant or switch to summer stops, which costs production. ' +
      'We need a formulation on a synthetic base oil with solid lubricants that remains sprayable at −50 °C and gives adequate scuffing protection.',
    expectedResult:
      'A grease formulation with measured low-temperature rheology and four-ball and scuffing test results. ' +
      'A pilot batch of 200 kg for field trials.',
    confidentialDetails:
      'Field trial site: an open-pit coal mine in Yakutia (name under NDA). ' +
      'Target cost of goods: RUB 650 per kg.',
    oecdField: '2.4',
    grnti: '61.51',
    alliance: 'arctic',
    keywords: ['grease', 'low-temperature rheology', 'open gears', 'synthetic base oil', 'solid lubricants', 'tribology'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 4_000_000,
    deadline: '2028-01-31',
    status: 'published',
  },
  // fits: ispms-coatings, hcei-plasma
  {
    key: 'cryo-icephobic-coating',
    companyKey: 'cryomaterials',
    language: 'en',
    title: 'Durable ice-phobic coating for Arctic machinery',
    summary: 'We need a coating that reduces ice adhesion on steel parts of Arctic machines and survives abrasion by snow and sand.',
    problem:
      'Ice builds up on hydraulic rods, cab steps, sensors and conveyor parts of machines operating in the Arctic, causing breakdowns and injuries. ' +
      'Commercial hydrophobic sprays lose their effect after a few weeks of abrasion. ' +
      'We need a coating technology that lowers ice adhesion at least fivefold compared with bare steel and keeps it after 100 icing-deicing cycles and sand abrasion.',
    expectedResult:
      'A coating process applicable to steel parts up to 1 m long and test results for ice adhesion, wear and corrosion. ' +
      'Coated parts for a winter field trial.',
    confidentialDetails:
      'Pilot customer: a port operator in Sabetta (name under NDA). ' +
      'Acceptable cost of the coating: up to RUB 15 000 per square metre.',
    oecdField: '2.5',
    grnti: '55.22',
    alliance: 'arctic',
    keywords: ['ice-phobic coating', 'ice adhesion', 'surface engineering', 'wear resistance', 'Arctic', 'anti-icing'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2028-03-31',
    status: 'published',
  },

  // ─── РобоТехника Сибирь ───────────────────────────────────────────────────────────────────────
  // fits: tpu-robotics, tusur-vision
  {
    key: 'robotech-adaptive-welding',
    companyKey: 'robotech',
    language: 'ru',
    title: 'Адаптивная роботизированная сварка толстолистовых конструкций с переменным зазором',
    summary: 'Нужна система, которая измеряет разделку кромок перед сваркой и меняет траекторию и режим робота под фактический стык.',
    problem:
      'Наши сварочные ячейки варят балки и фермы из листа толщиной 12–40 мм, собранные на прихватках с зазорами от 0 до 5 мм. ' +
      'Программа, записанная по эталонной детали, не учитывает фактическую геометрию, и сварщикам приходится вручную исправлять до 20 % швов. ' +
      'Нужны сканирование стыка лазерным профилометром, расчёт многопроходной раскладки валиков и коррекция траектории и параметров сварки на лету.',
    expectedResult:
      'Программный модуль адаптивной сварки для роботов FANUC и KUKA, проверенный на трёх типах изделий. ' +
      'Снижение доли швов, требующих ручной доработки, до 3 %.',
    confidentialDetails:
      'Первая поставка — завод мостовых конструкций в Кемерове, 4 ячейки. ' +
      'Лазерные профилометры — отечественные РФ627, можем предоставить два комплекта.',
    oecdField: '2.3',
    grnti: '55.30',
    alliance: 'robotics',
    keywords: ['сварочный робот', 'адаптивная сварка', 'лазерный профилометр', 'seam tracking', 'многопроходная сварка', 'коррекция траектории'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 4_000_000,
    budgetMaxRoubles: 10_000_000,
    deadline: '2028-01-31',
    status: 'published',
  },
  // fits: iao-lasers, tpu-robotics
  {
    key: 'robotech-weld-pool-imaging',
    companyKey: 'robotech',
    language: 'ru',
    title: 'Видеонаблюдение за сварочной ванной сквозь излучение дуги',
    summary: 'Нужна камера или оптическая система, позволяющая видеть расплав и каплепереход при дуговой сварке для отладки режимов.',
    problem:
      'При отработке новых режимов роботизированной сварки мы не видим, что происходит в сварочной ванне: яркость дуги забивает изображение любой камеры. ' +
      'Светофильтры и короткие выдержки дают лишь силуэт. ' +
      'Нам нужна система визуализации расплава и переноса металла с частотой не менее 5 тыс. кадров в секунду для лаборатории и, в перспективе, для контроля на производстве.',
    expectedResult:
      'Экспериментальная установка визуализации, совместимая с нашей роботизированной ячейкой, и серия видеозаписей для пяти режимов. ' +
      'Оценка возможности компактного исполнения для цеха.',
    confidentialDetails:
      'Речь идёт о режимах импульсной MIG-сварки алюминиевых сплавов для вагоностроительного заказчика. ' +
      'Бюджет на покупку оборудования по итогам — до 10 млн рублей.',
    oecdField: '1.3',
    grnti: '29.33',
    alliance: 'robotics',
    keywords: ['сварочная ванна', 'высокоскоростная съёмка', 'визуализация', 'дуговая сварка', 'перенос металла', 'оптическая система'],
    trlNow: 3,
    trlWanted: 5,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 4_000_000,
    deadline: '2027-10-31',
    status: 'published',
  },

  // ─── Манипулятор-Т ────────────────────────────────────────────────────────────────────────────
  // fits: tpu-robotics, ispms-composites
  {
    key: 'manipulator-soft-gripper',
    companyKey: 'manipulator',
    language: 'ru',
    title: 'Мягкий адаптивный захват для укладки выпечки и кондитерских изделий',
    summary: 'Нужен захватный механизм из пищевых материалов, который берёт изделия разной формы без повреждения на высокой скорости.',
    problem:
      'Наши лёгкие манипуляторы укладывают продукцию в лотки на хлебозаводах и кондитерских фабриках. ' +
      'Вакуумные присоски повреждают мягкие изделия и не берут пористую выпечку, а механические пальцы требуют перенастройки на каждый ассортимент. ' +
      'Нужен пневматический мягкий захват из допущенных к контакту с пищей эластомеров, выдерживающий мойку и 2 млн циклов.',
    expectedResult:
      'Опытные образцы захвата для трёх типов изделий и результаты ресурсных испытаний. ' +
      'Технология изготовления эластомерных пальцев литьём или 3D-печатью.',
    confidentialDetails:
      'Первый клиент — кондитерская фабрика «Сибирская сладость» (демо), 12 линий. ' +
      'Себестоимость захвата — не выше 70 тыс. рублей.',
    oecdField: '2.3',
    grnti: '55.30',
    alliance: 'robotics',
    keywords: ['soft robotics', 'мягкий захват', 'пищевая промышленность', 'эластомеры', 'пневмопривод', 'укладка продукции'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 3_500_000,
    deadline: '2027-09-30',
    status: 'published',
  },
  // fits: tusur-embedded
  {
    key: 'manipulator-washdown-servo',
    companyKey: 'manipulator',
    language: 'ru',
    title: 'Сервопривод в защищённом исполнении для пищевых производств',
    summary: 'Нужен компактный сервопривод со встроенной электроникой, выдерживающий мойку под высоким давлением.',
    problem:
      'Импортные сервоприводы в нержавеющем корпусе с классом защиты IP69K стали недоступны, а отечественные аналоги крупнее и требуют отдельного шкафа управления. ' +
      'Нам нужен привод мощностью 400–750 Вт со встроенным преобразователем, энкодером и интерфейсом EtherCAT в герметичном корпусе. ' +
      'Важна отработка алгоритмов управления и тепловой режим в закрытом корпусе.',
    expectedResult:
      'Опытные образцы сервопривода двух типоразмеров с встроенным ПО и результаты испытаний на герметичность и нагрев. ' +
      'Документация для передачи в производство.',
    confidentialDetails:
      'Потребность — 1,5 тыс. приводов в год. ' +
      'Корпуса изготовит наш партнёр ООО «НержМаш» (демо); целевая цена привода — 60 тыс. рублей.',
    oecdField: '2.2',
    grnti: '45.41',
    alliance: 'robotics',
    keywords: ['сервопривод', 'IP69K', 'EtherCAT', 'встроенная электроника', 'пищевое машиностроение', 'управление двигателем'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 7_000_000,
    deadline: '2028-06-30',
    status: 'published',
  },

  // ─── Томский завод автоматики ─────────────────────────────────────────────────────────────────
  // fits: tsu-data, tusur-embedded
  {
    key: 'tza-motor-diagnostics',
    companyKey: 'tza',
    language: 'ru',
    title: 'Встроенная предиктивная диагностика асинхронных двигателей в преобразователе частоты',
    summary: 'Хотим, чтобы наш частотный преобразователь сам распознавал развивающиеся неисправности двигателя и механизма по току и напряжению.',
    problem:
      'Клиенты просят функцию прогнозного обслуживания насосов, вентиляторов и конвейеров, но ставить дополнительные вибродатчики на каждый двигатель дорого. ' +
      'Преобразователь уже измеряет токи фаз и напряжение звена постоянного тока. ' +
      'Нужны алгоритмы, выявляющие по этим сигналам дефекты подшипников, обрыв стержней ротора, перекос и кавитацию, и их реализация с учётом ресурсов контроллера.',
    expectedResult:
      'Алгоритмы диагностики с точностью распознавания основных дефектов не ниже 85 % на стенде и на трёх промышленных объектах. ' +
      'Библиотека для встроенного ПО преобразователя.',
    confidentialDetails:
      'Контроллер преобразователя — отечественный на ядре Cortex-M7, свободно 200 КБ ОЗУ. ' +
      'Серия — ТЗА-ПЧ 5,5–90 кВт, около 7 тыс. штук в год.',
    oecdField: '1.2',
    grnti: '28.23',
    alliance: 'robotics',
    keywords: ['предиктивное обслуживание', 'диагностика двигателей', 'анализ тока', 'преобразователь частоты', 'машинное обучение', 'встроенное ПО'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 3_000_000,
    budgetMaxRoubles: 6_500_000,
    deadline: '2028-03-31',
    status: 'published',
  },
  // fits: tusur-microwave, tusur-embedded
  {
    key: 'tza-emc',
    companyKey: 'tza',
    language: 'ru',
    title: 'Снижение электромагнитных помех частотного преобразователя до норм сертификации',
    summary: 'Новая серия преобразователей не проходит испытания по кондуктивным и излучаемым помехам; нужна помощь в доработке.',
    problem:
      'При предсертификационных испытаниях новой серии преобразователей частоты превышены нормы кондуктивных помех в диапазоне 150 кГц – 2 МГц и излучаемых помех на частотах 80–200 МГц. ' +
      'Внутренними силами найти источники не удалось. ' +
      'Нужны диагностика, локализация источников помех, переработка фильтров, топологии платы и экранирования с повторными измерениями.',
    expectedResult:
      'Доработанная конструкция, соответствующая ГОСТ CISPR 11 класса A, и протокол предсертификационных измерений. ' +
      'Рекомендации по проектированию следующих изделий.',
    confidentialDetails:
      'Срыв сертификации задерживает поставку по контракту с ПАО «СибЭнерго» (демо) на 300 шкафов. ' +
      'Схемы и трассировку плат передадим после NDA.',
    oecdField: '2.2',
    grnti: '47.14',
    alliance: 'robotics',
    keywords: ['ЭМС', 'электромагнитные помехи', 'EMC', 'фильтры', 'печатная плата', 'сертификация'],
    trlNow: 6,
    trlWanted: 7,
    budgetMinRoubles: 800_000,
    budgetMaxRoubles: 2_000_000,
    deadline: '2027-05-31',
    status: 'published',
  },

  // ─── КоботЛаб ─────────────────────────────────────────────────────────────────────────────────
  // fits: tusur-vision, tpu-robotics
  {
    key: 'cobotlab-teach-by-demonstration',
    companyKey: 'cobotlab',
    language: 'ru',
    title: 'Программирование коллаборативного робота показом движений оператора',
    summary: 'Нужно, чтобы оператор без навыков программирования мог задать роботу операцию, показав её руками перед камерой.',
    problem:
      'Наши заказчики — небольшие производства без инженеров-робототехников. ' +
      'Даже наш визуальный редактор программ требует обучения, а ассортимент у заказчиков меняется еженедельно. ' +
      'Хотим, чтобы оператор демонстрировал операцию (взять, перенести, вставить), система распознавала положение рук и объектов по камере глубины и формировала программу кобота, а затем проверяла её на безопасность.',
    expectedResult:
      'Прототип системы обучения показом для типовых операций сборки и перекладки с успешностью воспроизведения не ниже 90 %. ' +
      'Интеграция с нашим контроллером через API.',
    confidentialDetails:
      'Коботы — собственной разработки, 6 степеней свободы, грузоподъёмность 5 кг. ' +
      'Пилот — мебельная фурнитура в Новосибирске.',
    oecdField: '1.2',
    grnti: '55.30',
    alliance: 'robotics',
    keywords: ['кобот', 'обучение показом', 'распознавание жестов', 'камера глубины', 'no-code', 'programming by demonstration'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 2_000_000,
    budgetMaxRoubles: 5_000_000,
    deadline: '2028-02-29',
    status: 'published',
  },
  // fits: ispms-additive, tpu-robotics
  {
    key: 'cobotlab-lightweight-links',
    companyKey: 'cobotlab',
    language: 'ru',
    title: 'Облегчённые звенья манипулятора, изготовленные аддитивными методами',
    summary: 'Хотим снизить массу звеньев кобота за счёт топологической оптимизации и выращивания из титанового или алюминиевого сплава.',
    problem:
      'Масса звеньев нашего кобота ограничивает грузоподъёмность и скорость при соблюдении норм безопасности. ' +
      'Литые алюминиевые корпуса тяжелее необходимого, а мелкосерийное литьё дорого. ' +
      'Нужна оптимизация формы звеньев под нагрузки и изготовление опытных образцов аддитивными технологиями с подтверждением прочности и жёсткости.',
    expectedResult:
      'Облегчённые на 30 % звенья плеча и предплечья с подтверждёнными испытаниями характеристиками. ' +
      'Оценка себестоимости при выпуске 200 комплектов в год.',
    confidentialDetails:
      'Заявка в работе: ждём расчёт нагрузок от нашего конструктора. ' +
      'Ориентировочный бюджет согласован с инвестором.',
    oecdField: '2.3',
    grnti: '55.23',
    alliance: 'robotics',
    keywords: ['аддитивное производство', 'топологическая оптимизация', 'звенья манипулятора', 'титановый сплав', 'снижение массы', 'коллаборативный робот'],
    trlNow: 3,
    trlWanted: 5,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 4_000_000,
    deadline: '2028-06-30',
    status: 'draft',
  },

  // ─── Агро Инновации Сибири ────────────────────────────────────────────────────────────────────
  // fits: sibniit-peat
  {
    key: 'agroinno-liquid-humate',
    companyKey: 'agroinno',
    language: 'ru',
    title: 'Жидкое гуминовое удобрение из верхового торфа',
    summary: 'Нужна технология получения концентрированного жидкого гумата из торфа нашего месторождения и подтверждение его эффективности.',
    problem:
      'Мы арендуем участок верхового торфа низкой степени разложения и хотим выпускать жидкие гуминовые удобрения для некорневых подкормок. ' +
      'Известные технологии рассчитаны на низинный торф и бурый уголь; на нашем сырье выход гуминовых кислот низкий, а концентрат неустойчив при хранении. ' +
      'Нужна технология экстракции и стабилизации концентрата и испытания на культурах.',
    expectedResult:
      'Технологический регламент с выходом гуминовых веществ не ниже 20 % от органической массы и сроком хранения концентрата не менее года. ' +
      'Результаты вегетационных и полевых испытаний на двух культурах.',
    confidentialDetails:
      'Запасы участка — 1,2 млн т торфа, планируемый выпуск — 500 тыс. литров в год. ' +
      'Целевая себестоимость — 60 рублей за литр.',
    oecdField: '4.1',
    grnti: '68.33',
    keywords: ['гуминовые удобрения', 'верховой торф', 'гуматы', 'экстракция', 'некорневая подкормка', 'стимуляторы роста'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 3_500_000,
    deadline: '2027-12-31',
    status: 'published',
  },
  // fits: sibniit-agrobiotech, tsu-biotech
  {
    key: 'agroinno-seed-biofungicide',
    companyKey: 'agroinno',
    language: 'ru',
    title: 'Биологический протравитель семян против фузариозных и ризоктониозных гнилей',
    summary: 'Ищем штамм-антагонист и препаративную форму для биопротравителя зерновых и картофеля.',
    problem:
      'Хозяйства Сибири переходят на биологизированные технологии, но имеющиеся на рынке биопротравители нестабильно защищают от корневых гнилей в холодную весну. ' +
      'Нужен отбор штаммов-антагонистов, активных при температуре почвы 6–10 °C, подбор препаративной формы со сроком хранения не менее года и полевые испытания. ' +
      'Интересуют бактерии рода Bacillus или грибы Trichoderma.',
    expectedResult:
      'Запатентованный штамм и опытная партия препарата, прошедшая полевые испытания на пшенице и картофеле в двух сезонах. ' +
      'Комплект данных для регистрации пестицида.',
    confidentialDetails:
      'Производство планируем на мощностях партнёра в Бердске, ферментёры на 3 м³. ' +
      'Целевая цена обработки — 450 рублей на гектар.',
    oecdField: '4.4',
    grnti: '68.37',
    keywords: ['биопротравитель', 'биофунгицид', 'штаммы-антагонисты', 'корневые гнили', 'фузариоз', 'биологическая защита растений'],
    trlNow: 2,
    trlWanted: 6,
    budgetMinRoubles: 2_500_000,
    budgetMaxRoubles: 6_000_000,
    deadline: '2028-11-30',
    status: 'published',
  },
  // fits: ipc-remediation, sibniit-agrobiotech
  {
    key: 'agroinno-oil-degrading-product',
    companyKey: 'agroinno',
    language: 'ru',
    title: 'Биопрепарат для очистки почв от нефтяного загрязнения в холодном климате',
    summary: 'Хотим добавить в линейку препарат-нефтедеструктор, работающий при низких температурах почвы.',
    problem:
      'Нефтяные компании Томской области и ХМАО ежегодно рекультивируют загрязнённые участки, но существующие биопрепараты разработаны для тёплых регионов и медленно работают при температуре почвы ниже 10 °C. ' +
      'Нам нужен консорциум микроорганизмов, разрушающих углеводороды нефти в холодных почвах, и технология его применения.',
    expectedResult:
      'Консорциум штаммов и рецептура препарата, снижающие содержание нефтепродуктов в почве вдвое за один сезон при средней температуре 8 °C. ' +
      'Результаты полевого опыта.',
    confidentialDetails:
      'Черновик: уточняем потребность с двумя нефтесервисными компаниями. ' +
      'Возможный объём — 60 т препарата в год.',
    oecdField: '2.8',
    grnti: '87.21',
    keywords: ['нефтедеструкторы', 'биоремедиация', 'рекультивация', 'нефтезагрязнение', 'микробный консорциум', 'холодные почвы'],
    trlNow: 2,
    trlWanted: 5,
    budgetMinRoubles: 1_500_000,
    budgetMaxRoubles: 4_000_000,
    deadline: '2028-09-30',
    status: 'draft',
  },

  // ─── ЭнергоЭффект ─────────────────────────────────────────────────────────────────────────────
  // fits: tpu-chemtech
  {
    key: 'energyeffect-kiln-heat-recovery',
    companyKey: 'energyeffect',
    language: 'ru',
    title: 'Утилизация тепла влажного воздуха лесосушильных камер',
    summary: 'Нужна схема возврата тепла отработанного воздуха сушильных камер пиломатериалов с расчётом окупаемости.',
    problem:
      'Лесопильный завод нашего клиента сушит 120 тыс. м³ пиломатериалов в год в конвективных камерах, выбрасывая влажный воздух с температурой 60–80 °C. ' +
      'На сушку уходит до 40 % тепла котельной на древесных отходах. ' +
      'Нужно оценить потенциал утилизации теплоты, в том числе конденсации водяного пара, выбрать теплообменники или тепловые насосы, стойкие к смолистому конденсату, и составить тепловой баланс.',
    expectedResult:
      'Технико-экономическое обоснование схемы рекуперации с тепловым балансом и подбором оборудования. ' +
      'Рабочая документация на пилотную установку для одной камеры.',
    confidentialDetails:
      'Завод — ООО «Асино Тимбер» (демо), 24 камеры. ' +
      'Срок окупаемости, приемлемый для клиента, — не более четырёх лет; мы рассчитываем на энергосервисный контракт.',
    oecdField: '2.7',
    grnti: '44.31',
    keywords: ['рекуперация тепла', 'утилизация тепла', 'сушильные камеры', 'тепловой насос', 'теплообменник', 'энергосбережение'],
    trlNow: 4,
    trlWanted: 7,
    budgetMinRoubles: 1_000_000,
    budgetMaxRoubles: 3_000_000,
    deadline: '2027-06-30',
    status: 'published',
  },
  // fits: tpu-thermal-ndt, tusur-vision
  {
    key: 'energyeffect-thermogram-analysis',
    companyKey: 'energyeffect',
    language: 'ru',
    title: 'Автоматическая обработка термограмм при энергетических обследованиях',
    summary: 'Нужен инструмент, который находит на термограммах зданий и теплосетей участки теплопотерь и количественно их оценивает.',
    problem:
      'При энергоаудите мы делаем тысячи тепловизионных снимков ограждающих конструкций, трубопроводов и оборудования, а отчёты составляем вручную. ' +
      'Инженер тратит до двух дней на объект, и результаты зависят от квалификации. ' +
      'Нужно ПО, которое выделяет аномалии, учитывает излучательную способность, отражения и условия съёмки и оценивает тепловые потери.',
    expectedResult:
      'Программный модуль обработки радиометрических термограмм с формированием отчёта и оценкой тепловых потерь с погрешностью не более 20 %. ' +
      'Методика съёмки для персонала.',
    confidentialDetails:
      'Ежегодно выполняем около 150 обследований. ' +
      'Используем тепловизоры Testo 883 и Guide; лицензию на ПО хотим получить на срок не менее 10 лет.',
    oecdField: '2.7',
    grnti: '44.31',
    keywords: ['тепловизионное обследование', 'термограммы', 'энергоаудит', 'теплопотери', 'обработка изображений', 'thermal imaging'],
    trlNow: 3,
    trlWanted: 6,
    budgetMinRoubles: 1_200_000,
    budgetMaxRoubles: 3_000_000,
    deadline: '2027-11-30',
    status: 'published',
  },
]
