import { describe, expect, it } from 'vitest'
import { analyze } from '../../search/analyzer'
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
