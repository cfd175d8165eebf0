/** Single-use links emailed to a user: an invitation to set a first password, or a password reset. */
export const tokenPurposes = ['invitation', 'password_reset'] as const
export type TokenPurpose = (typeof tokenPurposes)[number]

const hour = 60 * 60 * 1000

// An invitation waits for someone who may be on leave for a few days; a reset is asked for by someone at the screen.
const validity: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * hour,
  password_reset: hour,
}

export function tokenExpiresAt(purpose: TokenPurpose, now: Date): Date {
  return new Date(now.getTime() + validity[purpose])
}

export type TokenState = 'usable' | 'used' | 'expired'

/** A used link stays used; an unused one lapses at its expiry (replacing it with a newer link moves the expiry to then). */
export function tokenState(token: { usedAt: Date | null; expiresAt: Date }, now: Date): TokenState {
  if (token.usedAt) return 'used'
  return token.expiresAt.getTime() > now.getTime() ? 'usable' : 'expired'
}

/**
 * Whether a link still works for its holder. An invitation is spent once the person has a password by any route,
 * and no link signs in someone whose every membership has been deactivated.
 */
export function linkState(
  purpose: TokenPurpose,
  token: { usedAt: Date | null; expiresAt: Date },
  holder: { hasPassword: boolean; canSignIn: boolean },
  now: Date,
): TokenState {
  const state = tokenState(token, now)
  if (state !== 'usable') return state
  if (purpose === 'invitation' && holder.hasPassword) return 'used'
  return holder.canSignIn ? 'usable' : 'expired'
}

/**
 * Reset requests are counted per address and per client address, with their own prefixes so that asking for
 * links never slows down anyone's login, and failed logins never block a reset.
 */
export function passwordResetThrottleKeys(normalisedEmail: string, clientIp: string): string[] {
  return [`reset:${normalisedEmail}`, `reset-ip:${clientIp}`]
}
