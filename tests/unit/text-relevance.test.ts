import { describe, expect, it } from 'vitest'
import {
  analyzeLab,
  analyzeRequest,
  buildMatchingCorpus,
  rankLabsForRequest,
  scoreLabForRequest,
  textRelevanceScore,
  type LabText,
  type RequestText,
} from '~/modules/matching/text-relevance'

// Texts the corpus statistics are drawn from besides the labs under test, so that common words are
// common and subject words rare, as in a real catalogue.
const backgroundLabs: LabText[] = [
  { publications: [{ title: 'Исследование свойств полимерных материалов', abstract: 'Результаты исследования показали высокую прочность материалов.' }] },
  { publications: [{ title: 'Методы анализа данных в экономике', abstract: 'Предложен метод анализа данных и показаны результаты.' }] },
  { publications: [{ title: 'Soil microbiology of boreal forests', abstract: 'We study microbial communities and show results for forest soils.' }] },
  { publications: [{ title: 'A method for data analysis in economics', abstract: 'We propose a method and report results on regional data.' }] },
]

function setUp(labs: LabText[], requests: RequestText[]) {
  const analyzedLabs = labs.map((lab) => analyzeLab(lab))
  const analyzedRequests = requests.map((request) => analyzeRequest(request))
  const corpus = buildMatchingCorpus([...analyzedLabs, ...backgroundLabs.map((lab) => analyzeLab(lab))], analyzedRequests)
  return { corpus, labs: analyzedLabs, requests: analyzedRequests }
}

