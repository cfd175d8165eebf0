import { delay, http, HttpResponse } from 'msw'

export interface ReceivedEmail {
  /** The key of the batch request the email came in. */
  idempotencyKey: string | null
  from: string
  to: string[]
  subject: string
  html: string
  text: string
}

export interface ReceivedBatch {
  idempotencyKey: string | null
  emails: ReceivedEmail[]
  /** When the request arrived (ms since the epoch). */
  at: number
  rateLimited: boolean
}

/**
 * A stand-in for Resend's batch endpoint (POST /emails/batch) that behaves like it: a batch whose idempotency key
 * was seen before returns the first answer without sending again; in permissive validation an email to a refused
 * address is named in `errors` while the others are sent. With `requestsPerSecond` it enforces a rate limit as
 * Resend does: a request beyond that many in the last second gets a 429 with Retry-After and RateLimit-Reset.
 * `requests` holds every call, `delivered` only the emails sent.
 */
export function createResendMock(options: { requestsPerSecond?: number } = {}) {
  const requests: ReceivedBatch[] = []
  const delivered: ReceivedEmail[] = []
  const answersByKey = new Map<string, object>()
  const refusedAddresses = new Set<string>()
  /** Answers for the next calls, in order; when empty, calls succeed. */
  const script: ((batch: ReceivedBatch) => Promise<Response | null>)[] = []
  let requestsPerSecond = options.requestsPerSecond ?? null

  function deliver(batch: ReceivedBatch) {
    const known = batch.idempotencyKey ? answersByKey.get(batch.idempotencyKey) : undefined
    if (known) return known
    const data: { id: string }[] = []
    const errors: { index: number; message: string }[] = []
    batch.emails.forEach((email, index) => {
      if (email.to.some((address) => refusedAddresses.has(address))) {
        errors.push({ index, message: `Invalid \`to\` field: ${email.to.join(', ')}` })
      } else {
        data.push({ id: crypto.randomUUID() })
        delivered.push(email)
      }
    })
    const answer = { data, errors }
    if (batch.idempotencyKey) answersByKey.set(batch.idempotencyKey, answer)
    return answer
  }

  /** The 429 Resend gives a request beyond the rate, with the seconds until the window has room again. */
  function rateLimit(at: number) {
    if (requestsPerSecond === null) return null
    const recent = requests.filter((batch) => !batch.rateLimited && batch.at > at - 1000)
    if (recent.length < requestsPerSecond) return null
    const resetSeconds = Math.max(1, Math.ceil((recent[0]!.at + 1000 - at) / 1000))
    return HttpResponse.json(
      {
        statusCode: 429,
        name: 'rate_limit_exceeded',
        message: `Too many requests. You can only make ${requestsPerSecond} requests per second.`,
      },
      { status: 429, headers: { 'Retry-After': String(resetSeconds), 'RateLimit-Reset': String(resetSeconds) } },
    )
  }

  const handler = http.post('https://api.resend.com/emails/batch', async ({ request }) => {
    const at = Date.now()
    const body = (await request.json()) as (Omit<ReceivedEmail, 'idempotencyKey' | 'to'> & { to: string | string[] })[]
    const idempotencyKey = request.headers.get('Idempotency-Key')
    const batch: ReceivedBatch = {
      idempotencyKey,
      emails: body.map((email) => ({ ...email, to: [email.to].flat(), idempotencyKey })),
      at,
      rateLimited: false,
    }
    const limited = rateLimit(at)
    batch.rateLimited = limited !== null
    requests.push(batch)
    if (limited) return limited
    const scripted = await script.shift()?.(batch)
    if (scripted) return scripted
    return HttpResponse.json(deliver(batch))
  })

  return {
    handler,
    requests,
    delivered,
    /** Requests a second beyond which calls get a 429; null for none. */
    limitRate(perSecond: number | null) {
      requestsPerSecond = perSecond
    },
    /** Resend refuses emails to this address in a batch, as it does one that fails validation. */
    refuseAddress(address: string) {
      refusedAddresses.add(address)
    },
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
    /** The next call is received (and its emails sent), but the answer comes too late for the sender. */
    answerNextLate(ms: number) {
      script.push(async (batch) => {
        const answer = deliver(batch)
        await delay(ms)
        return HttpResponse.json(answer)
      })
    },
    reset() {
      requests.length = 0
      delivered.length = 0
      script.length = 0
      refusedAddresses.clear()
      requestsPerSecond = options.requestsPerSecond ?? null
    },
  }
}
