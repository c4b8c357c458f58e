import { labFacts, requestFacts } from '../factories/match-facts'
import { createI18n } from '~/i18n'
import { explainedWords, explainMatch, isNoiseWord } from '~/modules/matching/explanation'
import { deadlineFit, REASON_MEETS, structuredFit, type CriterionReason, type LabFacts, type RequestFacts, type TrackRecord } from '~/modules/matching/fit'
import { presentExplanation, type StoredExplanation } from '~/modules/matching/present'

const lab = labFacts
const request = requestFacts
const TODAY = '2026-11-23'
const noPublications = { matchedPublications: [] }
const words = (terms: Parameters<typeof explainedWords>[0]) => explainedWords(terms).map((w) => w.word)

describe('the words a match is explained by', () => {
  it('leave out units, numbers, number-and-unit fragments, stop words, set-phrase fragments and one- or two-letter tokens', () => {
    for (const noise of ['мм', 'кг', 'мг', 'нм', 'nm', 'c', 'с', 'мкм', 'ммоль', 'mpa', 'кгц', '60', '2024', '10мм', '5kg', 'в', 'the', 'which', 'числе', 'частности', 'количестве', 'физико', 'масс', 'ик', 'ai']) {
      expect(isNoiseWord(noise), noise).toBe(true)
    }
    for (const word of ['катализатор', 'гидроочистки', 'permafrost', 'co2', 'полимер', 'спектрометр', 'связи']) {
      expect(isNoiseWord(word), word).toBe(false)
    }
  })

  it('never show a noise word: a pair that holds one keeps its telling word, a pair of noise words is dropped', () => {
    const shown = words(['мм', 'числе', '60 c', 'катализатор', 'температура 60', 'в', 'nm', '2024', 'числе катализаторов', 'кг мм', 'гидроочистки'])
    expect(shown).toEqual(['катализатор', 'температура', 'катализаторов', 'гидроочистки'])
  })

  it('show a word once, and a word pair instead of its single words', () => {
    expect(words(['катализатор', 'катализатор гидроочистки', 'гидроочистки', 'сера'])).toEqual(['катализатор гидроочистки', 'сера'])
    expect(words(['катализатор гидроочистки', 'катализатор', 'температура 60', 'температура'])).toEqual(['катализатор гидроочистки', 'температура'])
  })

  it('show at most eight words, counted after the noise is gone', () => {
    const terms = ['мм', 'кг', '60', ...['один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'].map((w) => `${w}ный`)]
    expect(words(terms)).toEqual(['одинный', 'дваный', 'триный', 'четыреный', 'пятьный', 'шестьный', 'семьный', 'восемьный'])
  })

  it('carry the lab’s spelling when the match crossed languages, cleaned of noise the same way', () => {
    expect(
      explainedWords([
        { word: 'катализатор', counterpart: 'catalyst' },
        { word: 'температура 60', counterpart: 'temperature 60' },
        { word: 'полимер', counterpart: 'полимер' },
        { word: 'вязкость', counterpart: null },
        { word: 'спектрометр', counterpart: 'nm' },
      ]),
    ).toEqual([
      { word: 'катализатор', counterpart: 'catalyst' },
      { word: 'температура', counterpart: 'temperature' },
      { word: 'полимер', counterpart: null },
      { word: 'вязкость', counterpart: null },
      { word: 'спектрометр', counterpart: null },
    ])
  })

  it('are built from the relevance model’s shared terms, which give no counterpart yet', () => {
    const explanation = explainMatch({ matchedTerms: ['гидроочистка', 'мм', 'дизельное топливо'], ...noPublications }, [], { contracts: 0, typicalPrice: null, typicalMonths: null })
    expect(explanation.words).toEqual([
      { word: 'гидроочистка', counterpart: null },
      { word: 'дизельное топливо', counterpart: null },
    ])
  })
})

// Words that make a sentence read as a misfit. A sentence that says a condition is met has none of
// them; one that says it is not met has at least one.
const MISFIT_CUES = {
  ru: /(?<!\p{L})(не|нет|ни|ниже|меньше|лишь|только|частично|другая|другой|другое|мало|прошёл)(?!\p{L})/iu,
  en: /(?<!\p{L})(not|no|under|below|less|only|part|different|another|outside|little|passed)(?!\p{L})/iu,
}

const SAMPLE_PARAMS = {
  field: '2.10',
  fieldName: 'Химическая технология',
  area: '2',
  areaName: 'Технические науки',
  labField: '2.3',
  labFieldName: 'Электротехника',
  labMin: 4,
  labMax: 6,
  now: 3,
  wanted: 8,
  allianceName: 'Фарма',
  budgetMax: '1 000 000 ₽',
  typicalPrice: '4 000 000 ₽',
  months: 6,
  typicalMonths: 10,
  days: 40,
  deadline: '2026-12-31',
  regionName: 'Томская область',
  labRegionName: 'Новосибирская область',
}

