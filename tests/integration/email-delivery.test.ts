import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { HttpResponse } from 'msw'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createCommittee, createOrganisation, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { createResendMock } from '#tests/mocks/resend.ts'
import { mockServer } from '#tests/setup/setup-test-env.ts'
import { maxEmailAttempts } from '#app/domain/email-delivery.ts'
import { type Resolution } from '#app/domain/report-status.ts'
import { type EmailDelivery, type ReportStatus } from '#app/models/database.ts'
import { assignBatchKey, batchIdempotencyKey, claimEmailBatch, enqueueEmail } from '#app/models/email-job.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { sendEmailBatch } from '#app/utils/email.server.ts'
import {
  processDueEmails,
  scheduleDigests,
  startEmailWorker,
  startInAppEmailWorker,
} from '#app/utils/email-worker.server.ts'
import { parseEnv } from '#app/utils/env.server.ts'
import { type Locale, translate } from '#app/utils/i18n.ts'
import { applyTransition } from '#app/services/reports.server.ts'
import { sweepFollowUps } from '#app/services/follow-ups.server.ts'
import { runScript } from '#tests/process.ts'

// Some tests run without a sender or outside demo mode: the app reads the environment afresh, not once per process.
vi.mock('#app/utils/env.server.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#app/utils/env.server.ts')>()
  return { ...actual, getEnv: () => actual.parseEnv(process.env) }
})

const resend = createResendMock()
const fast = { sendTimeoutMs: 2000, leaseMs: 60_000, random: () => 1 }
let organisationId: string
let teamId: string
let committeeId: string
let lead: { id: string }
let coordinator: { id: string }

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  committeeId = (await createCommittee(db, organisationId, 'Perusturvalautakunta')).id
  lead = await createUser(db, { organisationId, roles: ['team_lead'], teamIds: [teamId], locale: 'fi' })
  coordinator = await createUser(db, { organisationId, roles: ['coordinator'], locale: 'en' })
})

beforeEach(async () => {
  vi.stubEnv('RESEND_API_KEY', 're_test_key')
  vi.stubEnv('EMAIL_FROM', 'Sosiaalinen raportointi <noreply@example.fi>')
  vi.stubEnv('APP_URL', 'https://raportointi.example.fi')
  // Pacing is tested on its own; elsewhere it should not slow the tests down.
  vi.stubEnv('EMAIL_RATE_PER_SECOND', '1000')
  resend.reset()
  mockServer.use(resend.handler)
  // Each test starts with an empty queue so it sees only its own emails.
  await getDb().deleteFrom('email_jobs').execute()
})

afterEach(() => {
  vi.unstubAllEnvs()
})

async function reporter(locale: Locale, emailDelivery: EmailDelivery = 'immediate') {
  const db = getDb()
  const user = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamId], locale })
  await db.updateTable('users').set({ email_delivery: emailDelivery }).where('id', '=', user.id).execute()
  return user
}

async function submittedReport(authorId: string, title: string) {
  const report = await createReport(getDb(), {
    organisation_id: organisationId,
    team_id: teamId,
    author_id: authorId,
    status: 'draft',
    title,
    description: 'Asiakkaat eivät tiedä, miten täydentävää toimeentulotukea haetaan Kelan päätöksen jälkeen.',
    support_needs: ['financial'],
    client_groups: ['adults'],
    no_identifying_data_confirmed: true,
    actions: [{ description: 'Päätösten sanamuoto uusiksi.', level: 'national' }],
  })
  await move(authorId, report.id, 'draft', 'submitted')
  return report.id
}

async function move(
  actorId: string,
  reportId: string,
  from: ReportStatus,
  to: ReportStatus,
  extra: { comment?: string; resolution?: Resolution; committeeId?: string } = {},
) {
  const actor = (await getUserInOrganisation(getDb(), actorId, organisationId))!
  const result = await applyTransition(actor, {
    reportId,
    to,
    expectedStatus: from,
    comment: extra.comment ?? '',
    resolution: extra.resolution ?? null,
    committeeId: extra.committeeId ?? null,
    phenomenonId: null,
  })
  expect(result).toEqual({ ok: true })
}

function emailsTo(address: string) {
  return resend.delivered.filter((email) => email.to.includes(address))
}

async function jobs() {
  return getDb().selectFrom('email_jobs').selectAll().orderBy('created_at').execute()
}

