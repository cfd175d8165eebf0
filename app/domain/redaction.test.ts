import { describe, expect, test } from 'vitest'
import { findingsAfterRedaction, redactText } from './redaction.ts'

describe('redactText', () => {
  test('replaces every occurrence and counts them', () => {
    expect(redactText('A 131052-308T ja taas 131052-308T.', '131052-308T', '[poistettu]')).toEqual({
      text: 'A [poistettu] ja taas [poistettu].',
      count: 2,
    })
  })

  test('leaves text without the fragment as it is', () => {
    expect(redactText('Ei mitään poistettavaa.', 'Virtanen', '[poistettu]')).toEqual({
      text: 'Ei mitään poistettavaa.',
      count: 0,
    })
  })
})

describe('findingsAfterRedaction', () => {
  const findings = [
    { field: 'description', kind: 'personal_identity_code', fragment: '131052-308T' },
    { field: 'causes', kind: 'phone_number', fragment: '040 123 4567' },
  ]

  test('drops the findings that quote the removed text, whole or in part', () => {
    expect(findingsAfterRedaction(findings, '131052')).toEqual([findings[1]])
    expect(findingsAfterRedaction(findings, 'Asiakas 131052-308T')).toEqual([findings[1]])
  })

  test('keeps the findings the redaction did not touch', () => {
    expect(findingsAfterRedaction(findings, 'Kauppakatu 12')).toEqual(findings)
  })
})
