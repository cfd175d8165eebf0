import { type ProviderClaims, verifiedEmailOf } from '#app/domain/single-sign-on.ts'
import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { recordAudit } from '#app/models/audit-log.server.ts'
import {
  findIdentityUser,
  findUserByEmail,
  getPasswordLogin,
  hasLinkedIdentity,
  linkIdentity,
  setPasswordLogin,
  touchIdentity,
} from '#app/models/single-sign-on.server.ts'
import { type CurrentUser, findLoginOrganisation } from '#app/models/user.server.ts'
import { recordSignIn, startSession } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { type CommonRefusal, type Refused, type ServiceResult } from './result.ts'

/**
 * Why a person the provider vouched for still cannot sign in: the address is not verified or not the county's,
 * no admin has added anyone under it, or their account is deactivated.
 */
export type SingleSignOnRefusal =
  Refused<'email_unverified'> | Refused<'email_domain_not_allowed'> | Refused<'not_added'> | Refused<'deactivated'>

/**
 * Signs in a person whose ID token the provider issued and openid-client checked. A subject seen before signs in
 * its linked user; a first sign-in links to the active user an admin added under the same verified address. No
 * account is ever created here, and roles stay as the admins set them. Returns the new session's cookie.
 */
export async function signInThroughProvider(input: {
  issuer: string
  claims: ProviderClaims
  allowedEmailDomains: readonly string[]
}): Promise<ServiceResult<{ setCookie: string }, SingleSignOnRefusal>> {
  const verified = verifiedEmailOf(input.claims, input.allowedEmailDomains)
  if (!verified.ok) return verified
  const identity = { issuer: input.issuer, subject: input.claims.sub, email: verified.email }
  const now = new Date()
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const known = await findIdentityUser(trx, identity.issuer, identity.subject)
      const userId = known?.user_id ?? (await findUserByEmail(trx, identity.email))?.id
      if (!userId) return { ok: false, reason: 'not_added' } as const
      const organisation = await findLoginOrganisation(trx, userId)
      if (!organisation) return { ok: false, reason: 'deactivated' } as const
      if (known) await touchIdentity(trx, identity, now)
      else await linkIdentity(trx, { ...identity, userId }, now)
      await recordSignIn(trx, 'sign_in', { userId, organisation, method: 'sso' })
      return { ok: true, setCookie: await startSession(trx, userId, organisation.id) } as const
    })
}

/** The organisation's staff cannot turn password sign-in off unless they have some other way in. */
export type PasswordLoginRefusal = CommonRefusal | Refused<'no_linked_identity'>

/**
 * Turns password sign-in on or off for the admin's organisation. Off is offered only with single sign-on
 * configured, and only to an admin who has signed in through it themself, so they cannot lock everyone out.
 */
export async function setOrganisationPasswordLogin(
  admin: Pick<CurrentUser, 'id' | 'roles' | 'organisation'>,
  allowed: boolean,
): Promise<ServiceResult<object, PasswordLoginRefusal>> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const db = getDb()
  if (!allowed) {
    if (!getEnv().oidc) return { ok: false, reason: 'forbidden' }
    if (!(await hasLinkedIdentity(db, admin.id))) return { ok: false, reason: 'no_linked_identity' }
  }
  const organisationId = admin.organisation.id
  await db.transaction().execute(async (trx) => {
    const before = await getPasswordLogin(trx, organisationId)
    await setPasswordLogin(trx, organisationId, allowed)
    if (before === allowed) return
    await recordAudit(trx, {
      organisationId,
      actorId: admin.id,
      action: 'settings.changed',
      target: { type: 'organisation', id: organisationId },
      details: { intent: 'passwordLogin', changes: { passwordLogin: { before, after: allowed } } },
    })
  })
  return { ok: true }
}
