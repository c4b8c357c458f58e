import grnti from './seed/data/grnti.json'
import oecd from './seed/data/oecd-fos.json'

// The OECD Fields of Science (FOS 2007 / FORD) and the Russian GRNTI rubricator, shipped as seed data.
export interface Classification {
  code: string
  parent: string | null
  ru: string
  en: string
}

const oecdFields = oecd as Classification[]
const grntiRubrics = grnti as Classification[]
const byCode = new Map([...oecdFields.map((c) => [`oecd:${c.code}`, c] as const), ...grntiRubrics.map((c) => [`grnti:${c.code}`, c] as const)])

/** A second-level OECD field: the level requests and labs are classified at. */
export function isOecdField(code: string): boolean {
  const field = byCode.get(`oecd:${code}`)
  return field !== undefined && field.parent !== null
}

export function oecdParent(code: string): string | null {
  return byCode.get(`oecd:${code}`)?.parent ?? null
}

export function isGrntiRubric(code: string): boolean {
  const rubric = byCode.get(`grnti:${code}`)
  return rubric !== undefined && rubric.parent !== null
}

export function classificationName(scheme: 'oecd' | 'grnti', code: string, locale: 'ru' | 'en'): string {
  const entry = byCode.get(`${scheme}:${code}`)
  return entry ? entry[locale] : code
}

/** Second-level entries grouped under their first level, for a select with option groups. */
export function classificationOptions(scheme: 'oecd' | 'grnti', locale: 'ru' | 'en') {
  const list = scheme === 'oecd' ? oecdFields : grntiRubrics
  return list
    .filter((c) => c.parent === null)
    .map((group) => ({
      label: `${group.code} ${group[locale]}`,
      options: list.filter((c) => c.parent === group.code).map((c) => ({ value: c.code, label: `${c.code} ${c[locale]}` })),
    }))
}

/** Both names of a field, so that a search for "биотехнологии" or "biotechnology" finds it. */
export function classificationSearchText(scheme: 'oecd' | 'grnti', code: string): string {
  const entry = byCode.get(`${scheme}:${code}`)
  return entry ? `${entry.ru} ${entry.en}` : ''
}
