import { cleanFileName } from '~/modules/documents/store.server'

describe('names of uploaded files', () => {
  it('drop right-to-left overrides and isolates, so a name shows what it is', () => {
    expect(cleanFileName('смета\u202Efdp.exe')).toBe('сметаfdp.exe')
    expect(cleanFileName('\u2067акт\u2069.pdf')).toBe('акт.pdf')
    expect(cleanFileName('a\u200Fb\u202Ac.pdf')).toBe('abc.pdf')
  })

  it('keep ordinary Cyrillic and Latin names, without paths or control characters', () => {
    expect(cleanFileName('C:\\Users\\x\\Договор № 7.pdf')).toBe('Договор № 7.pdf')
    expect(cleanFileName('scan\u0000"1".pdf')).toBe('scan1.pdf')
  })
})
