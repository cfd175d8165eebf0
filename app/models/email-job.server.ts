import { createHash } from 'node:crypto'
import { type ExpressionBuilder, type Selectable, sql } from 'kysely'
import { type AppDb } from '#app/utils/db.server.ts'
import { type Database, type EmailJobTable, type EmailKind } from './database.ts'

/**
 * What the worker needs to write each kind of email when it is sent: ids, names, links and dates, never
 * rendered text, so the email tells what is true at sending time in the recipient's language.
 */
export interface EmailPayloads {
  notification: { notificationId: string }
  /** `day` is the Helsinki day (YYYY-MM-DD) whose notifications the digest gathers. */
  digest: { organisationId: string; day: string }
  invitation: { inviterName: string; organisationName: string; url: string; expiresAt: string }
  password_reset: { url: string; expiresAt: string }
  /** A partner's request or its one reminder: the sending is read when the email is written; the link is its own. */
  partner_request: { sendingId: string; url: string; expiresAt: string }
  partner_reminder: { sendingId: string; url: string; expiresAt: string }
  /** To a member of the internal body a sending is addressed to, who answers it in the app. */
  member_request: { sendingId: string }
  /** `day` is the Helsinki day the reminder was due; the overdue follow-ups are read when it is sent. */
  follow_up_reminder: { organisationId: string; day: string }
}

/** A kind of email with the payload that kind needs; a kind without a payload type here does not compile. */
export type EmailContent = { [Kind in EmailKind]: { kind: Kind; payload: EmailPayloads[Kind] } }[EmailKind]

/** Who an email goes to: a user of the app, or a partner recipient outside it, by its contact address. */
export type EmailAddressee = { recipientId: string } | { partnerRecipientId: string }

export type NewEmailJob = EmailContent &
  EmailAddressee & {
    organisationId: string | null
    /** Derived from what the email is about, so the same email can never be queued or delivered twice. */
    idempotencyKey: string
    runAt?: Date
  }

/**
 * Queues an email in the caller's transaction, so it exists exactly when the change it tells about does.
 * A second job with the same idempotency key is ignored.
 */
