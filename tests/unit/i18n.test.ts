import { createI18n, resources } from '~/i18n'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)))
}
const base = (key: string) => key.replace(/_(one|few|many|other)$/, '')

describe('dictionaries', () => {
  it('say every message in both languages', () => {
    const ru = new Set(keys(resources.ru.translation).map(base))
    const en = new Set(keys(resources.en.translation).map(base))
    expect([...ru].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !ru.has(k))).toEqual([])
  })

  it('use Russian plural forms: 1 пользователь, 2 пользователя, 5 пользователей, 21 пользователь', () => {
    const { t } = createI18n('ru')
    expect([1, 2, 5, 11, 21].map((count) => t('workspace.platform.people', { count }))).toEqual([
      '1 пользователь',
      '2 пользователя',
      '5 пользователей',
      '11 пользователей',
      '21 пользователь',
    ])
  })

  it('use English plural forms', () => {
    const { t } = createI18n('en')
    expect(t('workspace.platform.people', { count: 1 })).toBe('1 person')
    expect(t('workspace.platform.people', { count: 3 })).toBe('3 people')
  })
})

describe('the English dictionary', () => {
  it('quotes with English quotation marks, never the Russian « »', () => {
    const quoted = keys(resources.en.translation).filter((key) => /[«»]/.test(String(key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], resources.en.translation))))
    expect(quoted).toEqual([])
  })
})
