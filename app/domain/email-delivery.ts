/** How a user wants to hear of events: an email for each, one daily digest, or only in the app. */
export const emailDeliveries = ['immediate', 'daily', 'none'] as const
export type EmailDelivery = (typeof emailDeliveries)[number]

/** After this many attempts a job is dead-lettered and waits for an admin. */
export const maxEmailAttempts = 8

/** Resend takes at most this many emails in one batch request. */
export const emailBatchSize = 100

/**
 * Time kept between two requests to the provider, by every worker together, at the configured rate. A turn is
 * taken a moment before its request reaches the provider, so each gap is a little longer than the rate alone asks:
 * a request that leaves late must not crowd the next one into the previous second.
 */
export function requestGapMs(ratePerSecond: number) {
  return Math.ceil(1000 / ratePerSecond) + 50
}

const firstRetryMs = 30_000
const longestRetryMs = 6 * 60 * 60 * 1000

/**
 * Whether a failed send is worth trying again: no answer (network error, timeout), rate limiting and server
 * errors are; any other 4xx means the request itself is wrong and would fail the same way again. A 429 is retried
 * without spending an attempt: it says nothing about the emails.
 */
export function isRetryable(statusCode: number | null): boolean {
  return statusCode === null || statusCode === 429 || statusCode >= 500
}

/**
 * Exponential backoff with jitter (half to full delay, so many failed jobs do not return at once);
 * a server's Retry-After is honoured when it asks for longer.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, random: () => number = Math.random) {
  const exponential = Math.min(longestRetryMs, firstRetryMs * 2 ** Math.max(0, attempt - 1))
  const jittered = Math.round(exponential * (0.5 + random() / 2))
  return Math.max(jittered, retryAfterMs ?? 0)
}

/**
 * How long a rate-limited request should wait: the longer of Retry-After and RateLimit-Reset (seconds until the
 * window resets); without either, the first retry's delay.
 */
export function rateLimitWaitMs(
  headers: { retryAfter: string | null; rateLimitReset: string | null },
  now: Date,
  random: () => number = Math.random,
) {
  const reset = headers.rateLimitReset?.trim()
  const resetMs = reset && /^\d+(\.\d+)?$/.test(reset) ? Math.ceil(Number(reset) * 1000) : null
  const retryAfterMs = parseRetryAfter(headers.retryAfter, now)
  if (resetMs === null && retryAfterMs === null) return retryDelayMs(1, null, random)
  return Math.max(resetMs ?? 0, retryAfterMs ?? 0)
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime())
}
