import { completeInn10, completeOgrn13 } from '~/modules/organisations/inn-ogrn'
import type { SignUpInput } from '~/modules/organisations/schemas'

let serial = 0

/** A sign-up that passes validation, unique per call; override what the test is about. */
export function signUpInput(overrides: Partial<SignUpInput> = {}): SignUpInput {
  serial++
  const n = String(serial).padStart(5, '0')
  return {
    name: `Тестовый Пользователь ${n}`,
    email: `person${n}-${process.pid}@test.example`,
    password: 'correct horse battery',
    organisationType: 'company',
    organisationName: `ООО «Тест ${n}»`,
    shortName: undefined,
    inn: completeInn10(`5417${n}`),
    ogrn: completeOgrn13(`1025400${n}`),
    region: '54',
    city: 'Новосибирск',
    alliance: undefined,
    size: 'small',
    isState: false,
    website: undefined,
    ...overrides,
  }
}
