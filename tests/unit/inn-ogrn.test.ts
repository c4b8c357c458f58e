import { completeInn10, completeOgrn13, isValidInn, isValidOgrn } from '~/modules/organisations/inn-ogrn'

describe('INN check digits', () => {
  it('accepts real-format legal-entity and individual INNs with correct check digits', () => {
    expect(isValidInn('7707083893')).toBe(true) // Sberbank
    expect(isValidInn('7017005289')).toBe(true) // a Tomsk legal entity
    expect(isValidInn('500100732259')).toBe(true) // a 12-digit individual INN
  })

  it('refuses a wrong check digit in either position of a 12-digit INN', () => {
    expect(isValidInn('7707083894')).toBe(false)
    expect(isValidInn('500100732258')).toBe(false)
    expect(isValidInn('500100732269')).toBe(false)
  })

  it('refuses wrong lengths, letters and blanks', () => {
    for (const bad of ['', '770708389', '77070838930', '7707O83893', '77070 83893', '７７０７０８３８９３']) {
      expect(isValidInn(bad), bad).toBe(false)
    }
  })

  it('completes any 9-digit prefix into a valid INN', () => {
    for (const prefix of ['701712345', '000000000', '999999999']) expect(isValidInn(completeInn10(prefix))).toBe(true)
  })
})

describe('OGRN check digits', () => {
  it('accepts valid OGRN and OGRNIP', () => {
    expect(isValidOgrn('1027700132195')).toBe(true) // Sberbank
    expect(isValidOgrn('304500116000157')).toBe(true) // an OGRNIP
  })

  it('refuses a wrong check digit, wrong length and letters', () => {
    for (const bad of ['1027700132196', '102770013219', '10277001321950', '102770013219X', '304500116000158', '']) {
      expect(isValidOgrn(bad), bad).toBe(false)
    }
  })

  it('uses modulus 11 for OGRN where the remainder is 10 (check digit 0)', () => {
    const prefix = '102700000000'
    const made = completeOgrn13(prefix)
    expect(isValidOgrn(made)).toBe(true)
    expect(made.slice(0, 12)).toBe(prefix)
  })
})