const CONDITION_REASONS = (Object.keys(REASON_MEETS) as CriterionReason[]).filter((reason) => !reason.startsWith('trackRecord.'))

/** Every criterion each rule gives over a spread of pairs, track records and deadlines. */
function criteriaOverManyPairs() {
  const labs = [lab(), lab({ oecdFields: ['2.3'] }), lab({ oecdFields: ['5.1'], alliance: null, region: '54' }), lab({ trlMin: 1, trlMax: 3 }), lab({ trlMin: 5, trlMax: 9 }), lab({ region: null })]
  const requests = [
    request(),
    request({ alliance: null }),
    request({ trlNow: 3, trlWanted: 8 }),
    request({ budgetMax: 500_000_00 }),
    request({ deadline: '2027-01-10' }),
    request({ deadline: '2027-05-23' }),
    request({ deadline: '2027-10-23' }),
    request({ deadline: '2026-11-01' }),
  ]
  const records: TrackRecord[] = [
    { contracts: 0, typicalPrice: null, typicalMonths: null },
    { contracts: 2, typicalPrice: 4_000_000_00, typicalMonths: 10 },
    { contracts: 5, typicalPrice: 1_000_000_00, typicalMonths: 3 },
  ]
  return labs.flatMap((l) => requests.flatMap((r) => records.flatMap((record) => structuredFit(l, r, record, TODAY).map((c) => ({ c, record })))))
}

describe('each ✓ and ✗ agrees with its sentence', () => {
  it('marks a condition met exactly when its sentence says so, and only then counts it fully', () => {
    const seen = new Set<string>()
    for (const { c, record } of criteriaOverManyPairs()) {
      seen.add(c.reason)
      expect(c.met, c.reason).toBe(REASON_MEETS[c.reason])
      if (c.name !== 'trackRecord') expect(c.value === 1, c.reason).toBe(c.met)
      const explained = explainMatch({ matchedTerms: [], ...noPublications }, [c], record).criteria
      if (c.name !== 'trackRecord') expect(explained).toEqual([{ criterion: c.name, reason: c.reason, params: c.params, fits: c.met }])
    }
    // The spread reaches every sentence a condition can say.
    expect([...seen].filter((r) => !r.startsWith('trackRecord.')).sort()).toEqual([...CONDITION_REASONS].sort())
  })

  it('never reads as a misfit beside a ✓, nor as a fit beside a ✗, in Russian or English', () => {
    for (const locale of ['ru', 'en'] as const) {
      const t = createI18n(locale).t
      for (const reason of CONDITION_REASONS) {
        const key = `match.criterion.${reason}`
        const sentence = t(key, SAMPLE_PARAMS)
        expect(sentence, `${locale} ${key}`).not.toBe(key)
        expect(MISFIT_CUES[locale].test(sentence), `${locale} ${reason}: ${sentence}`).toBe(!REASON_MEETS[reason])
      }
    }
  })

  it('marks "6 months to the deadline where the organisation’s contracts take 10" as unmet, and says so', () => {
    const tight = deadlineFit({ contracts: 2, typicalPrice: null, typicalMonths: 10 }, request({ deadline: '2027-05-25' }), TODAY)!
    expect(tight).toMatchObject({ reason: 'deadline.tight', met: false, params: { months: 6, typicalMonths: 10 } })
    expect(explainMatch({ matchedTerms: [], ...noPublications }, [tight], { contracts: 2, typicalPrice: null, typicalMonths: 10 }).criteria[0].fits).toBe(false)
    expect(createI18n('ru').t('match.criterion.deadline.tight', tight.params)).toBe('До срока только 6 мес., меньше обычной длительности договоров организации (10 мес.)')
  })
})

describe('stored explanations', () => {
  it('read rows that store words as strings, and give their old marks from today’s rule', () => {
    const stored: StoredExplanation = {
      words: ['мм', 'катализатор', '60 c', 'числе'],
      publications: { count: 0, titles: [] },
      criteria: [
        { criterion: 'deadline', reason: 'deadline.tight', params: { months: 6, typicalMonths: 10 }, fits: true },
        { criterion: 'field', reason: 'field.same', params: { field: '2.10' }, fits: true },
      ],
      trackRecord: { contracts: 2 },
    }
    const shown = presentExplanation(stored, 'ru')
    expect(shown.words).toEqual([{ word: 'катализатор', counterpart: null }])
    expect(shown.criteria.map((c) => [c.reason, c.fits])).toEqual([
      ['deadline.tight', false],
      ['field.same', true],
    ])
    expect(shown.criteria[1].params.fieldName).toBeTruthy()
  })

  it('read rows that store words with their counterparts', () => {
    const stored: StoredExplanation = { words: [{ word: 'катализатор', counterpart: 'catalyst' }], publications: { count: 0, titles: [] }, criteria: [], trackRecord: { contracts: 0 } }
    expect(presentExplanation(stored, 'en').words).toEqual([{ word: 'катализатор', counterpart: 'catalyst' }])
  })
})