async function oneQueuedEmail(title = 'Toimitustesti') {
  const author = await reporter('fi')
  const reportId = await submittedReport(author.id, title)
  await move(lead.id, reportId, 'submitted', 'in_review')
  await getDb().deleteFrom('email_jobs').where('recipient_id', '!=', author.id).execute()
  const [job] = await jobs()
  return { author, job: job! }
}

async function makeDue() {
  await getDb()
    .updateTable('email_jobs')
    .set({ run_at: new Date(Date.now() - 1000) })
    .execute()
}

describe('every step reaches the people it concerns, by email in their own language', () => {
  test.each(['fi', 'sv', 'en'] as const)(
    'the reporter (%s) hears of review, changes requested and closing',
    async (locale) => {
      const author = await reporter(locale)
      const title = `Kela-päätösten ohjeet puuttuvat (${locale})`
      const reportId = await submittedReport(author.id, title)
      await move(lead.id, reportId, 'submitted', 'in_review')
      await move(lead.id, reportId, 'in_review', 'changes_requested', { comment: 'Lisää arvio asiakasmäärästä.' })
      await move(author.id, reportId, 'changes_requested', 'submitted')
      await move(lead.id, reportId, 'submitted', 'in_review')
      await move(lead.id, reportId, 'in_review', 'closed', {
        resolution: 'resolved_in_team',
        comment: 'Sovittu Kelan kanssa uusi ohje.',
      })
      expect(await processDueEmails(getDb(), fast)).toBeGreaterThanOrEqual(4)

      // Several emails are sent at once, so they may arrive in any order.
      const received = emailsTo(author.email)
      const about = (value: ReportStatus) =>
        received.filter((email) => email.subject.includes(translate(locale, `status.${value}`)))
      expect(received).toHaveLength(4)
      expect(about('in_review')).toHaveLength(2)
      expect(about('changes_requested')).toHaveLength(1)
      expect(about('closed')).toHaveLength(1)
      for (const email of received) {
        expect(email.subject).toContain(title)
        expect(email.text).toContain(`https://raportointi.example.fi/reports/${reportId}`)
        expect(email.html).toContain(`lang="${locale}"`)
        expect(email.from).toBe('Sosiaalinen raportointi <noreply@example.fi>')
      }
      expect(about('changes_requested')[0]!.text).toContain('Lisää arvio asiakasmäärästä.')
      expect(about('closed')[0]!.text).toContain('Sovittu Kelan kanssa uusi ohje.')
      expect(about('closed')[0]!.text).toContain(translate(locale, 'resolution.resolved_in_team'))
    },
  )

  test('the team lead hears of new and resubmitted reports, the coordinator of forwarded ones', async () => {
    const author = await reporter('fi')
    const reportId = await submittedReport(author.id, 'Nuorten ensimmäinen vuokra-asunto')
    await move(lead.id, reportId, 'submitted', 'in_review')
    await move(lead.id, reportId, 'in_review', 'forwarded', { committeeId })
    await processDueEmails(getDb(), fast)
    const leadUser = (await getUserInOrganisation(getDb(), lead.id, organisationId))!
    const coordinatorUser = (await getUserInOrganisation(getDb(), coordinator.id, organisationId))!
    expect(emailsTo(leadUser.email).map((email) => email.subject)).toEqual([
      expect.stringContaining('Uusi raportti tiimillesi'),
    ])
    expect(emailsTo(coordinatorUser.email).map((email) => email.subject)).toEqual([
      expect.stringContaining('Forwarded'),
    ])
    expect(emailsTo(coordinatorUser.email)[0]!.html).toContain('lang="en"')
  })
})

describe('email preferences', () => {
  test('"none" keeps the notification in the app but sends nothing', async () => {
    const author = await reporter('fi', 'none')
    const reportId = await submittedReport(author.id, 'Ei sähköpostia')
    await move(lead.id, reportId, 'submitted', 'in_review')
    await processDueEmails(getDb(), fast)
    expect(emailsTo(author.email)).toEqual([])
    const notifications = await getDb()
      .selectFrom('notifications')
      .select('reason')
      .where('user_id', '=', author.id)
      .execute()
    expect(notifications).toEqual([{ reason: 'author' }])
  })

  test('a daily digest gathers the day’s updates into one email, queued once however often scheduling runs', async () => {
    const author = await reporter('sv', 'daily')
    const first = await submittedReport(author.id, 'Första rapporten')
    const second = await submittedReport(author.id, 'Andra rapporten')
    await move(lead.id, first, 'submitted', 'in_review')
    await move(lead.id, second, 'submitted', 'in_review')
    await move(lead.id, second, 'in_review', 'changes_requested', { comment: 'Beskriv trenden.' })
    await processDueEmails(getDb(), fast)
    expect(emailsTo(author.email)).toEqual([])

    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
    await scheduleDigests(getDb(), tomorrow)
    await scheduleDigests(getDb(), tomorrow)
    const digests = (await jobs()).filter((job) => job.kind === 'digest')
    expect(digests).toHaveLength(1)
    await getDb().updateTable('email_jobs').set({ run_at: new Date() }).where('kind', '=', 'digest').execute()
    await processDueEmails(getDb(), fast)
    const [digest, ...more] = emailsTo(author.email)
    expect(more).toEqual([])
    expect(digest!.subject).toContain('3')
    for (const text of ['Första rapporten', 'Andra rapporten', 'Beskriv trenden.']) expect(digest!.text).toContain(text)
  })
})