describe('text relevance', () => {
  it('counts Russian word forms (and ё/е) as the same word', () => {
    const request: RequestText = { title: 'Каталитический синтез наночастиц серебра', problem: 'Нужна ёмкость для синтеза.' }
    const { corpus, labs, requests } = setUp(
      [
        { publications: [{ title: 'Каталитический синтез наночастиц серебра', abstract: 'Емкость реактора.' }] },
        { publications: [{ title: 'Каталитического синтеза наночастицами серебро', abstract: 'Ёмкости реактора.' }] },
      ],
      [request],
    )
    const [sameForms, otherForms] = labs.map((lab) => scoreLabForRequest(corpus, lab, requests[0]))
    expect(otherForms.score).toBeCloseTo(sameForms.score, 12)
    expect(otherForms.score).toBeGreaterThan(0)
    expect(otherForms.matchedTerms).toContain('каталитический синтез')
  })

  it("names the shared words as the request spells them: with ё and an acronym's capitals, but not a sentence's first capital", () => {
    const request: RequestText = { title: 'Беспроводная термокоса для мёрзлых грунтов', problem: 'Данные передаются по LoRaWAN.' }
    const { corpus, labs, requests } = setUp(
      [{ publications: [{ title: 'Беспроводная термокоса', abstract: 'Мониторинг мерзлых грунтов с передачей по lorawan.' }] }],
      [request],
    )
    const words = scoreLabForRequest(corpus, labs[0], requests[0]).matchedTerms.join(', ')
    expect(words).toContain('мёрзлых грунтов')
    expect(words).toContain('LoRaWAN')
    expect(words).toContain('беспроводная термокоса')
    expect(words).not.toMatch(/мерзлых|lorawan|Беспроводная/)
  })

  it('shows a word typed in capitals for emphasis in lower case, and a short acronym as written', () => {
    const request: RequestText = { title: 'СРОЧНО: ГИДРООЧИСТКА дизельного топлива', problem: 'Нужен анализ серы методом ИСП-МС.' }
    const { corpus, labs, requests } = setUp(
      [{ publications: [{ title: 'Гидроочистка дизельного топлива', abstract: 'Анализ серы методом ИСП-МС.' }] }],
      [request],
    )
    const words = scoreLabForRequest(corpus, labs[0], requests[0]).matchedTerms.join(', ')
    expect(words).toContain('гидроочистка')
    expect(words).toMatch(/ИСП/)
    expect(words).not.toMatch(/ГИДРООЧИСТКА/)
  })

  it('shows a word pair that stands apart in the request (across a stop word or a comma) as its words, not as a made-up phrase', () => {
    const request: RequestText = { title: 'Гидроочистка дизельного топлива', problem: 'Нужна опытная партия катализатора и протокол испытаний на пилотной установке.' }
    const { corpus, labs, requests } = setUp(
      [{ publications: [{ title: 'Катализаторы гидроочистки', abstract: 'Опытная партия катализатора, протокол испытаний на пилотной установке.' }] }],
      [request],
    )
    const words = scoreLabForRequest(corpus, labs[0], requests[0]).matchedTerms
    expect(words.join(', ')).toContain('пилотной установке')
    expect(words.join(', ')).toContain('протокол испытаний')
    expect(words.filter((word) => /катализатора протокол|испытаний пилотной/.test(word))).toEqual([])
  })

  it('ranks a lab whose publications are about the request above one whose are not', () => {
    const request: RequestText = {
      title: 'Оптоволоконные датчики температуры для нефтепроводов',
      problem: 'Нужен распределённый оптический датчик температуры на основе оптического волокна.',
      expectedResult: 'Опытный образец датчика',
      keywords: ['оптическое волокно', 'датчик температуры'],
    }
    const { corpus, labs, requests } = setUp(
      [
        {
          expertise: 'Волоконная оптика и оптические датчики',
          publications: [
            { title: 'Распределённые датчики температуры на оптическом волокне', abstract: 'Оптическое волокно как датчик температуры трубопровода.' },
            { title: 'Брэгговские решётки в оптических волокнах', abstract: 'Запись решёток в волокне для датчиков.' },
          ],
        },
        {
          expertise: 'Экономика региона',
          publications: [{ title: 'Методы анализа данных в экономике региона', abstract: 'Анализ данных о бюджете.' }],
        },
      ],
      [request],
    )
    const ranking = rankLabsForRequest(
      corpus,
      [
        { id: 'economics', text: labs[1] },
        { id: 'optics', text: labs[0] },
      ],
      requests[0],
      2,
    )
    expect(ranking.map(({ lab }) => lab.id)).toEqual(['optics', 'economics'])
    expect(ranking[0].relevance.score).toBe(textRelevanceScore(corpus, labs[0], requests[0]))
  })

  it('reports the publications and the words that match, best first', () => {
    const request: RequestText = {
      title: 'Neural machine translation for low-resource languages',
      problem: 'We need machine translation between Russian and Khakas.',
    }
    const { corpus, labs, requests } = setUp(
      [
        {
          publications: [
            { title: 'Soil microbiology of tundra', abstract: 'Microbial communities in permafrost soils.' },
            { title: 'Machine translation for low-resource languages', abstract: 'Neural machine translation with little parallel data.' },
            { title: 'Unsupervised machine translation', abstract: 'Translation without parallel corpora.' },
          ],
        },
      ],
      [request],
    )
    const relevance = scoreLabForRequest(corpus, labs[0], requests[0])
    expect(relevance.matchedPublications.map(({ title }) => title)).toEqual([
      'Machine translation for low-resource languages',
      'Unsupervised machine translation',
    ])
    expect(relevance.matchedPublications[0].score).toBeGreaterThan(relevance.matchedPublications[1].score)
    expect(relevance.matchedTerms).toContain('machine translation')
    expect(relevance.matchedTerms).not.toContain('machine')
    expect(relevance.matchedTerms).not.toContain('tundra')
  })

  it('orders equal scores by lab id, whatever the input order', () => {
    const lab: LabText = { publications: [{ title: 'Техническое зрение роботов', abstract: 'Камеры и распознавание.' }] }
    const { corpus, labs, requests } = setUp([lab], [{ title: 'Техническое зрение для роботов' }])
    const ids = (order: string[]) =>
      rankLabsForRequest(corpus, order.map((id) => ({ id, text: labs[0] })), requests[0], 10).map((entry) => entry.lab.id)
    expect(ids(['c', 'a', 'b'])).toEqual(['a', 'b', 'c'])
    expect(ids(['b', 'c', 'a'])).toEqual(['a', 'b', 'c'])
  })

  it('scores empty texts as 0 without failing', () => {
    const { corpus, labs, requests } = setUp(
      [{}, { publications: [{ title: '', abstract: null }] }, { publications: [{ title: 'Синтез полимеров' }] }],
      [{}, { title: 'Синтез полимеров' }],
    )
    for (const lab of labs) {
      expect(scoreLabForRequest(corpus, lab, requests[0])).toEqual({ score: 0, matchedTerms: [], matchedPublications: [], counterparts: {} })
    }
    expect(scoreLabForRequest(corpus, labs[0], requests[1]).score).toBe(0)
    expect(Number.isFinite(scoreLabForRequest(corpus, labs[1], requests[1]).score)).toBe(true)
    const emptyCorpus = buildMatchingCorpus([], [])
    expect(Number.isFinite(scoreLabForRequest(emptyCorpus, labs[2], requests[1]).score)).toBe(true)
  })
})
