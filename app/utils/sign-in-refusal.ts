/** Every reason a single sign-on attempt ends on the refusal page rather than signed in. */
export type SignInRefusalReason =
  | 'not_added'
  | 'deactivated'
  | 'email_unverified'
  | 'email_domain_not_allowed'
  | 'denied'
  | 'expired'
  | 'failed'
  | 'unavailable'

/** The person could sign in another day (400) or this service will not let them in as they are (403). */
export function statusOfRefusal(reason: SignInRefusalReason): number {
  return ['not_added', 'deactivated', 'email_unverified', 'email_domain_not_allowed'].includes(reason) ? 403 : 400
}