describe('the weekly reminder of overdue follow-ups', () => {
  test('the responsible person and the coordinator each get one listing the overdue follow-up, in their language', async () => {
    const responsible = await reporter('sv')
    const db = getDb()
    const followUp = await db
      .insertInto('follow_ups')
      .values({
        organisation_id: organisationId,
        title: 'Utredning om avlösning för närståendevårdare',
        responsible_user_id: responsible.id,
        decided_on: '2026-05-12',
        target_date: '2026-06-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await sweepFollowUps(db)
    await sweepFollowUps(db)
    await processDueEmails(db, fast)
    const [reminder, ...more] = emailsTo(responsible.email)
    expect(more).toEqual([])
    expect(reminder!.subject).toBe(translate('sv', 'followUps.email.subject', { count: 1 }))
    expect(reminder!.text).toContain('Utredning om avlösning för närståendevårdare')
    expect(reminder!.text).toContain(`https://raportointi.example.fi/follow-ups/${followUp.id}`)
    const coordinatorEmail = (
      await db.selectFrom('users').select('email').where('id', '=', coordinator.id).executeTakeFirstOrThrow()
    ).email
    const toCoordinator = emailsTo(coordinatorEmail).filter((email) => email.subject.includes('overdue'))
    expect(toCoordinator).toHaveLength(1)
    expect(toCoordinator[0]!.text).toContain('Utredning om avlösning för närståendevårdare')
    await db.updateTable('follow_ups').set({ status: 'done' }).where('id', '=', followUp.id).execute()
  })
})

describe('delivery that never loses or duplicates a message', () => {
  test('a 500 is retried later with backoff, and the retry sends the email once', async () => {
    const { author, job } = await oneQueuedEmail()
    resend.failNext(500)
    await processDueEmails(getDb(), fast)
    const [failed] = await jobs()
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('500') })
    expect(failed!.run_at.getTime() - Date.now()).toBeGreaterThan(25_000)
    await makeDue()
    await processDueEmails(getDb(), fast)
    expect(await jobs()).toEqual([expect.objectContaining({ id: job.id, status: 'sent', attempts: 2 })])
    expect(emailsTo(author.email)).toHaveLength(1)
    const batchKey = batchIdempotencyKey([`notification/${job.payload.notificationId}`])
    expect(resend.requests.map((request) => request.idempotencyKey)).toEqual([batchKey, batchKey])
  })

  test('a 429 waits at least as long as Retry-After asks, without spending an attempt', async () => {
    await oneQueuedEmail()
    resend.failNext(429, { 'Retry-After': '600' })
    await processDueEmails(getDb(), fast)
    const [waiting] = await jobs()
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0, last_error: expect.stringContaining('429') })
    expect(waiting!.run_at.getTime() - Date.now()).toBeGreaterThan(590_000)
  })

  test.each([
    ['an HTML page', 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html'],
    ['an empty body', 503, '', 'text/plain'],
    ['JSON without a status code', 502, '{"message":"upstream unavailable"}', 'application/json'],
  ])('a proxy’s 5xx with %s is retried later, not dead-lettered', async (_, status, body, type) => {
    await oneQueuedEmail()
    resend.answerNextWith(() => new HttpResponse(body, { status, headers: { 'Content-Type': type } }))
    await processDueEmails(getDb(), fast)
    const [failed] = await jobs()
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: expect.stringContaining(String(status)),
    })
    expect(failed!.run_at.getTime() - Date.now()).toBeGreaterThan(25_000)
  })

  test('a proxy’s 503 without Resend’s body still waits as long as its Retry-After asks', async () => {
    await oneQueuedEmail()
    resend.answerNextWith(
      () => new HttpResponse('{"error":"overloaded"}', { status: 503, headers: { 'Retry-After': '600' } }),
    )
    await processDueEmails(getDb(), fast)
    const [waiting] = await jobs()
    expect(waiting!.status).toBe('pending')
    expect(waiting!.run_at.getTime() - Date.now()).toBeGreaterThan(590_000)
  })

  test('a 422 is not retried: the job is dead-lettered with the error', async () => {
    const { author } = await oneQueuedEmail()
    resend.failNext(422)
    await processDueEmails(getDb(), fast)
    expect(await jobs()).toEqual([
      expect.objectContaining({ status: 'dead', attempts: 1, last_error: expect.stringContaining('422') }),
    ])
    expect(emailsTo(author.email)).toEqual([])
  })

  test('after the last attempt a failing job is dead-lettered', async () => {
    await oneQueuedEmail()
    for (let attempt = 1; attempt <= maxEmailAttempts; attempt++) {
      resend.failNext(503)
      await makeDue()
      await processDueEmails(getDb(), fast)
    }
    expect(await jobs()).toEqual([
      expect.objectContaining({
        status: 'dead',
        attempts: maxEmailAttempts,
        last_error: expect.stringContaining('gave up'),
      }),
    ])
    expect(resend.requests).toHaveLength(maxEmailAttempts)
  })

  test('a timeout is retried with the same idempotency key, so the email arrives once', async () => {
    const { author } = await oneQueuedEmail()
    resend.answerNextLate(2500)
    await processDueEmails(getDb(), fast)
    expect((await jobs())[0]).toMatchObject({ status: 'pending', last_error: expect.stringContaining('no answer') })
    await makeDue()
    await processDueEmails(getDb(), fast)
    expect((await jobs())[0]!.status).toBe('sent')
    expect(resend.requests).toHaveLength(2)
    expect(new Set(resend.requests.map((request) => request.idempotencyKey)).size).toBe(1)
    expect(emailsTo(author.email)).toHaveLength(1)
  })

  test('a crash between sending and acknowledging, then a restart, still gives exactly one email', async () => {
    const { author, job } = await oneQueuedEmail()
    // The worker takes the job with a short lease, hands the email to Resend and dies before recording it.
    const claimed = await claimEmailBatch(getDb(), 1, 100)
    const batchKey = await assignBatchKey(getDb(), claimed)
    const outcome = await sendEmailBatch(
      parseEnv(process.env).resend!,
      [{ to: author.email, subject: 'Ensimmäinen yritys', html: '<p>x</p>', text: 'x' }],
      batchKey,
      1000,
    )
    expect(outcome.kind).toBe('sent')
    expect((await jobs())[0]!.status).toBe('sending')
    await new Promise((resolve) => setTimeout(resolve, 20))

    // After the restart the lease has run out; the job is taken again and sent with the same key.
    await processDueEmails(getDb(), fast)
    expect(await jobs()).toEqual([expect.objectContaining({ id: job.id, status: 'sent', attempts: 2 })])
    expect(resend.requests.map((request) => request.idempotencyKey)).toEqual([batchKey, batchKey])
    expect(emailsTo(author.email)).toHaveLength(1)
  })

  test('a stopped worker takes no further job; what it left waits for the next worker', async () => {
    const author = await reporter('fi')
    for (let index = 0; index < 3; index++) {
      await enqueueEmail(getDb(), {
        organisationId,
        recipientId: author.id,
        kind: 'password_reset',
        payload: {
          url: `https://raportointi.example.fi/reset-password/stop-${index}`,
          expiresAt: new Date().toISOString(),
        },
        idempotencyKey: `stop-test/${index}`,
      })
    }
    resend.answerNextLate(300)
    const stop = startEmailWorker(getDb(), { ...fast, concurrency: 1, batchSize: 1, pollMs: 10 })
    await expect.poll(() => resend.requests.length).toBe(1)
    await stop()
    const statuses = (await jobs()).map((job) => job.status).sort()
    expect(statuses).toEqual(['pending', 'pending', 'sent'])
    await processDueEmails(getDb(), { ...fast, batchSize: 1 })
    expect((await jobs()).every((job) => job.status === 'sent')).toBe(true)
    expect(resend.requests).toHaveLength(3)
  })

  test('two workers running at once never send the same job', async () => {
    const author = await reporter('en')
    for (let index = 0; index < 12; index++) {
      await enqueueEmail(getDb(), {
        organisationId,
        recipientId: author.id,
        kind: 'password_reset',
        payload: { url: `https://raportointi.example.fi/reset-password/${index}`, expiresAt: new Date().toISOString() },
        idempotencyKey: `parallel-test/${index}`,
      })
    }
    const [first, second] = await Promise.all([
      processDueEmails(getDb(), { ...fast, concurrency: 3, batchSize: 2 }),
      processDueEmails(getDb(), { ...fast, concurrency: 3, batchSize: 2 }),
    ])
    expect(first + second).toBe(12)
    const links = resend.delivered.map((email) => /reset-password\/\d+/.exec(email.text)?.[0])
    expect(links).toHaveLength(12)
    expect(new Set(links).size).toBe(12)
    expect(new Set(resend.requests.map((request) => request.idempotencyKey)).size).toBe(resend.requests.length)
    expect((await jobs()).every((job) => job.status === 'sent')).toBe(true)
  })
})

