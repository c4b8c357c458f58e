import type { TFunction } from 'i18next'

/**
 * Form and refusal messages travel as dictionary keys: "errors.required", "errors.too_long:200"
 * (a number becomes {{n}}) or "errors.rate_limited:{"minutes":3}".
 */
export function translateMessage(t: TFunction, raw: string): string {
  const colon = raw.indexOf(':')
  if (colon < 0) return t(raw)
  const key = raw.slice(0, colon)
  const rest = raw.slice(colon + 1)
  try {
    const params = rest.startsWith('{') ? (JSON.parse(rest) as Record<string, unknown>) : { n: Number(rest) }
    return t(key, params)
  } catch {
    return t(key)
  }
}
