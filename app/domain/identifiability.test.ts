import { describe, expect, test } from 'vitest'
import { findIdentifyingData, isValidPersonalIdentityCode, scanFields } from './identifiability.ts'

describe('personal identity codes (henkilötunnus)', () => {
  test.each([
    '131052-308T', // the example used by the Digital and Population Data Services Agency
    '131052X308T', // the century signs added in 2023 share the check character
    '131052Y308T',
    '131052W308T',
    '131052V308T',
    '131052U308T',
    '010101-123N',
    '010594Y9032',
    '020505A123K',
    '311299+1236',
    '150320B456Y',
    '290200A002C', // a leap day
    '131052-308t', // typed in lower case
  ])('%s is valid and found in text', (code) => {
    expect(findIdentifyingData(`Asiakas ${code} kävi toimistolla.`)).toEqual([
      { kind: 'personal_identity_code', fragment: code },
    ])
  })

  test('the checksum and date decide', () => {
    expect(isValidPersonalIdentityCode('131052-308T')).toBe(true)
    expect(isValidPersonalIdentityCode('131052-308U')).toBe(false) // wrong check character
    expect(isValidPersonalIdentityCode('310252-308T')).toBe(false) // 31 February
    expect(isValidPersonalIdentityCode('131052Z308T')).toBe(false) // no such century sign
    expect(isValidPersonalIdentityCode('131052-001B')).toBe(false) // individual numbers start at 002
  })

  test.each(['2000-, 2023- ja 2024-luvuilla', '131052-308U', 'viite 131052308T', 'Tapaus 12/2023'])(
    '%s is not an identity code',
    (text) => {
      expect(findIdentifyingData(text).filter((f) => f.kind === 'personal_identity_code')).toEqual([])
    },
  )

  test('every century sign is accepted when the check character fits', () => {
    const codes = ['+', '-', 'Y', 'X', 'W', 'V', 'U', 'A', 'B', 'C', 'D', 'E', 'F'].map((sign) => {
      const base = '010203'
      const individual = '456'
      const check = '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(base + individual) % 31]
      return `${base}${sign}${individual}${check}`
    })
    for (const code of codes) expect(isValidPersonalIdentityCode(code), code).toBe(true)
  })
})

describe('phone numbers, email addresses and street addresses', () => {
  test.each([
    ['Soita 040 123 4567 huomenna', '040 123 4567'],
    ['numero 0401234567', '0401234567'],
    ['puh. 050-123 4567', '050-123 4567'],
    ['+358 40 123 4567 on äidin', '+358 40 123 4567'],
    ['+358401234567', '+358401234567'],
    ['vaihde (09) 310 1234', '(09) 310 1234'],
    ['09 310 12345', '09 310 12345'],
    ['Soita 040 123 4567.', '040 123 4567'],
    ['puhelin 040 123 4567, kysy iltaisin', '040 123 4567'],
  ])('%s contains the phone number %s', (text, fragment) => {
    expect(findIdentifyingData(text)).toEqual([{ kind: 'phone_number', fragment }])
  })

  test.each([
    ['kirjoita matti.meikalainen@example.fi', 'matti.meikalainen@example.fi'],
    ['Osoite: Kauppakatu 12 B 5, Vaasa', 'Kauppakatu 12 B 5'],
    ['asuu Storgatan 5 i Närpes', 'Storgatan 5'],
    ['Rantatie 3a:ssa', 'Rantatie 3a'],
    ['Koulukuja 7', 'Koulukuja 7'],
  ])('%s contains %s', (text, fragment) => {
    expect(findIdentifyingData(text).map((f) => f.fragment)).toEqual([fragment])
  })

  test.each([
    'SHL 7 § velvoittaa rakenteelliseen sosiaalityöhön.',
    'Sosiaalihuoltolaki 1301/2014 § 11',
    'Vuokrarästit olivat 1 200 € ja 2 350,50 euroa.',
    'Tilanne 12.3.2024 ja 1.1.2025 välillä.',
    'Noin 15–20 asiakasta vuodessa, 2017 alkaen.',
    'Kela-kortti ja 0,5 henkilötyövuotta.',
    'Päätös 2023/0456 annettiin 30 päivässä.',
    'Asiakkaita oli 120 000 koko alueella.',
    'Kaupungin palvelukatu on hyvä malli.',
    'Puhelinnumero 112 on hätänumero.',
    'Klo 8.00–16.00 välisenä aikana.',
    'Kelan päätöksissä lukee, että tukea haetaan kunnalta.',
  ])('%s contains nothing identifying', (text) => {
    expect(findIdentifyingData(text)).toEqual([])
  })
})

describe('names from the configured list', () => {
  test('whole words only, any case', () => {
    const names = ['Virtanen', 'Aaltonen']
    expect(findIdentifyingData('Perhe virtanen tarvitsee apua', names)).toEqual([
      { kind: 'name', fragment: 'virtanen' },
    ])
    expect(findIdentifyingData('Virtaseni ja aaltoneniksi eivät ole nimiä listalla', names)).toEqual([])
  })
})

test('scanFields names the field of every finding', () => {
  const findings = scanFields({ title: 'Asunto', description: 'soita 0401234567', actions: ['ok', 'posti a@b.fi'] })
  expect(findings).toEqual([
    { field: 'description', kind: 'phone_number', fragment: '0401234567' },
    { field: 'actions.1', kind: 'email_address', fragment: 'a@b.fi' },
  ])
})

test('a hostile 100,000-character text is scanned in linear time and still yields the address at its end', () => {
  const started = performance.now()
  for (const run of ['x', 'A', '1', 'a.']) expect(findIdentifyingData(run.repeat(100_000))).toEqual([])
  const long = findIdentifyingData(`${'x'.repeat(100_000)}@example.fi`)
  // Quadratic, these took over ten seconds each; the bound leaves room for a busy machine.
  expect(performance.now() - started).toBeLessThan(3000)
  expect(long).toEqual([{ kind: 'email_address', fragment: `${'x'.repeat(64)}@example.fi` }])
})
