import { type EmailMessage } from '#emails/messages.ts'
import { renderEmail } from '#emails/render.server.ts'
import { emailBatchSize, maxEmailAttempts, requestGapMs, retryDelayMs } from '#app/domain/email-delivery.ts'
import { previousHelsinkiDay } from '#app/domain/digest.ts'
import { displayName } from '#app/domain/display-name.ts'
import {
  type ClaimedEmailJob,
  type SentEmail,
  assignBatchKey,
  claimEmailBatch,
  markEmailsDead,
  markEmailsSent,
  releaseEmailJobs,
  scheduleDailyDigests,
  scheduleEmailRetry,
} from '#app/models/email-job.server.ts'
import { takeProviderTurn } from '#app/models/email-pacing.server.ts'
import { listReportUpdates } from '#app/models/notification.server.ts'
import { getSending } from '#app/models/sending.server.ts'
import { remindPartners } from '#app/services/sendings.server.ts'
import { removeExpiredAuditEntries } from '#app/services/audit.server.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { listReminderFollowUps, responsibleText, sweepFollowUps } from '#app/services/follow-ups.server.ts'
import { isDatabaseUnavailable } from './database-availability.server.ts'
import { type AppDb } from './db.server.ts'
import { canDeliverEmail, emailSenderOf, type OutgoingEmail, sendEmailBatch } from './email.server.ts'
import { type Env, getEnv } from './env.server.ts'
import { type Locale } from './i18n.ts'

export interface EmailWorkerOptions {
  /** How long a claimed job stays with this worker before another may assume it crashed. */
  leaseMs?: number
  sendTimeoutMs?: number
  /** Batches being written or sent at once; each lane claims its own. */
  concurrency?: number
  /** Emails in one request to Resend, at most 100. */
  batchSize?: number
  random?: () => number
  /** Once aborted, no further job is taken; the ones in flight finish. */
  signal?: AbortSignal
}

const defaults: Required<Omit<EmailWorkerOptions, 'signal'>> & Pick<EmailWorkerOptions, 'signal'> = {
  leaseMs: 60_000,
  sendTimeoutMs: 15_000,
  concurrency: 4,
  batchSize: emailBatchSize,
  random: Math.random,
}

/** The user the email goes to or, for a partner, the recipient's contact address, name and language. */
function findAddressee(db: AppDb, job: ClaimedEmailJob) {
  if (job.recipient_id !== null) {
    return db
      .selectFrom('users')
      .select(['email', 'name', 'locale'])
      .where('id', '=', job.recipient_id)
      .executeTakeFirstOrThrow()
  }
  return db
    .selectFrom('recipients')
    .select([(eb) => eb.fn.coalesce('contact_email', eb.val('')).as('email'), 'name', 'locale'])
    .where('id', '=', job.partner_recipient_id!)
    .executeTakeFirstOrThrow()
}

/** What the job is about, read fresh at sending time, in the recipient's language. */
async function composeEmail(db: AppDb, job: ClaimedEmailJob) {
  const recipient = await findAddressee(db, job)
  const appUrl = getEnv().appUrl
  const settingsUrl = `${appUrl}/settings`
  const compose = async (): Promise<EmailMessage | null> => {
    switch (job.kind) {
      case 'notification': {
        const [update] = await listReportUpdates(db, appUrl, recipient.locale as Locale, {
          notificationId: job.payload.notificationId,
        })
        return update ? { kind: 'notification', recipientName: recipient.name, settingsUrl, ...update } : null
      }
      case 'digest': {
        const updates = await listReportUpdates(db, appUrl, recipient.locale as Locale, {
          userId: job.recipient_id!,
          organisationId: job.payload.organisationId,
          day: job.payload.day,
        })
        if (updates.length === 0) return null
        return {
          kind: 'digest',
          recipientName: recipient.name,
          date: job.payload.day,
          updates,
          notificationsUrl: `${appUrl}/notifications`,
          settingsUrl,
        }
      }
      case 'invitation':
        return {
          kind: 'invitation',
          recipientName: recipient.name,
          inviterName: job.payload.inviterName,
          organisationName: job.payload.organisationName,
          url: job.payload.url,
          expiresAt: job.payload.expiresAt,
        }
      case 'password_reset':
        return {
          kind: 'password_reset',
          recipientName: recipient.name,
          url: job.payload.url,
          expiresAt: job.payload.expiresAt,
        }
      case 'partner_request':
      case 'partner_reminder': {
        const sending = await getSending(db, job.organisation_id!, job.payload.sendingId)
        if (!sending) return null
        return {
          kind: job.kind,
          recipientName: recipient.name,
          organisationName: displayName(
            recipient.locale as Locale,
            sending.organisation_name,
            sending.organisation_name_sv,
          ),
          matter: sending.subject,
          coveringNote: sending.covering_note,
          sentAt: sending.sent_at.toISOString(),
          url: job.payload.url,
          expiresAt: job.payload.expiresAt,
        }
      }
      case 'member_request': {
        const sending = await getSending(db, job.organisation_id!, job.payload.sendingId)
        if (!sending) return null
        return {
          kind: 'member_request',
          recipientName: recipient.name,
          bodyName: displayName(recipient.locale as Locale, sending.recipient_name, sending.recipient_name_sv),
          senderName: sending.sender_name,
          matter: sending.subject,
          coveringNote: sending.covering_note,
          sentAt: sending.sent_at.toISOString(),
          url: `${appUrl}/sendings/${sending.id}`,
        }
      }
      case 'follow_up_reminder': {
        const followUps = await listReminderFollowUps(db, {
          userId: job.recipient_id!,
          organisationId: job.payload.organisationId,
        })
        if (followUps.length === 0) return null
        return {
          kind: 'follow_up_reminder',
          recipientName: recipient.name,
          followUps: followUps.map((followUp) => ({
            title: followUp.title,
            url: `${appUrl}${followUpPath(followUp.id)}`,
            targetDate: followUp.target_date,
            status: followUp.status,
            progress: followUp.progress,
            responsible: responsibleText(followUp),
          })),
          boardUrl: `${appUrl}/follow-ups?overdue=true`,
          settingsUrl,
        }
      }
    }
  }
  const message = await compose()
  return message ? { to: recipient.email, locale: recipient.locale as Locale, message } : null
}

