import { labFacts, requestFacts } from '../factories/match-facts'
import { createI18n } from '~/i18n'
import type { Actor } from '~/modules/permissions/actor'
import { can } from '~/modules/permissions/can'
import { buildMatchingCorpus, analyzeLab, analyzeRequest, scoreLabForRequest, textRelevanceScore } from '~/modules/matching/text-relevance'
import { explainMatch } from '~/modules/matching/explanation'
import {
  allianceFit,
  budgetFit,
  deadlineFit,
  fieldFit,
  NO_TRACK_RECORD,
  regionFit,
  structuredFit,
  structureScore,
  trackRecordFit,
  trlFit,
  type LabFacts,
  type RequestFacts,
} from '~/modules/matching/fit'
import { encodeLabPostings, encodeScripts, LabPostings, labTextFor, requestTextOf, type StoredRequestTerm } from '~/modules/matching/profile-codec'
import { planRetrieval } from '~/modules/matching/retrieval'
import { combine, compareRanked, isProposable, MIN_REFERENCE, scaleText, textRichness, textWeight } from '~/modules/matching/score'

const lab = labFacts
const request = requestFacts
const TODAY = '2026-11-23'

describe('structured fit', () => {
  it('counts the same field of science fully, the same area by half, another area not at all', () => {
    expect(fieldFit(lab(), request())).toMatchObject({ value: 1, reason: 'field.same', params: { field: '2.10' } })
    expect(fieldFit(lab({ oecdFields: ['2.3', '1.4'] }), request())).toMatchObject({ value: 0.5, reason: 'field.sameArea', params: { area: '2', labField: '2.3' } })
    expect(fieldFit(lab({ oecdFields: ['3.1'] }), request())).toMatchObject({ value: 0, reason: 'field.differs', params: { labField: '3.1' } })
  })

  it('wants the lab to work at the levels the request must reach: TRL 4–6 fits 4 → 5, half of 3 → 8 is partial, 7–9 is outside 2 → 4', () => {
    expect(trlFit(lab(), request())).toMatchObject({ value: 1, reason: 'trl.fits', params: { labMin: 4, labMax: 6, now: 4, wanted: 5 } })
    expect(trlFit(lab(), request({ trlNow: 3, trlWanted: 6 }))).toMatchObject({ value: 1, reason: 'trl.fits' })
    const partial = trlFit(lab(), request({ trlNow: 3, trlWanted: 8 }))
    expect(partial.reason).toBe('trl.partial')
    expect(partial.value).toBeCloseTo(3 / 5)
    expect(trlFit(lab({ trlMin: 7, trlMax: 9 }), request({ trlNow: 2, trlWanted: 4 }))).toMatchObject({ value: 0, reason: 'trl.outside' })
  })

  it('judges the alliance only when the request names one', () => {
    expect(allianceFit(lab(), request())).toMatchObject({ value: 1, reason: 'alliance.same' })
    expect(allianceFit(lab({ alliance: null }), request())).toMatchObject({ value: 0, reason: 'alliance.differs', params: { alliance: 'pharma' } })
    expect(allianceFit(lab(), request({ alliance: null }))).toBeNull()
  })

  it('judges budget and deadline against the organisation’s own contracts, and without them only a deadline under three months', () => {
    const record = { contracts: 2, typicalPrice: 4_000_000_00, typicalMonths: 12 }
    expect(budgetFit(record, request())).toMatchObject({ value: 1, reason: 'budget.fits' })
    expect(budgetFit(record, request({ budgetMax: 1_500_000_00 }))).toMatchObject({ value: 0, reason: 'budget.low' })
    expect(budgetFit(NO_TRACK_RECORD, request())).toBeNull()

    expect(deadlineFit(record, request({ deadline: '2028-01-31' }), TODAY)).toMatchObject({ value: 1, reason: 'deadline.fits', params: { typicalMonths: 12 } })
    const tight = deadlineFit(record, request({ deadline: '2027-05-23' }), TODAY)!
    expect(tight).toMatchObject({ reason: 'deadline.tight', params: { months: 5 } })
    expect(tight.value).toBeCloseTo(5 / 12)
    expect(deadlineFit(NO_TRACK_RECORD, request({ deadline: '2027-01-10' }), TODAY)).toMatchObject({ value: 0.5, reason: 'deadline.soon', params: { days: 48 } })
    expect(deadlineFit(NO_TRACK_RECORD, request({ deadline: '2027-12-31' }), TODAY)).toBeNull()
    expect(deadlineFit(NO_TRACK_RECORD, request({ deadline: '2026-11-01' }), TODAY)).toMatchObject({ value: 0, reason: 'deadline.passed' })
  })

  it('counts the same region, and a track record up to three contracts', () => {
    expect(regionFit(lab(), request())).toMatchObject({ value: 1, reason: 'region.same' })
    expect(regionFit(lab({ region: '54' }), request())).toMatchObject({ value: 0, reason: 'region.differs', params: { region: '70', labRegion: '54' } })
    expect(trackRecordFit(NO_TRACK_RECORD)).toMatchObject({ value: 0, reason: 'trackRecord.none' })
    expect(trackRecordFit({ contracts: 2, typicalPrice: null, typicalMonths: null }).value).toBeCloseTo(2 / 3)
    expect(trackRecordFit({ contracts: 7, typicalPrice: null, typicalMonths: null }).value).toBe(1)
  })

  it('averages the criteria that apply by their weights, the field weighing most', () => {
    const criteria = structuredFit(lab({ oecdFields: ['3.1'] }), request({ alliance: null }), NO_TRACK_RECORD, TODAY)
    expect(criteria.map((c) => c.name)).toEqual(['field', 'trl', 'region', 'trackRecord'])
    // field 0 × 3, trl 1 × 2, region 1 × 0.5, track record 0 × 1
    expect(structureScore(criteria)).toBeCloseTo(2.5 / 6.5)
    expect(structureScore([])).toBe(0)
  })
})

