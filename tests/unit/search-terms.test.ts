import { describe, expect, it } from 'vitest'
import { analyze, spelledTokens, tokenize } from '../../search/analyzer'
import { analyzeText } from '../../search/sqlite-fts/terms'

describe('the embedded engine analyses text exactly as the shared analyzer does', () => {
  const texts = [
    'Разработка спектрометра ближнего инфракрасного диапазона для нефтегазовой отрасли.',
    'Ёмкость  ЁМКОСТЬ\tемкость\nёмкостей',
    'Robotic welding cells, computer-vision (TRL 5), ГОСТ 12345-2019; 0,5 %',
    'ﬁlter ｆｕｌｌｗｉｄｔｈ №5 ⑴ x² “кавычки” «ёлки»',
    'сло\u00a0во\u2003слово\u200bслово',
    '',
    '   ',
  ]
  for (const text of texts) {
    it(`gives the same terms for ${JSON.stringify(text.slice(0, 30))}`, () => {
      expect(analyzeText(text)).toEqual(analyze(text))
      // A second time, from the remembered pieces.
      expect(analyzeText(text)).toEqual(analyze(text))
    })
  }
})

describe('the words with their spelling for people', () => {
  it('are the very tokens tokenize finds, even where case folding splits a letter (İ) or a text mixes scripts', () => {
    for (const text of ['İstanbul Ёмкость ПЦР-анализ, LoRaWAN', 'Каталитический крекинг\tи  hydrotreating; pH 7', 'ǅemal ﬁlter ½ м²', '']) {
      expect(spelledTokens(text).map(({ token }) => token)).toEqual(tokenize(text))
    }
    // Where the folded words no longer line up with the written ones, each is shown as folded, never another's spelling.
    expect(spelledTokens('İstanbul ПЦР').map(({ spelling }) => spelling)).toEqual(tokenize('İstanbul ПЦР'))
  })

  it('read as a phrase only where spaces alone part a word from the one before', () => {
    expect(spelledTokens('протокол испытаний, пилотная\nустановка и ГОСТ').map(({ spelling, spaced }) => [spelling, spaced])).toEqual([
      ['протокол', false],
      ['испытаний', true],
      ['пилотная', false],
      ['установка', true],
      ['и', true],
      ['ГОСТ', true],
    ])
  })
})