function describe(error: unknown): string {
  if (isDatabaseUnavailable(error)) return `the database is unreachable (${describe(error.cause)})`
  return error instanceof Error ? error.message : String(error)
}

/** Writes one claimed job's email; null when it was dead-lettered instead, as there is nothing it could say. */
async function writeEmail(db: AppDb, job: ClaimedEmailJob): Promise<OutgoingEmail | null> {
  try {
    const composed = await composeEmail(db, job)
    if (!composed) {
      await markEmailsDead(db, [job.id], 'Nothing to send: what the email was about no longer exists.')
      return null
    }
    return { to: composed.to, ...(await renderEmail(composed.message, composed.locale)) }
  } catch (error) {
    // A lost database says nothing about the email: the job's lease runs out and it is tried again.
    if (isDatabaseUnavailable(error)) throw error
    await markEmailsDead(db, [job.id], `Could not write the email: ${describe(error)}`)
    return null
  }
}

/** Waits until this worker has taken a turn to call the provider; workers that wake together race for it. */
async function waitForProviderTurn(db: AppDb, gapMs: number) {
  for (let waitMs = await takeProviderTurn(db, gapMs); waitMs > 0; waitMs = await takeProviderTurn(db, gapMs)) {
    await new Promise((resolve) => setTimeout(resolve, waitMs))
  }
}

/**
 * Handles one claimed batch: writes each email, waits for this batch's turn among all workers, and sends them in
 * one request. False when this process has no sender, so it should take no further batch.
 */
async function processBatch(db: AppDb, jobs: ClaimedEmailJob[], options: typeof defaults): Promise<boolean> {
  const written: { job: ClaimedEmailJob; email: OutgoingEmail }[] = []
  for (const job of jobs) {
    const email = await writeEmail(db, job)
    if (email) written.push({ job, email })
  }
  if (written.length === 0) return true
  const ids = written.map(({ job }) => job.id)
  const env = getEnv()
  const sender = emailSenderOf(env)
  if (sender === null) {
    await releaseEmailJobs(db, ids)
    return false
  }
  if (sender === 'local') {
    await markEmailsSent(
      db,
      written.map(({ job, email }) => ({
        jobId: job.id,
        toAddress: email.to,
        subject: email.subject,
        providerMessageId: null,
        localCopy: { html: email.html, text: email.text },
      })),
    )
    return true
  }
  // A batch requested before is repeated under its first key, even should one of its emails have died since.
  const batchKey =
    jobs[0]!.batch_key ??
    (await assignBatchKey(
      db,
      written.map(({ job }) => job),
    ))
  await waitForProviderTurn(db, requestGapMs(env.EMAIL_RATE_PER_SECOND))
  const outcome = await sendEmailBatch(
    env.resend!,
    written.map(({ email }) => email),
    batchKey,
    options.sendTimeoutMs,
  )
  switch (outcome.kind) {
    case 'sent': {
      const deliveries: SentEmail[] = []
      for (const [index, result] of outcome.results.entries()) {
        const { job, email } = written[index]!
        if ('error' in result) await markEmailsDead(db, [job.id], result.error)
        else {
          const { providerMessageId } = result
          deliveries.push({
            jobId: job.id,
            toAddress: email.to,
            subject: email.subject,
            providerMessageId,
            localCopy: null,
          })
        }
      }
      await markEmailsSent(db, deliveries)
      break
    }
    case 'rate_limited':
      await releaseEmailJobs(db, ids, { delayMs: outcome.waitMs, error: outcome.error })
      break
    case 'failed':
      await markEmailsDead(db, ids, outcome.error)
      break
    case 'retry': {
      // The batch's emails were taken and tried together, so they share their count of attempts.
      const attempts = Math.max(...written.map(({ job }) => job.attempts))
      if (attempts >= maxEmailAttempts) {
        await markEmailsDead(db, ids, `${outcome.error} (gave up after ${attempts} attempts)`)
      } else {
        const delayMs = retryDelayMs(attempts, outcome.retryAfterMs, options.random)
        await scheduleEmailRetry(db, ids, delayMs, outcome.error)
      }
      break
    }
  }
  return true
}

