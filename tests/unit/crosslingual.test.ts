import { cognateKey, otherLanguageText, translationAt } from '#search/crosslingual'
import { stem, tokenize } from '#search/analyzer'
import { analyzeLab, analyzeRequest, buildMatchingCorpus, scoreLabForRequest, textRelevanceScore } from '~/modules/matching/text-relevance'
import { analyzeFields } from '~/modules/matching/text-terms'

// Russian and English words linked by the glossary and by cognates, and what that does to matching.

const stems = (text: string) => tokenize(text).map(stem)

describe('cognate keys', () => {
  it.each([
    ['катализатор', 'catalyst'],
    ['спектрометр', 'spectrometer'],
    ['полимер', 'polymer'],
    ['технология', 'technology'],
    ['композит', 'composite'],
    ['мониторинг', 'monitoring'],
    ['инженер', 'engineer'],
    ['микроскопия', 'microscopy'],
  ])('links %s and %s', (russian, english) => {
    expect(cognateKey(russian)).not.toBeNull()
    expect(cognateKey(russian)).toBe(cognateKey(english))
  })

  it.each([
    ['катализатор', 'polymer'],
    ['спектрометр', 'composite'],
    ['технология', 'monitoring'],
  ])('keeps %s and %s apart', (russian, english) => {
    expect(cognateKey(russian)).not.toBe(cognateKey(english))
  })

  it('links no short word, where a chance match is likely, and no false friend', () => {
    expect(cognateKey('метод')).toBeNull()
    expect(cognateKey('нефть')).toBeNull()
    expect(cognateKey('магазин')).toBeNull()
    expect(cognateKey('12345')).toBeNull()
  })
})

describe('the glossary', () => {
  it('translates the longest Russian phrase it knows, in Cyrillic words only', () => {
    expect(translationAt(stems('вечная мерзлота грунта'), 0)?.english).toBe('permafrost')
    expect(translationAt(stems('катализатор гидроочистки'), 1)?.english).toBe('hydrotreating')
    // A noun whose last vowel drops in its other forms is still found: образец, образцов.
    expect(translationAt(stems('испытания образцов'), 1)?.english).toBe(translationAt(stems('образец'), 0)?.english)
    expect(translationAt(stems('catalyst'), 0)).toBeNull()
  })

  it('gives a text’s words in the other language, for search to find it in either', () => {
    expect(otherLanguageText(['Катализатор гидроочистки'])).toMatch(/catalyst/)
    expect(otherLanguageText(['Hydrotreating catalysts'])).toMatch(/катализатор/)
    expect(otherLanguageText(['', null])).toBe('')
  })
})

describe('matching across languages', () => {
  const request = analyzeRequest({
    title: 'Катализатор гидроочистки дизельного топлива',
    problem: 'Нужен катализатор для снижения содержания серы в дизельном топливе; испытания на пилотной установке.',
  })
  const refining = analyzeLab({
    publications: [
      { title: 'NiMo hydrotreating catalysts for ultra-low sulfur diesel', abstract: 'Pilot plant tests of catalyst activity in deep desulfurization of diesel fuel.' },
    ],
  })
  const vision = analyzeLab({
    publications: [{ title: 'Deep learning for defect detection in machine vision', abstract: 'Convolutional networks find surface defects on steel strip.' }],
  })
  const corpus = buildMatchingCorpus([refining, vision], [request])

  it('ranks the English-publishing lab on the subject above one off it, and says which words met', () => {
    expect(textRelevanceScore(corpus, refining, request)).toBeGreaterThan(textRelevanceScore(corpus, vision, request))
    const explained = scoreLabForRequest(corpus, refining, request)
    expect(explained.matchedTerms.length).toBeGreaterThan(0)
    expect(Object.entries(explained.counterparts)).toContainEqual([expect.stringMatching(/^катализатор/), expect.stringMatching(/catalysts?$/)])
    expect(Object.keys(explained.counterparts).every((word) => explained.matchedTerms.includes(word))).toBe(true)
  })

  it('finds nothing across languages in the same-language-only baseline', () => {
    const plainRequest = analyzeRequest({ title: 'Катализатор гидроочистки', problem: 'Снижение содержания серы.' }, 'same-language-only')
    const plainLab = analyzeLab({ publications: [{ title: 'Hydrotreating catalysts', abstract: 'Sulfur removal.' }] }, 'same-language-only')
    const plainCorpus = buildMatchingCorpus([plainLab], [plainRequest])
    expect(scoreLabForRequest(plainCorpus, plainLab, plainRequest).matchedTerms).toEqual([])
  })

  it('lets a cognate key meet only a word of the other script', () => {
    // A word the glossary does not list, so only its cognate key links it.
    const russianRequest = analyzeFields(['ротаметр'], 'request')
    const russianLab = analyzeFields(['ротаметр'], 'lab')
    const englishLab = analyzeFields(['rotameter'], 'lab')
    const keysOf = (text: { counts: Map<string, number> }) => [...text.counts.keys()].filter((term) => term.startsWith('≈'))
    expect(keysOf(russianRequest)).toEqual(keysOf(englishLab))
    expect(keysOf(russianRequest)).not.toEqual(keysOf(russianLab))
    // Keys are evidence, not text: the lengths count words (and pairs) only.
    expect(russianRequest.length).toBe(1)
  })

  it('profiles a very long text within a fixed budget', () => {
    const book = 'полимерный композит для арктических трубопроводов '.repeat(20_000)
    const analysed = analyzeFields([book], 'request')
    expect(analysed.length).toBeLessThanOrEqual(2 * 20_000)
  })
})
