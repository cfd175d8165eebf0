import { isRetryable, parseRetryAfter, rateLimitWaitMs } from '#app/domain/email-delivery.ts'
import { type Env } from './env.server.ts'
import { localMailboxAvailable } from './local-mailbox.server.ts'

export interface OutgoingEmail {
  to: string
  subject: string
  html: string
  text: string
}

/** Each email's own result when Resend took the batch: its message id, or why Resend refused that one email. */
export type BatchEmailResult = { providerMessageId: string | null } | { error: string }

export type BatchOutcome =
  | { kind: 'sent'; results: BatchEmailResult[] }
  | { kind: 'rate_limited'; error: string; waitMs: number }
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  | { kind: 'failed'; error: string }

/** Where this process delivers email: through Resend, to the local mailbox (demo mode only), or nowhere. */
export function emailSenderOf(env: Env): 'resend' | 'local' | null {
  if (env.resend) return 'resend'
  // Outside demo mode nothing may stand in for a sender: an email kept here would count as sent and never leave.
  return localMailboxAvailable(env) ? 'local' : null
}

/** Whether this process can deliver email at all: through Resend, or (demo mode only) to the local mailbox. */
export function canDeliverEmail(env: Env): boolean {
  return emailSenderOf(env) !== null
}

/** Resend's own error body names the problem; a proxy's page or an empty body has nothing to add to the status. */
function resendErrorMessage(body: string): string | null {
  try {
    const message = (JSON.parse(body) as { message?: unknown } | null)?.message
    return typeof message === 'string' ? message : null
  } catch {
    return null
  }
}

interface BatchResponse {
  data?: { id: string }[]
  errors?: { index: number; message: string }[]
}

/**
 * Hands up to 100 emails to Resend in one batch request. Never throws: every failure comes back as a rate limit, a
 * retry or a permanent failure, judged by the HTTP status alone, since a proxy in front of Resend may answer with a
 * body of its own. The batch's idempotency key makes a repeat of a request that timed out (or whose answer was lost
 * in a crash) return the first answer instead of sending the emails again. Permissive validation lets Resend send
 * the valid emails of a batch and name the ones it refuses, so one bad address does not stop the rest.
 *
 * Resend's HTTP API is called directly because its SDK reports the status it finds in the error body, not the one
 * the response carries, and a rate limit is told by the status and headers alone.
 */
export async function sendEmailBatch(
  resend: NonNullable<Env['resend']>,
  emails: OutgoingEmail[],
  idempotencyKey: string,
  timeoutMs: number,
): Promise<BatchOutcome> {
  try {
    const response = await fetch(`${resend.apiUrl}/emails/batch`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${resend.apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
        'x-batch-validation': 'permissive',
      },
      body: JSON.stringify(emails.map((email) => ({ from: resend.from, ...email }))),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (response.ok) return { kind: 'sent', results: emailResults((await response.json()) as BatchResponse, emails) }
    const detail = resendErrorMessage(await response.text()) ?? (response.statusText || 'no details')
    const described = `Resend ${response.status}: ${detail}`
    const now = new Date()
    if (response.status === 429) {
      const headers = {
        retryAfter: response.headers.get('retry-after'),
        rateLimitReset: response.headers.get('ratelimit-reset'),
      }
      return { kind: 'rate_limited', error: described, waitMs: rateLimitWaitMs(headers, now) }
    }
    if (!isRetryable(response.status)) return { kind: 'failed', error: described }
    return { kind: 'retry', error: described, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now) }
  } catch (error) {
    return {
      kind: 'retry',
      error: `Resend: no answer (${error instanceof Error ? error.message : String(error)})`,
      retryAfterMs: null,
    }
  }
}

/** Resend lists the ids of the emails it took in order, and the refused ones by their index in the request. */
function emailResults(body: BatchResponse, emails: OutgoingEmail[]): BatchEmailResult[] {
  const refused = new Map((body.errors ?? []).map((error) => [error.index, error.message]))
  const ids = (body.data ?? []).map((item) => item.id)
  let next = 0
  return emails.map((_, index) => {
    const error = refused.get(index)
    if (error !== undefined) return { error: `Resend refused this email: ${error}` }
    return { providerMessageId: ids[next++] ?? null }
  })
}