describe('score combination', () => {
  it('scales text relevance against the request’s best lab, never below the floor nor above 1', () => {
    expect(scaleText(0.1, 0.2)).toBeCloseTo(0.5)
    expect(scaleText(0.3, 0.2)).toBe(1)
    expect(scaleText(-0.05, 0.2)).toBe(0)
    // A request whose best lab explains it barely better than an average text does not make it a perfect match.
    expect(scaleText(0.002, 0.002)).toBeCloseTo(0.002 / MIN_REFERENCE)
    expect(scaleText(0.004, null)).toBeCloseTo(0.4)
  })

  it('keeps text dominant where texts are rich, and lets structured fit count more where they are thin', () => {
    const fits = structuredFit(lab(), request(), { contracts: 3, typicalPrice: null, typicalMonths: null }, TODAY)
    const misfits = structuredFit(lab({ oecdFields: ['5.1'], alliance: null, trlMin: 8, trlMax: 9, region: '77' }), request(), NO_TRACK_RECORD, TODAY)
    const anotherRegion = structuredFit(lab({ region: '77' }), request(), NO_TRACK_RECORD, TODAY)
    const rich = textRichness(100, 400)
    expect(rich).toBe(1)
    // An unmet condition costs a share of the score (see match-score-calibration.test.ts), but one
    // minor one does not outweigh a much better text.
    const bestTextMinorMisfit = combine(0.2, 0.2, anotherRegion, rich).score
    const weakerTextFullFit = combine(0.14, 0.2, fits, rich).score
    expect(bestTextMinorMisfit).toBeGreaterThan(weakerTextFullFit)

    const thin = textRichness(20, 30)
    expect(textWeight(thin)).toBeLessThan(textWeight(rich))
    expect(combine(0.2, 0.2, misfits, thin).score).toBeLessThan(combine(0.14, 0.2, fits, thin).score)
    const { components } = combine(0.1, 0.2, fits, rich)
    expect(components).toMatchObject({ textRaw: 0.1, reference: 0.2, text: 0.5, structure: 1, conditions: 1, criteria: { field: 1, trl: 1, alliance: 1, region: 1, trackRecord: 1 } })
  })

  it('proposes a pair only with a minimum score and some evidence: shared text, or the very same field', () => {
    expect(isProposable(0.5, { text: 0.4, criteria: { field: 0 } })).toBe(true)
    expect(isProposable(0.35, { text: 0, criteria: { field: 1 } })).toBe(true)
    expect(isProposable(0.35, { text: 0, criteria: { field: 0.5 } })).toBe(false)
    expect(isProposable(0.15, { text: 0.1, criteria: { field: 1 } })).toBe(false)
  })

  it('orders by score, then by text relevance, then by id, so that a ranking repeats', () => {
    const ranked = [
      { id: 3, score: 0.5, text: 0.4 },
      { id: 1, score: 0.5, text: 0.4 },
      { id: 2, score: 0.5, text: 0.6 },
      { id: 4, score: 0.9, text: 0.1 },
    ].sort(compareRanked)
    expect(ranked.map((r) => r.id)).toEqual([4, 2, 1, 3])
  })
})

