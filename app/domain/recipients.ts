import { type Locale } from '#app/utils/i18n.ts'
import { hasAnyRole, type Role } from './roles.ts'

/**
 * The bodies an organisation sends knowledge to. Committees answer through their meetings; the working group, a
 * management group and a municipality's welfare work answer in the app through their members; a partner outside
 * the organisation (Kela, an NGO, a parish…) answers through an emailed single-use link.
 */
export const recipientKinds = [
  'committee',
  'working_group',
  'management_group',
  'municipal_welfare',
  'partner',
] as const
export type RecipientKind = (typeof recipientKinds)[number]

/** The kinds an admin creates on the recipients page; a committee's recipient comes with the committee. */
export const managedRecipientKinds = recipientKinds.filter(
  (kind): kind is Exclude<RecipientKind, 'committee'> => kind !== 'committee',
)

export type AnswerChannel = 'meeting' | 'members' | 'link'

export function answerChannel(kind: RecipientKind): AnswerChannel {
  switch (kind) {
    case 'committee':
      return 'meeting'
    case 'working_group':
    case 'management_group':
    case 'municipal_welfare':
      return 'members'
    case 'partner':
      return 'link'
  }
}

export interface Recipient {
  id: string
  kind: RecipientKind
  name: string
  committeeId: string | null
  municipalityId: string | null
  contactEmail: string | null
  locale: Locale
  archived: boolean
}

/** Admins manage recipients. */
export function canManageRecipients(roles: readonly Role[]): boolean {
  return roles.includes('admin')
}

/** Team leads and coordinators send reports and phenomena on. */
export const senderRoles = ['team_lead', 'coordinator'] as const satisfies readonly Role[]

export function canSend(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, senderRoles)
}
