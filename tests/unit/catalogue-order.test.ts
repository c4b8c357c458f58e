import { completeness, latest, readableIn, readerOrder, textLanguage } from '#search/documents/catalogue-order'

describe('the language of stored text', () => {
  it('is the script most of its letters are in, Latin brand names inside Russian notwithstanding', () => {
    expect(textLanguage('Лаборатория лидаров и LiDAR-систем для ООО «Оптоскан»')).toBe('ru')
    expect(textLanguage('Laboratory of atmospheric lidar sensing')).toBe('en')
    expect(textLanguage('12 345 — 2026')).toBeNull()
  })

  it('says which readers a profile with versions in one or both languages serves', () => {
    expect(readableIn(['Синтез примесей'])).toEqual({ inRussian: 1, inEnglish: 0 })
    expect(readableIn(['Синтез примесей', 'Impurity synthesis'])).toEqual({ inRussian: 1, inEnglish: 1 })
  })
})

describe('the catalogue order without a query', () => {
  it('puts the reader’s language first, then completeness in three steps, then the latest activity', () => {
    expect(readerOrder('ru').map((s) => `${s.field} ${s.direction}`)).toEqual(['inRussian desc', 'completeness desc', 'activeAt desc'])
    expect(readerOrder('en')[0].field).toBe('inEnglish')
    expect([completeness([true, true, true, true, true, true, true]), completeness([true, true, true, true, false, false]), completeness([true, false, false])]).toEqual([2, 1, 0])
    expect(latest([null, '2026-03-01', '2026-11-02T10:00:00.000Z', undefined])).toBe('2026-11-02T10:00:00.000Z')
    expect(latest([])).toBe('')
  })
})
