import { describe, expect, test } from 'vitest'
import { answerChannel, hasMembers, RecipientInputSchema, recipientKinds } from './recipients.ts'

const municipalityId = '7d0c2a4e-5b1f-4f8e-9a63-2f0e6c1d9b11'

describe('recipients', () => {
  test('internal bodies other than committees answer through members; committees in meetings, partners by link', () => {
    expect(recipientKinds.filter(hasMembers)).toEqual(['working_group', 'management_group', 'municipal_welfare'])
    expect(answerChannel('committee')).toBe('meeting')
    expect(answerChannel('partner')).toBe('link')
  })

  test('a partner needs a contact address, welfare work its municipality; fields of other kinds are dropped', () => {
    const messages = (input: object) =>
      RecipientInputSchema.safeParse(input).error?.issues.map((issue) => [issue.path[0], issue.message])
    expect(messages({ kind: 'partner', name: 'Kela', contactEmail: 'ei' })).toEqual([
      ['contactEmail', 'admin.recipients.validation.contactEmail'],
    ])
    expect(messages({ kind: 'municipal_welfare', name: 'Vaasa' })).toEqual([
      ['municipalityId', 'admin.recipients.validation.municipality'],
    ])
    expect(messages({ kind: 'committee', name: 'Lautakunta' })).toEqual([['kind', 'validation.invalid']])
    expect(
      RecipientInputSchema.parse({
        kind: 'working_group',
        name: ' Työryhmä ',
        municipalityId,
        contactEmail: 'x@example.org',
        locale: 'sv',
      }),
    ).toEqual({
      kind: 'working_group',
      name: 'Työryhmä',
      nameSv: null,
      municipalityId: null,
      contactEmail: null,
      locale: 'fi',
    })
    expect(
      RecipientInputSchema.parse({ kind: 'partner', name: 'Kela', contactEmail: 'info@kela.example', locale: 'sv' }),
    ).toEqual({
      kind: 'partner',
      name: 'Kela',
      nameSv: null,
      municipalityId: null,
      contactEmail: 'info@kela.example',
      locale: 'sv',
    })
  })

  test('a recipient may have a Swedish name, shown to readers using Swedish', () => {
    expect(
      RecipientInputSchema.parse({ kind: 'partner', name: 'Kela', nameSv: ' FPA ', contactEmail: 'info@kela.example' }),
    ).toMatchObject({ name: 'Kela', nameSv: 'FPA' })
    expect(RecipientInputSchema.parse({ kind: 'working_group', name: 'Työryhmä', nameSv: '' }).nameSv).toBeNull()
  })
})
