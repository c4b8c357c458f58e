// Check digits of Russian tax (INN) and registration (OGRN) numbers, as the Federal Tax Service
// defines them. A number that fails its check digit was mistyped.

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]

function innCheckDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0)
  return (sum % 11) % 10
}

function toDigits(value: string): number[] | null {
  return /^\d+$/.test(value) ? [...value].map(Number) : null
}

/** INN of a legal entity (10 digits) or of an individual entrepreneur (12 digits). */
export function isValidInn(value: string): boolean {
  const d = toDigits(value)
  if (!d) return false
  if (d.length === 10) return innCheckDigit(d, INN10_WEIGHTS) === d[9]
  if (d.length === 12) {
    return innCheckDigit(d, INN12_WEIGHTS_11) === d[10] && innCheckDigit(d, INN12_WEIGHTS_12) === d[11]
  }
  return false
}

/** OGRN of a legal entity (13 digits) or OGRNIP of an individual entrepreneur (15 digits). */
export function isValidOgrn(value: string): boolean {
  if (!/^\d+$/.test(value)) return false
  // The check digit is the remainder of the leading part modulo 11 (OGRN) or 13 (OGRNIP), last digit.
  const modulus = value.length === 13 ? 11n : value.length === 15 ? 13n : null
  if (modulus === null) return false
  const body = BigInt(value.slice(0, -1))
  return Number((body % modulus) % 10n) === Number(value.at(-1))
}

/** Completes a 9-digit prefix into a valid 10-digit INN (used by the demo data). */
export function completeInn10(prefix9: string): string {
  const d = [...prefix9].map(Number)
  return prefix9 + innCheckDigit(d, INN10_WEIGHTS)
}

/** Completes a 12-digit prefix into a valid 13-digit OGRN (used by the demo data). */
export function completeOgrn13(prefix12: string): string {
  return prefix12 + String(Number((BigInt(prefix12) % 11n) % 10n))
}