describe('explanations', () => {
  const relevance = {
    matchedTerms: ['нитрозамины', 'масс-спектрометрия', 'валидация', 'сартаны', 'примеси', 'субстанции', 'хроматография', 'детектор', 'методики'],
    matchedPublications: [
      { title: 'ВЭЖХ-МС/МС нитрозаминов', score: 0.3 },
      { title: 'Валидация методик', score: 0.2 },
      { title: 'Примеси в субстанциях', score: 0.1 },
      { title: 'Четвёртая', score: 0.05 },
    ],
  }

  it('name up to eight words, the best three publications with their count, each criterion and the track record', () => {
    const criteria = structuredFit(lab(), request({ alliance: 'vision' }), { contracts: 2, typicalPrice: null, typicalMonths: null }, TODAY)
    const explanation = explainMatch(relevance, criteria, { contracts: 2, typicalPrice: null, typicalMonths: null })
    expect(explanation.words).toHaveLength(8)
    expect(explanation.publications).toEqual({ count: 4, titles: ['ВЭЖХ-МС/МС нитрозаминов', 'Валидация методик', 'Примеси в субстанциях'] })
    expect(explanation.criteria.map((c) => [c.criterion, c.fits])).toEqual([
      ['field', true],
      ['trl', true],
      ['alliance', false],
      ['region', true],
    ])
    expect(explanation.trackRecord).toEqual({ contracts: 2 })
  })

  it('read as sentences a person can check, in Russian and English with plural forms', () => {
    const ru = createI18n('ru').t
    const en = createI18n('en').t
    const trl = trlFit(lab(), request())
    expect(ru(`match.criterion.${trl.reason}`, trl.params)).toBe('УГТ лаборатории 4–6 покрывает нужный переход 4 → 5')
    expect(en(`match.criterion.${trl.reason}`, trl.params)).toBe('The lab’s TRL 4–6 covers the requested 4 → 5')
    expect(en('match.criterion.field.same', { fieldName: 'Industrial biotechnology' })).toBe('Field “Industrial biotechnology” matches')
    expect(ru('match.publications', { count: 3, titles: '«А»; «Б»; «В»' })).toBe('С запросом совпадают 3 публикации лаборатории: «А»; «Б»; «В»')
    expect(ru('match.publications', { count: 5, titles: '…' })).toBe('С запросом совпадают 5 публикаций лаборатории: …')
    expect(ru('match.publications', { count: 21, titles: '…' })).toBe('С запросом совпадает 21 публикация лаборатории: …')
    expect(en('match.publications', { count: 3, titles: '«A»' })).toBe('3 of the lab’s publications match the request: «A»')
    expect(en('match.trackRecord', { count: 2 })).toBe('The organisation has 2 confirmed R&D contracts with industry')
    expect(ru('match.trackRecord', { count: 2 })).toBe('У организации 2 подтверждённых договора НИОКР с индустрией')
    expect(ru('notification.newLabsForRequest', { count: 5, request: 'Х' })).toBe('Для запроса «Х» подобрано 5 новых лабораторий')
  })
})

