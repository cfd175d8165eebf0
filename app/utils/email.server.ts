import { isRetryable, parseRetryAfter } from '#app/domain/email-delivery.ts'
import { type Env, getEnv } from './env.server.ts'
import { localMailboxAvailable } from './local-mailbox.server.ts'

export interface OutgoingEmail {
  to: string
  subject: string
  html: string
  text: string
  idempotencyKey: string
}

export type DeliveryOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'local' }
  | { kind: 'no_sender' }
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  | { kind: 'failed'; error: string }

/** Whether this process can deliver email at all: through Resend, or (demo mode only) to the local mailbox. */
export function canDeliverEmail(env: Env): boolean {
  return env.resend !== null || localMailboxAvailable(env)
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

/**
 * Hands one email to Resend, or keeps it for the local mailbox in demo mode. Never throws: every failure comes
 * back as a retry or a permanent failure, judged by the HTTP status alone, since a proxy in front of Resend may
 * answer with a body of its own. The idempotency key makes a repeat of a send that timed out (or whose answer
 * was lost in a crash) return the first email instead of sending another.
 *
 * Resend's HTTP API is called directly because its SDK reports the status it finds in the error body, not the
 * one the response carries.
 */
export async function deliverEmail(email: OutgoingEmail, timeoutMs: number): Promise<DeliveryOutcome> {
  const env = getEnv()
  const resend = env.resend
  // Outside demo mode nothing may stand in for a sender: an email kept here would count as sent and never leave.
  if (!resend) return localMailboxAvailable(env) ? { kind: 'local' } : { kind: 'no_sender' }
  try {
    const response = await fetch(`${resend.apiUrl}/emails`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${resend.apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': email.idempotencyKey,
      },
      body: JSON.stringify({
        from: resend.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (response.ok) return { kind: 'sent', providerMessageId: ((await response.json()) as { id: string }).id }
    const detail = resendErrorMessage(await response.text()) ?? (response.statusText || 'no details')
    const described = `Resend ${response.status}: ${detail}`
    if (!isRetryable(response.status)) return { kind: 'failed', error: described }
    return {
      kind: 'retry',
      error: described,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), new Date()),
    }
  } catch (error) {
    return {
      kind: 'retry',
      error: `Resend: no answer (${error instanceof Error ? error.message : String(error)})`,
      retryAfterMs: null,
    }
  }
}