/** Sends every email that is due now and returns how many jobs were handled. */
export async function processDueEmails(db: AppDb, overrides: EmailWorkerOptions = {}): Promise<number> {
  const options = { ...defaults, ...overrides }
  const batchSize = Math.min(options.batchSize, emailBatchSize)
  const lane = async () => {
    let handled = 0
    while (!options.signal?.aborted) {
      const jobs = await claimEmailBatch(db, options.leaseMs, batchSize)
      if (jobs.length === 0 || !(await processBatch(db, jobs, options))) break
      handled += jobs.length
    }
    return handled
  }
  const handled = await Promise.all(Array.from({ length: options.concurrency }, lane))
  return handled.reduce((sum, count) => sum + count, 0)
}

/** Yesterday's digests, queued for this morning; repeating it is harmless, so every worker may do it. */
export function scheduleDigests(db: AppDb, now = new Date()) {
  return scheduleDailyDigests(db, previousHelsinkiDay(now))
}

const followUpSweepMs = 30 * 1000
const auditRetentionMs = 24 * 60 * 60 * 1000

/**
 * The queue's worker loop, inside the app or as `npm run worker`: polls for due jobs, queues the daily
 * digests, and on stop takes no further job but lets the sends in flight finish. A failed round is logged and
 * the next one retried.
 */
export function startEmailWorker(db: AppDb, options: EmailWorkerOptions & { pollMs?: number } = {}) {
  const pollMs = options.pollMs ?? 1000
  const stopping = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let round: Promise<void> = Promise.resolve()
  let lastDigestRun = 0
  let lastFollowUpSweep = 0
  let lastAuditRetention = 0
  // One line when rounds start failing and one when they work again, not one per poll during an outage.
  let failing = false
  const runRound = async () => {
    try {
      if (Date.now() - lastDigestRun > 10 * 60 * 1000) {
        await scheduleDigests(db)
        // A partner that has not answered in 14 days gets its one reminder, on the digests' rhythm.
        await remindPartners(db)
        lastDigestRun = Date.now()
      }
      // Audit entries older than their organisation's retention go once a day, the first time when the worker starts.
      if (Date.now() - lastAuditRetention > auditRetentionMs) {
        await removeExpiredAuditEntries(db)
        lastAuditRetention = Date.now()
      }
      // Follow-ups that fell overdue are told once, and their weekly reminders queued: often enough that a decision
      // setting a target already past is told within the minute, on an index that makes each look cheap.
      if (Date.now() - lastFollowUpSweep > followUpSweepMs) {
        await sweepFollowUps(db)
        lastFollowUpSweep = Date.now()
      }
      await processDueEmails(db, { ...options, signal: stopping.signal })
      if (failing) console.log('Email worker: working again.')
      failing = false
    } catch (error) {
      if (!failing) console.error(`Email worker: ${describe(error)}; trying again every ${pollMs} ms.`)
      failing = true
    }
    if (!stopping.signal.aborted) timer = setTimeout(() => (round = runRound()), pollMs)
  }
  round = runRound()
  return async function stop() {
    stopping.abort()
    clearTimeout(timer)
    await round
  }
}

/**
 * The worker inside `npm start`. Without a sender (no Resend outside demo mode) it stays off: the queue waits,
 * untouched, for a process that can send, instead of emails counting as sent that never left.
 */
export function startInAppEmailWorker(db: AppDb, env: Env) {
  if (canDeliverEmail(env)) return startEmailWorker(db)
  console.warn(
    'No RESEND_API_KEY and EMAIL_FROM: the email worker does not start, and emails wait in the queue until a sender is configured.',
  )
  return undefined
}