describe('stored profiles', () => {
  const labText = {
    expertise: 'Масс-спектрометрия высокого разрешения для анализа примесей и нитрозаминов в лекарственных субстанциях.',
    keywords: ['масс-спектрометрия', 'нитрозамины'],
    publications: [
      { title: 'Определение нитрозаминов методом ВЭЖХ-МС/МС', abstract: 'Валидированная методика для сартанов.' },
      { title: 'Sorption of heavy metals on peat', abstract: 'Peat sorbents for mine water.' },
    ],
  }
  const requestText = { title: 'Контроль нитрозаминов в субстанции', problem: 'Нужна валидированная методика определения нитрозаминов масс-спектрометрией.', keywords: ['нитрозамины'] }

  it('score a request exactly as the full texts do, from the lab’s postings looked up by term id', () => {
    const analysedLab = analyzeLab(labText)
    const analysedRequest = analyzeRequest(requestText)
    const corpus = buildMatchingCorpus([analysedLab], [analysedRequest])
    const ids = new Map([...new Set([...analysedLab.postings.keys(), ...analysedRequest.counts.keys()])].map((term, i) => [term, i * 7 + 3]))
    const stored = new LabPostings(
      encodeLabPostings(
        analysedLab.documents.map((d) => d.length),
        new Map([...analysedLab.postings].map(([term, pairs]) => [ids.get(term)!, pairs])),
      ),
    )
    const terms: StoredRequestTerm[] = [...analysedRequest.counts].map(([term, count]) => [ids.get(term)!, term, analysedRequest.surfaces.get(term)!, count])
    const sparse = labTextFor(stored, analysedLab.documents.map((d) => d.publicationTitle), terms, encodeScripts(analysedLab.documents.map((d) => d.script)), null)
    expect(textRelevanceScore(corpus, sparse, requestTextOf(terms, analysedRequest.length, analysedRequest.reach, null))).toBeCloseTo(textRelevanceScore(corpus, analysedLab, analysedRequest), 12)
    const full = scoreLabForRequest(corpus, analysedLab, analysedRequest)
    const fromStore = scoreLabForRequest(corpus, sparse, requestTextOf(terms, analysedRequest.length, analysedRequest.reach, null))
    expect(fromStore.matchedTerms).toEqual(full.matchedTerms)
    expect(fromStore.matchedPublications).toEqual(full.matchedPublications)
    expect(stored.termCounts().get(ids.get('нитрозамин')!)).toBe(analysedLab.postings.get('нитрозамин')!.reduce((sum, [, c]) => sum + c, 0))
  })

  it('read postings from a buffer that does not start on a 4-byte boundary', () => {
    const bytes = encodeLabPostings([5, 3], new Map([[10, [[0, 2]] as [number, number][]], [4, [[0, 1], [1, 3]] as [number, number][]]]))
    const shifted = new Uint8Array(bytes.length + 1).subarray(1)
    shifted.set(bytes)
    const stored = new LabPostings(shifted)
    expect(stored.documentLengths).toEqual([5, 3])
    expect(stored.get(4)).toEqual([[0, 1], [1, 3]])
    expect(stored.get(10)).toEqual([[0, 2]])
    expect(stored.get(7)).toBeUndefined()
  })
})

describe('retrieval', () => {
  it('asks for the most telling words together, drops the rarest first, then tries single words; skips what no other text has', () => {
    const queries = planRetrieval(
      [
        { term: 'нитрозамин', surface: 'нитрозаминов', count: 3, corpusCount: 40 },
        { term: 'субстанц', surface: 'субстанции', count: 2, corpusCount: 900 },
        { term: 'методик', surface: 'методика', count: 1, corpusCount: 5000 },
        { term: 'иванов', surface: 'иванов', count: 1, corpusCount: 1 },
        { term: '12', surface: '12', count: 2, corpusCount: 90 },
        { term: 'нитрозамин субстанц', surface: 'нитрозаминов субстанции', count: 1, corpusCount: 5 },
      ],
      1_000_000,
    )
    expect(queries).toEqual(['методика субстанции нитрозаминов ', 'методика субстанции ', 'нитрозаминов ', 'субстанции ', 'методика '])
  })
})

describe('who may see and handle proposals', () => {
  const member = (type: 'company' | 'university' | 'administration', organisationId: number): Actor => ({
    userId: 'u',
    email: 'u@test.example',
    name: 'U',
    locale: null,
    isPlatformAdmin: false,
    organisationId,
    organisationType: type,
    organisationName: 'Org',
    organisationLabel: 'Org',
    organisationVerified: true,
    membershipRole: 'member',
  })
  const proposal = { companyId: 1, labOrganisationId: 2 }

  it('lets the request’s company and the lab’s organisation, and nobody else, see and update a proposal', () => {
    for (const permission of ['match:view', 'match:update'] as const) {
      expect(can(member('company', 1), permission, proposal)).toBe(true)
      expect(can(member('university', 2), permission, proposal)).toBe(true)
      expect(can(member('company', 3), permission, proposal)).toBe(false)
      expect(can(member('university', 3), permission, proposal)).toBe(false)
      expect(can(member('administration', 1), permission, proposal)).toBe(false)
      expect(can(null, permission, proposal)).toBe(false)
    }
  })

  it('shows the proposed labs to the request’s company only, and a lab’s proposed requests to its organisation only', () => {
    expect(can(member('company', 1), 'match:view_for_request', { organisationId: 1 })).toBe(true)
    expect(can(member('company', 3), 'match:view_for_request', { organisationId: 1 })).toBe(false)
    expect(can(member('university', 1), 'match:view_for_request', { organisationId: 1 })).toBe(false)
    expect(can(member('university', 2), 'match:view_for_lab', { organisationId: 2 })).toBe(true)
    expect(can(member('university', 3), 'match:view_for_lab', { organisationId: 2 })).toBe(false)
    expect(can(member('company', 2), 'match:view_for_lab', { organisationId: 2 })).toBe(false)
    expect([member('company', 1), member('university', 2), member('administration', 5), null].map((a) => can(a, 'match:list'))).toEqual([true, true, false, false])
  })
})
