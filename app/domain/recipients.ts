import { z } from 'zod'
import { type Locale, locales } from '#app/utils/i18n.ts'
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

/** Whether members of this kind of recipient answer in the app, and so can be given members. */
export function hasMembers(kind: RecipientKind): boolean {
  return answerChannel(kind) === 'members'
}

/**
 * A recipient as the admin writes it: a municipality's welfare work names its municipality, a partner its contact
 * address (where its requests and response links go) and the language they are written in. Fields another kind does
 * not use are dropped, so a kind changed in the form leaves nothing stale behind.
 */
export const RecipientInputSchema = z
  .object({
    kind: z.enum(managedRecipientKinds, 'validation.invalid'),
    name: z.string().trim().min(1, 'validation.nameRequired').max(200, 'validation.tooLong'),
    /** Optional: the Swedish form shown to readers using Swedish; empty means none. */
    nameSv: z.string().trim().max(200, 'validation.tooLong').default(''),
    municipalityId: z.string().default(''),
    contactEmail: z.string().trim().max(320, 'validation.tooLong').default(''),
    locale: z.enum(locales, 'validation.invalid').default('fi'),
  })
  .superRefine((input, context) => {
    if (input.kind === 'municipal_welfare' && !z.uuid().safeParse(input.municipalityId).success) {
      context.addIssue({
        code: 'custom',
        path: ['municipalityId'],
        message: 'admin.recipients.validation.municipality',
      })
    }
    if (input.kind === 'partner' && !z.email().safeParse(input.contactEmail).success) {
      context.addIssue({ code: 'custom', path: ['contactEmail'], message: 'admin.recipients.validation.contactEmail' })
    }
  })
  .transform((input) => ({
    kind: input.kind,
    name: input.name,
    nameSv: input.nameSv || null,
    municipalityId: input.kind === 'municipal_welfare' ? input.municipalityId : null,
    contactEmail: input.kind === 'partner' ? input.contactEmail : null,
    locale: input.kind === 'partner' ? input.locale : ('fi' as Locale),
  }))
export type RecipientInput = z.output<typeof RecipientInputSchema>