async function queuePasswordResets(count: number, prefix: string) {
  const author = await reporter('fi')
  for (let index = 0; index < count; index++) {
    await enqueueEmail(getDb(), {
      organisationId,
      recipientId: author.id,
      kind: 'password_reset',
      payload: {
        url: `https://raportointi.example.fi/reset-password/${prefix}-${index}`,
        expiresAt: new Date().toISOString(),
      },
      idempotencyKey: `${prefix}/${index}`,
    })
  }
  return author
}

describe('within the provider’s rate limit', () => {
  test('150 queued emails go out in two batch requests, each under its own idempotency key', async () => {
    await queuePasswordResets(150, 'batch-of-150')
    expect(await processDueEmails(getDb(), { ...fast, concurrency: 1 })).toBe(150)
    expect(resend.requests.map((request) => request.emails.length).sort()).toEqual([100, 50].sort())
    expect(resend.requests.every((request) => request.idempotencyKey?.startsWith('batch/'))).toBe(true)
    expect(new Set(resend.requests.map((request) => request.idempotencyKey)).size).toBe(2)
    expect(new Set(resend.delivered.map((email) => email.text)).size).toBe(150)
    expect((await jobs()).every((job) => job.status === 'sent' && job.provider_message_id !== null)).toBe(true)
  })

  test('429s never spend an attempt: after more of them than there are attempts the email is still delivered', async () => {
    const { author } = await oneQueuedEmail()
    for (let round = 0; round < maxEmailAttempts + 2; round++) {
      resend.failNext(429, { 'Retry-After': '1' })
      await processDueEmails(getDb(), fast)
      const [waiting] = await jobs()
      expect(waiting).toMatchObject({ status: 'pending', attempts: 0, last_error: expect.stringContaining('429') })
      expect(waiting!.run_at.getTime() - Date.now()).toBeGreaterThan(500)
      await makeDue()
    }
    await processDueEmails(getDb(), fast)
    expect(await jobs()).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })])
    expect(emailsTo(author.email)).toHaveLength(1)
  })

  test('two workers together keep to the one rate they are given, not each to its own', async () => {
    // Workers that have run a while: the first email written in a process is slow enough to hold up a request.
    await queuePasswordResets(1, 'warm-up')
    await processDueEmails(getDb(), fast)
    resend.reset()
    // Two workers pacing themselves apart at 2 a second would make 4 requests in the first half second. Resend here
    // takes 3 a second, room enough for the moment a request takes to leave on a busy machine, and none more.
    vi.stubEnv('EMAIL_RATE_PER_SECOND', '2')
    resend.limitRate(3)
    await queuePasswordResets(60, 'two-workers')
    const options = { ...fast, concurrency: 2, batchSize: 10 }
    const [first, second] = await Promise.all([processDueEmails(getDb(), options), processDueEmails(getDb(), options)])
    expect(first + second).toBe(60)
    expect(resend.requests).toHaveLength(6)
    expect(resend.requests.filter((request) => request.rateLimited)).toEqual([])
    expect(new Set(resend.delivered.map((email) => email.text)).size).toBe(60)
  })

  test('a batch retried after a lost answer is the same request under the same key: each email arrives once', async () => {
    const author = await queuePasswordResets(3, 'lost-answer')
    resend.answerNextLate(2500)
    await processDueEmails(getDb(), { ...fast, concurrency: 1 })
    expect((await jobs()).map((job) => job.status)).toEqual(['pending', 'pending', 'pending'])
    // An email queued meanwhile does not join the retried batch, which would change the request under its key.
    await enqueueEmail(getDb(), {
      organisationId,
      recipientId: author.id,
      kind: 'password_reset',
      payload: { url: 'https://raportointi.example.fi/reset-password/later', expiresAt: new Date().toISOString() },
      idempotencyKey: 'lost-answer/later',
    })
    await makeDue()
    await processDueEmails(getDb(), { ...fast, concurrency: 1 })
    const [firstTry, retry, later] = resend.requests
    expect(firstTry!.idempotencyKey).toMatch(/^batch\//)
    expect(retry!.idempotencyKey).toBe(firstTry!.idempotencyKey)
    expect(retry!.emails.map((email) => email.text)).toEqual(firstTry!.emails.map((email) => email.text))
    expect(later!.idempotencyKey).not.toBe(firstTry!.idempotencyKey)
    expect(later!.emails).toHaveLength(1)
    expect(emailsTo(author.email)).toHaveLength(4)
    expect((await jobs()).every((job) => job.status === 'sent')).toBe(true)
  })

  test('an email Resend refuses in a batch is dead-lettered with its reason; the others are sent', async () => {
    const author = await queuePasswordResets(2, 'refused')
    const refused = await reporter('fi')
    await enqueueEmail(getDb(), {
      organisationId,
      recipientId: refused.id,
      kind: 'password_reset',
      payload: { url: 'https://raportointi.example.fi/reset-password/refused', expiresAt: new Date().toISOString() },
      idempotencyKey: 'refused/bad-address',
    })
    resend.refuseAddress(refused.email)
    await processDueEmails(getDb(), fast)
    // On a PostgreSQL server the worker's lanes may claim the three in more than one batch; what counts is each outcome.
    expect(resend.requests.length).toBeGreaterThan(0)
    expect(emailsTo(author.email)).toHaveLength(2)
    const byRecipient = await jobs()
    expect(byRecipient.find((job) => job.recipient_id === refused.id)).toMatchObject({
      status: 'dead',
      last_error: expect.stringContaining('refused'),
    })
    expect(byRecipient.filter((job) => job.status === 'sent')).toHaveLength(2)
  })
})

