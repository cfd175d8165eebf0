/**
 * Reports can end up on public committee agendas (Julkisuuslaki 621/1999), so free text is scanned for
 * anything that could identify a client before it is stored as ready or sent on.
 */
export type FindingKind = 'personal_identity_code' | 'phone_number' | 'email_address' | 'street_address' | 'name'

export interface Finding {
  kind: FindingKind
  fragment: string
}

const checkCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY'
const centuryBySign: Record<string, number> = {
  '+': 1800,
  '-': 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
}

const identityCodePattern = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu

/** A henkilötunnus counts only with a real date and a correct check character, as the law defines it. */
export function isValidPersonalIdentityCode(code: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/i.exec(code)
  if (!match) return false
  const [, day, month, year, sign, individual, check] = match as unknown as string[]
  const century = centuryBySign[sign!.toUpperCase()]
  if (century === undefined) return false
  const fullYear = century + Number(year)
  const date = new Date(Date.UTC(fullYear, Number(month) - 1, Number(day)))
  if (
    date.getUTCFullYear() !== fullYear ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day)
  ) {
    return false
  }
  if (Number(individual) < 2) return false
  return checkCharacters[Number(`${day}${month}${year}${individual}`) % 31] === check!.toUpperCase()
}

// Finnish numbers: +358 or 0 first, then an area or operator code and the subscriber number, spaced or not.
// A full stop or comma right after may end the sentence; followed by a digit it makes a decimal number instead.
const phonePattern =
  /(?<![\p{L}\p{N}.,/])(?:(?:\+|00)358[\s-]?\(?0?\)?|\(?0\d{1,2}\)?)[\s-]?\d{2,4}(?:[\s-]?\d{2,4}){1,3}(?![\p{N}/]|[.,]\p{N})/gu
// Parts are bounded by what an address may hold (64-character local part, 63-character labels): unbounded, a long
// run of letters without an @ made the scan quadratic, and a 100,000-character field took many seconds.
const emailPattern = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,63}/gu
const streetSuffixes = [
  'katu',
  'tie',
  'kuja',
  'polku',
  'tori',
  'kaari',
  'rinne',
  'väylä',
  'raitti',
  'ranta',
  'puistikko',
  'aukio',
  'mäki',
  'gatan',
  'vägen',
  'gränd',
  'stigen',
  'backen',
  'torget',
  'street',
  'road',
  'avenue',
  'lane',
]
const streetPattern = new RegExp(
  `(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?:${streetSuffixes.join('|')})\\s+\\d{1,4}(?:[a-z](?![\\p{L}]))?(?:\\s?[A-Z](?:\\s?\\d{1,3})?(?![\\p{L}\\p{N}]))?`,
  'gu',
)

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function collect(text: string, pattern: RegExp, kind: FindingKind, accept: (fragment: string) => boolean = () => true) {
  const findings: Finding[] = []
  for (const match of text.matchAll(pattern)) {
    const fragment = match[0].trim()
    if (accept(fragment)) findings.push({ kind, fragment })
  }
  return findings
}

function digitCount(text: string) {
  return text.replace(/\D/g, '').length
}

export function findIdentifyingData(text: string, names: readonly string[] = []): Finding[] {
  if (!text) return []
  const findings = [
    ...collect(text, identityCodePattern, 'personal_identity_code', isValidPersonalIdentityCode),
    ...collect(text, emailPattern, 'email_address'),
    ...collect(
      text,
      phonePattern,
      'phone_number',
      (fragment) => digitCount(fragment) >= 7 && digitCount(fragment) <= 13,
    ),
    ...collect(text, streetPattern, 'street_address'),
  ]
  for (const name of names.map((n) => n.trim()).filter((n) => n.length >= 2)) {
    const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'giu')
    findings.push(...collect(text, pattern, 'name'))
  }
  // An email's digits or an identity code must not be reported twice as a phone number.
  return findings.filter(
    (finding, index) =>
      !findings.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          other.kind !== finding.kind &&
          other.fragment.includes(finding.fragment) &&
          other.fragment !== finding.fragment,
      ),
  )
}

export interface FieldFinding extends Finding {
  field: string
}

/** Scans every named free-text field; the result says which field holds which fragment. */
export function scanFields(
  fields: Record<string, string | readonly string[] | null | undefined>,
  names: readonly string[] = [],
): FieldFinding[] {
  const results: FieldFinding[] = []
  for (const [field, value] of Object.entries(fields)) {
    const texts = Array.isArray(value) ? value : [value ?? '']
    texts.forEach((text, index) => {
      const fieldName = Array.isArray(value) ? `${field}.${index}` : field
      for (const finding of findIdentifyingData(text as string, names)) results.push({ ...finding, field: fieldName })
    })
  }
  return results
}
