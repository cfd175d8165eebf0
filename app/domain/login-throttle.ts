export const freeLoginAttempts = 5
const baseDelaySeconds = 30
const maxDelaySeconds = 15 * 60

/** After the free attempts each further failure doubles the wait: 30 s, 60 s, 120 s … up to 15 minutes. */
export function loginDelaySeconds(failures: number): number {
  if (failures < freeLoginAttempts) return 0
  return Math.min(baseDelaySeconds * 2 ** (failures - freeLoginAttempts), maxDelaySeconds)
}

export function secondsUntilNextAttempt(
  attempt: { failures: number; lastFailureAt: Date } | undefined,
  now: Date,
): number {
  if (!attempt) return 0
  const allowedAt = attempt.lastFailureAt.getTime() + loginDelaySeconds(attempt.failures) * 1000
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000))
}

/**
 * Failures count against the account as tried from one client, and against the client whatever it tries. Keying the
 * account by client too means someone failing on purpose cannot keep the owner out: the owner's own client has no
 * failures. The client count still slows any one address guessing, whichever accounts it tries.
 */
export function loginThrottleKeys(normalisedEmail: string, clientIp: string) {
  return { account: `account:${normalisedEmail}|ip:${clientIp}`, client: `ip:${clientIp}` }
}