export async function enqueueEmail(db: AppDb, job: NewEmailJob) {
  await db
    .insertInto('email_jobs')
    .values({
      organisation_id: job.organisationId,
      recipient_id: 'recipientId' in job ? job.recipientId : null,
      partner_recipient_id: 'partnerRecipientId' in job ? job.partnerRecipientId : null,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      idempotency_key: job.idempotencyKey,
      run_at: job.runAt ?? sql<Date>`now()`,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute()
}

const due = (eb: ExpressionBuilder<Database, 'email_jobs'>) =>
  eb.or([
    eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', sql<Date>`now()`)]),
    eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', sql<Date>`now()`)]),
  ])

/** One key per batch, derived from its emails' own keys, so the same emails always make the same request. */
export function batchIdempotencyKey(jobKeys: string[]) {
  return `batch/${createHash('sha256').update(jobKeys.toSorted().join('\n')).digest('hex').slice(0, 40)}`
}

/**
 * Takes the next batch of due jobs for this worker: pending ones whose time has come, or ones whose sender stopped
 * (crashed) before acknowledging them. A batch requested before is taken again whole, under its key, so a retry
 * repeats the same request; otherwise up to `size` jobs never requested are taken together. SKIP LOCKED lets
 * several workers run without ever taking the same job.
 */
export async function claimEmailBatch(db: AppDb, leaseMs: number, size: number): Promise<ClaimedEmailJob[]> {
  // Another worker may take the batch seen first between the look and the claim; then the next one is looked at.
  for (let tries = 0; tries < 3; tries++) {
    const next = await db
      .selectFrom('email_jobs')
      .select('batch_key')
      .where(due)
      .orderBy('run_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!next) return []
    const claimed = await db
      .updateTable('email_jobs')
      .set((eb) => ({
        status: 'sending',
        attempts: eb('attempts', '+', 1),
        locked_until: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`,
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('email_jobs')
          .select('id')
          .where(due)
          .where((eb) => (next.batch_key === null ? eb('batch_key', 'is', null) : eb('batch_key', '=', next.batch_key)))
          .orderBy('run_at')
          .limit(size)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute()
    if (claimed.length === 0) continue
    // In one order every time, so a repeated request carries the same body as the first under the same key.
    claimed.sort((a, b) => (a.idempotency_key < b.idempotency_key ? -1 : 1))
    // The column holds whatever JSON it is given; only enqueueEmail and scheduleDailyDigests write it, each with
    // the payload of its kind.
    return claimed as ClaimedEmailJob[]
  }
  return []
}

/** Gives the emails of a first request their batch's key, before anything is sent, and returns it. */
export async function assignBatchKey(db: AppDb, jobs: { id: string; idempotency_key: string }[]) {
  const batchKey = batchIdempotencyKey(jobs.map((job) => job.idempotency_key))
  await db
    .updateTable('email_jobs')
    .set({ batch_key: batchKey })
    .where(
      'id',
      'in',
      jobs.map((job) => job.id),
    )
    .execute()
  return batchKey
}

export type ClaimedEmailJob = Omit<Selectable<EmailJobTable>, 'kind' | 'payload'> & EmailContent

export interface SentEmail {
  jobId: string
  toAddress: string
  subject: string
  providerMessageId: string | null
  localCopy: { html: string; text: string } | null
}

/**
 * Records the deliveries of a batch in one statement. Rendered content is kept only for the local mailbox: an
 * email that went out holds links (an invitation's, a reset's) that should not outlive it in the database.
 */
export async function markEmailsSent(db: AppDb, deliveries: SentEmail[]) {
  if (deliveries.length === 0) return
  const rows = deliveries.map((delivery) => ({
    id: delivery.jobId,
    to_address: delivery.toAddress,
    subject: delivery.subject,
    provider_message_id: delivery.providerMessageId,
    delivered_locally: delivery.localCopy !== null,
    html: delivery.localCopy?.html ?? null,
    text_body: delivery.localCopy?.text ?? null,
  }))
  await sql`
    update email_jobs
    set status = 'sent', sent_at = now(), locked_until = null, last_error = null, to_address = sent.to_address,
      subject = sent.subject, provider_message_id = sent.provider_message_id,
      delivered_locally = sent.delivered_locally, html = sent.html, text_body = sent.text_body
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as sent(id uuid, to_address text, subject text,
      provider_message_id text, delivered_locally boolean, html text, text_body text)
    where email_jobs.id = sent.id and email_jobs.status = 'sending'`.execute(db)
}

/**
 * Gives claimed jobs back as they were before the claim, attempt included: for a worker that can send them, or,
 * after a rate limit, once the provider's window has passed. They keep their batch, which may have been sent before.
 */
export async function releaseEmailJobs(db: AppDb, jobIds: string[], wait?: { delayMs: number; error: string }) {
  await db
    .updateTable('email_jobs')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '-', 1),
      locked_until: null,
      ...(wait && {
        last_error: wait.error,
        run_at: sql<Date>`now() + ${wait.delayMs} * interval '1 millisecond'`,
      }),
    }))
    .where('id', 'in', jobIds)
    .where('status', '=', 'sending')
    .execute()
}

export async function scheduleEmailRetry(db: AppDb, jobIds: string[], delayMs: number, error: string) {
  await db
    .updateTable('email_jobs')
    .set({
      status: 'pending',
      locked_until: null,
      last_error: error,
      run_at: sql<Date>`now() + ${delayMs} * interval '1 millisecond'`,
    })
    .where('id', 'in', jobIds)
    .where('status', '=', 'sending')
    .execute()
}

export async function markEmailsDead(db: AppDb, jobIds: string[], error: string) {
  await db
    .updateTable('email_jobs')
    .set({ status: 'dead', locked_until: null, last_error: error })
    .where('id', 'in', jobIds)
    .where('status', '=', 'sending')
    .execute()
}

/** The largest number of jobs waiting at once is what the benchmark reports; this is one sample. */
export async function countWaitingEmailJobs(db: AppDb) {
  const row = await db
    .selectFrom('email_jobs')
    .select(sql<number>`count(*)::int`.as('count'))
    .where('status', 'in', ['pending', 'sending'])
    .executeTakeFirstOrThrow()
  return row.count
}

/**
 * Queues one digest per user who asked for a daily digest and got notifications on the given day
 * (Europe/Helsinki), to go out at seven the next morning. Running it again for the same day adds nothing.
 */
export async function scheduleDailyDigests(db: AppDb, day: string) {
  const sendAt = sql<Date>`((${day}::date + 1) + time '07:00') at time zone 'Europe/Helsinki'`
  const dayStart = sql<Date>`(${day}::date)::timestamp at time zone 'Europe/Helsinki'`
  const dayEnd = sql<Date>`(${day}::date + 1)::timestamp at time zone 'Europe/Helsinki'`
  await db
    .insertInto('email_jobs')
    .columns(['organisation_id', 'recipient_id', 'kind', 'payload', 'idempotency_key', 'run_at'])
    .expression((eb) =>
      eb
        .selectFrom('notifications')
        .innerJoin('users', 'users.id', 'notifications.user_id')
        .where('users.email_delivery', '=', 'daily')
        .where('notifications.created_at', '>=', dayStart)
        .where('notifications.created_at', '<', dayEnd)
        .select([
          'notifications.organisation_id',
          'notifications.user_id',
          sql<string>`'digest'`.as('kind'),
          // EmailPayloads['digest']
          sql<string>`jsonb_build_object('day', ${day}::text, 'organisationId', notifications.organisation_id)`.as(
            'payload',
          ),
          sql<string>`'digest/' || notifications.user_id || '/' || notifications.organisation_id || '/' || ${day}::text`.as(
            'idempotency_key',
          ),
          sendAt.as('run_at'),
        ])
        .distinct(),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute()
}

/** Emails the worker delivered to the local mailbox instead of a provider, newest first, for one organisation. */
export function listLocalMailbox(db: AppDb, organisationId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('email_jobs')
    .select(['id', 'kind', 'to_address', 'subject', 'sent_at', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('delivered_locally', '=', true)
    .orderBy(sql`coalesce(sent_at, created_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export function getLocalEmail(db: AppDb, organisationId: string, emailId: string) {
  return db
    .selectFrom('email_jobs')
    .select(['id', 'kind', 'to_address', 'subject', 'sent_at', 'created_at', 'html', 'text_body'])
    .where('id', '=', emailId)
    .where('organisation_id', '=', organisationId)
    .where('delivered_locally', '=', true)
    .executeTakeFirst()
}

/** Emails that gave up after their last attempt; the address falls back to the account's while none was rendered. */
export function listDeadEmailJobs(db: AppDb, organisationId: string, page: { limit: number; offset: number }) {
  return db
    .selectFrom('email_jobs')
    .leftJoin('users', 'users.id', 'email_jobs.recipient_id')
    .leftJoin('recipients', 'recipients.id', 'email_jobs.partner_recipient_id')
    .select([
      'email_jobs.id',
      'email_jobs.kind',
      sql<string>`coalesce(email_jobs.to_address, users.email, recipients.contact_email, '')`.as('recipient'),
      'email_jobs.attempts',
      'email_jobs.last_error',
      'email_jobs.created_at',
    ])
    .where('email_jobs.organisation_id', '=', organisationId)
    .where('email_jobs.status', '=', 'dead')
    .orderBy('email_jobs.created_at', 'desc')
    .orderBy('email_jobs.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/**
 * Puts a dead email back in the queue with a fresh set of attempts. The last error stays visible until a
 * delivery succeeds. False when the job is not the organisation's or is not dead.
 */
export async function retryDeadEmailJob(db: AppDb, organisationId: string, jobId: string): Promise<boolean> {
  const row = await db
    .updateTable('email_jobs')
    // A fresh start in a batch of its own: the one it died in was sent under a key that no longer fits it.
    .set({ status: 'pending', attempts: 0, run_at: sql<Date>`now()`, locked_until: null, batch_key: null })
    .where('id', '=', jobId)
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'dead')
    .returning('id')
    .executeTakeFirst()
  return Boolean(row)
}
