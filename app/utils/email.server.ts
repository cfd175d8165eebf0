import { Resend } from 'resend'
import { isRetryable, parseRetryAfter } from '#app/domain/email-delivery.ts'
import { getEnv } from './env.server.ts'

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
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  | { kind: 'failed'; error: string }

let client: { apiKey: string; resend: Resend } | undefined

function resendClient(apiKey: string): Resend {
  if (client?.apiKey !== apiKey) client = { apiKey, resend: new Resend(apiKey) }
  return client.resend
}

/**
 * Hands one email to Resend, or keeps it for the local mailbox when Resend is not configured. Never throws:
 * every failure comes back as a retry or a permanent failure. The idempotency key makes a repeat of a send
 * that timed out (or whose answer was lost in a crash) return the first email instead of sending another.
 */
export async function deliverEmail(email: OutgoingEmail, timeoutMs: number): Promise<DeliveryOutcome> {
  const resend = getEnv().resend
  if (!resend) return { kind: 'local' }
  try {
    const { data, error, headers } = await resendClient(resend.apiKey).emails.send(
      { from: resend.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
      { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
    )
    if (data) return { kind: 'sent', providerMessageId: data.id }
    const described = `Resend ${error.statusCode ?? 'no answer'}: ${error.name}: ${error.message}`
    if (!isRetryable(error.statusCode)) return { kind: 'failed', error: described }
    return { kind: 'retry', error: described, retryAfterMs: parseRetryAfter(headers?.['retry-after'], new Date()) }
  } catch (error) {
    return {
      kind: 'retry',
      error: `Resend: ${error instanceof Error ? error.message : String(error)}`,
      retryAfterMs: null,
    }
  }
}