describe('no email is marked sent without being sent', () => {
  function withoutSender({ demo }: { demo: boolean }) {
    vi.stubEnv('RESEND_API_KEY', '')
    vi.stubEnv('EMAIL_FROM', '')
    vi.stubEnv('DEMO', String(demo))
  }

  async function untouched(jobId: string) {
    expect(await jobs()).toEqual([
      expect.objectContaining({
        id: jobId,
        status: 'pending',
        attempts: 0,
        locked_until: null,
        last_error: null,
        sent_at: null,
        delivered_locally: false,
      }),
    ])
  }

  test('outside demo mode without Resend no job is delivered anywhere: the queue stays as it was', async () => {
    const { job } = await oneQueuedEmail()
    withoutSender({ demo: false })
    expect(await processDueEmails(getDb(), fast)).toBe(0)
    await untouched(job.id)
    expect(resend.requests).toEqual([])
  })

  test('the in-app worker of `npm start` outside demo mode without Resend does not start, and says so once', async () => {
    const { job } = await oneQueuedEmail()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(startInAppEmailWorker(getDb(), parseEnv({ DEMO: 'false' }))).toBeUndefined()
    expect(warn.mock.calls).toEqual([
      [expect.stringContaining('emails wait in the queue until a sender is configured')],
    ])
    await untouched(job.id)
  })

  test('only in demo mode does an email without Resend go to the local mailbox', async () => {
    const { job } = await oneQueuedEmail()
    withoutSender({ demo: true })
    await processDueEmails(getDb(), fast)
    expect(await jobs()).toEqual([
      expect.objectContaining({ id: job.id, status: 'sent', delivered_locally: true, subject: expect.any(String) }),
    ])
    expect(resend.requests).toEqual([])
  })

  // A process of its own: on a loaded machine its start alone can take longer than a unit test's budget.
  test('`npm run worker` without Resend outside demo mode refuses in one line and opens no database', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sr-worker-'))
    try {
      const result = await runScript('scripts/worker.ts', [], {
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        DEMO: 'false',
        RESEND_API_KEY: '',
        EMAIL_FROM: '',
      })
      expect(result.code).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('RESEND_API_KEY and EMAIL_FROM')])
      expect(existsSync(path.join(dataDir, 'pglite'))).toBe(false)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 90_000)
})
