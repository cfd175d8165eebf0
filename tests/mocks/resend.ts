import { delay, http, HttpResponse } from 'msw'

export interface ReceivedEmail {
  idempotencyKey: string | null
  from: string
  to: string[]
  subject: string
  html: string
  text: string
}

/**
 * A stand-in for the Resend HTTP API that behaves like it: an idempotency key seen before returns the
 * first email's id without sending again. `requests` holds every call, `delivered` only the emails sent.
 */
export function createResendMock() {
  const requests: ReceivedEmail[] = []
  const delivered: ReceivedEmail[] = []
  const idsByKey = new Map<string, string>()
  /** Answers for the next calls, in order; when empty, calls succeed. */
  const script: ((email: ReceivedEmail) => Promise<Response | null>)[] = []

  const handler = http.post('https://api.resend.com/emails', async ({ request }) => {
    const body = (await request.json()) as Omit<ReceivedEmail, 'idempotencyKey' | 'to'> & { to: string | string[] }
    const email = { ...body, to: [body.to].flat(), idempotencyKey: request.headers.get('Idempotency-Key') }
    requests.push(email)
    const scripted = await script.shift()?.(email)
    if (scripted) return scripted
    const known = email.idempotencyKey ? idsByKey.get(email.idempotencyKey) : undefined
    if (known) return HttpResponse.json({ id: known })
    const id = crypto.randomUUID()
    if (email.idempotencyKey) idsByKey.set(email.idempotencyKey, id)
    delivered.push(email)
    return HttpResponse.json({ id })
  })

  return {
    handler,
    requests,
    delivered,
    /** The next call fails with this status and Resend's error body. */
    failNext(status: number, headers: Record<string, string> = {}) {
      script.push(async () =>
        HttpResponse.json(
          { statusCode: status, name: 'application_error', message: `status ${status}` },
          { status, headers },
        ),
      )
    },
    /** The next call gets this answer, not Resend's: say an HTML page or an empty body from a proxy in front of it. */
    answerNextWith(response: () => Response) {
      script.push(async () => response())
    },
    /** The next call is received (and the email sent), but the answer comes too late for the sender. */
    answerNextLate(ms: number) {
      script.push(async (email) => {
        const id = crypto.randomUUID()
        if (email.idempotencyKey) idsByKey.set(email.idempotencyKey, id)
        delivered.push(email)
        await delay(ms)
        return HttpResponse.json({ id })
      })
    },
    reset() {
      requests.length = 0
      delivered.length = 0
      script.length = 0
    },
  }
}
