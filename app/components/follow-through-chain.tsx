import { type ReactNode } from 'react'
import {
  type ChainFollowUp,
  type ChainReply,
  type ChainRoute,
  type FollowThroughChain as Chain,
} from '#app/domain/follow-through-chain.ts'
import { displayName } from '#app/domain/display-name.ts'
import { formatDate, formatNumber, type Locale, type Translate } from '#app/utils/i18n.ts'

type Level = 3 | 4 | 5 | 6

function Heading({ level, className, children }: { level: Level; className: string; children: ReactNode }) {
  const Tag = `h${level}` as const
  return <Tag className={className}>{children}</Tag>
}

/** Shared by every surface: the page passes its translator and language, the static export its own. */
interface Wording {
  locale: Locale
  t: Translate
}

function Reply({ reply, title, tone }: { reply: ChainReply; title: string; tone: 'answer' | 'returned' }) {
  return (
    <div
      className={`chain-reply mt-2 rounded border-l-4 p-2 ${tone === 'answer' ? 'border-green-700 bg-green-50' : 'border-amber-600 bg-amber-50'}`}
    >
      <p className="text-sm font-semibold">{title}</p>
      <p className="whitespace-pre-line break-words">{reply.text}</p>
    </div>
  )
}

function Route({ route, locale, t, withNotes }: Wording & { route: ChainRoute; withNotes: boolean }) {
  const waiting = (route.state === 'sent' || route.state === 'received') && !route.onAgendaOf
  // The working group is usually named by its kind; the name alone then says both.
  const kind = t(`recipientKind.${route.recipient.kind}`)
  const name = displayName(locale, route.recipient.name, route.recipient.nameSv)
  return (
    <li className="chain-route break-inside-avoid rounded-md border border-slate-300 bg-white p-3">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <strong className="break-words">{name}</strong>
        {kind !== name ? <span className="text-sm text-slate-700">{kind}</span> : null}
      </p>
      {route.via ? <p className="text-sm">{t('chain.route.via', { phenomenon: route.via.title })}</p> : null}
      <p className="text-sm">
        <time dateTime={route.sentAt}>{t('chain.route.sent', { date: formatDate(locale, route.sentAt) })}</time>
        {' · '}
        <span className="chain-state font-semibold">{t(`sendingState.${route.state}`)}</span>
      </p>
      {withNotes && route.coveringNote ? (
        <p className="mt-1 whitespace-pre-line break-words text-sm">
          <span className="font-semibold">{t('email.comment.coveringNote')}:</span> {route.coveringNote}
        </p>
      ) : null}
      {route.onAgendaOf ? (
        <p className="text-sm">{t('chain.route.onAgenda', { date: formatDate(locale, route.onAgendaOf) })}</p>
      ) : null}
      {route.answer ? (
        <Reply
          tone="answer"
          reply={route.answer}
          title={t('chain.route.answer', { by: route.answer.by, date: formatDate(locale, route.answer.at) })}
        />
      ) : null}
      {route.returned ? (
        <Reply
          tone="returned"
          reply={route.returned}
          title={t('chain.route.returned', { by: route.returned.by, date: formatDate(locale, route.returned.at) })}
        />
      ) : null}
      {route.decision ? (
        <Reply
          tone={route.state === 'returned' ? 'returned' : 'answer'}
          reply={{ text: route.decision.text ?? '', by: route.recipient.name, at: route.decision.meetingDate }}
          title={t('chain.route.decision', {
            date: formatDate(locale, route.decision.meetingDate),
            decision: t(`agendaDecision.${route.decision.kind}`),
          })}
        />
      ) : null}
      {waiting ? <p className="mt-1 text-sm text-slate-700">{t('chain.route.waiting')}</p> : null}
    </li>
  )
}

/** A progress bar drawn in SVG (pages take no inline styles), with the percentage in words beside it. */
function Progress({ value, locale }: { value: number; locale: Locale }) {
  const width = 96
  return (
    <span className="inline-flex items-center gap-2">
      <svg width={width} height="8" aria-hidden="true" focusable="false" className="shrink-0">
        <rect width={width} height="8" rx="4" fill="#e2e8f0" />
        <rect width={(width * value) / 100} height="8" rx="4" fill="#1d4f82" />
      </svg>
      <span className="tabular-nums">{formatNumber(locale, value)} %</span>
    </span>
  )
}

function FollowUp({
  followUp,
  locale,
  t,
  href,
  level,
  withPerson,
}: Wording & { followUp: ChainFollowUp; href: string | null; level: Level; withPerson: boolean }) {
  const responsible = [followUp.responsibleUnit, withPerson ? followUp.responsiblePerson : null]
    .filter(Boolean)
    .join(' · ')
  const facts: [string, ReactNode][] = [
    [
      t('chain.followUp.status'),
      <>
        <strong>{t(`followUpStatus.${followUp.status}`)}</strong>
        {followUp.statusReason ? ` – ${t('chain.followUp.reason', { reason: followUp.statusReason })}` : null}
      </>,
    ],
    ...(responsible ? [[t('chain.followUp.responsible'), responsible] as [string, ReactNode]] : []),
    [t('chain.followUp.decided'), formatDate(locale, followUp.decidedOn)],
    [t('chain.followUp.target'), formatDate(locale, followUp.targetDate)],
    ...(followUp.progress !== null
      ? [
          [t('chain.followUp.progress'), <Progress key="progress" value={followUp.progress} locale={locale} />] as [
            string,
            ReactNode,
          ],
        ]
      : []),
  ]
  return (
    <li
      className={`chain-follow-up break-inside-avoid rounded-md border bg-white p-3 ${followUp.overdue ? 'overdue border-l-8 border-red-700' : 'border-slate-300'}`}
    >
      <Heading level={level} className="font-semibold break-words">
        {href ? <a href={href}>{followUp.title}</a> : followUp.title}
      </Heading>
      {followUp.overdue ? (
        <p className="chain-overdue font-semibold text-red-800">
          {t('chain.followUp.overdue', { date: formatDate(locale, followUp.targetDate) })}
        </p>
      ) : null}
      <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-sm">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {followUp.latestUpdate ? (
        <div className="mt-2 text-sm">
          <p className="font-semibold">
            {t('chain.followUp.latest', { date: formatDate(locale, followUp.latestUpdate.at) })}
          </p>
          {followUp.latestUpdate.text ? (
            <p className="whitespace-pre-line break-words">{followUp.latestUpdate.text}</p>
          ) : null}
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t('chain.followUp.noUpdates')}</p>
      )}
    </li>
  )
}

/** Follow-ups with their latest status, overdue ones flagged in words; the chain, the minutes and the welfare report. */
export function FollowUpList({
  followUps,
  locale,
  t,
  followUpHref,
  headingLevel = 4,
  withPerson = true,
}: Wording & {
  followUps: ChainFollowUp[]
  /** Where a follow-up is read; null for one this reader may not open. */
  followUpHref?: (followUpId: string) => string | null
  headingLevel?: Level
  /** The responsible person's name; a public document names only the responsible body. */
  withPerson?: boolean
}) {
  return (
    <ul className="follow-up-list grid gap-3">
      {followUps.map((followUp) => (
        <FollowUp
          key={followUp.id}
          followUp={followUp}
          locale={locale}
          t={t}
          href={followUpHref?.(followUp.id) ?? null}
          level={headingLevel}
          withPerson={withPerson}
        />
      ))}
    </ul>
  )
}

/**
 * The whole chain in three steps: reported → sent on to whom, with their answers → the follow-ups the decisions set
 * in motion. On pages everything shows; in the public welfare report covering notes and people's names do not.
 */
export function FollowThroughChain({
  chain,
  locale,
  t,
  followUpHref,
  headingLevel = 3,
  variant = 'page',
}: Wording & {
  chain: Chain
  followUpHref?: (followUpId: string) => string | null
  headingLevel?: 3 | 4 | 5
  variant?: 'page' | 'document'
}) {
  const onPage = variant === 'page'
  const stepHeading = 'font-semibold text-brand-900'
  return (
    <ol className="follow-through-chain grid gap-4 border-l-4 border-brand-100 pl-4">
      <li className="chain-step">
        <Heading level={headingLevel} className={stepHeading}>
          {t('chain.step.reported')}
        </Heading>
        <p className="text-sm">{reportedText(chain, locale, t)}</p>
      </li>
      <li className="chain-step">
        <Heading level={headingLevel} className={stepHeading}>
          {t('chain.step.routed')}
        </Heading>
        {chain.routes.length === 0 ? (
          <p className="text-sm text-slate-700">{t('chain.routed.none')}</p>
        ) : (
          <ul className="mt-2 grid gap-3">
            {chain.routes.map((route) => (
              <Route key={route.id} route={route} locale={locale} t={t} withNotes={onPage} />
            ))}
          </ul>
        )}
      </li>
      <li className="chain-step">
        <Heading level={headingLevel} className={stepHeading}>
          {t('chain.step.followUps')}
        </Heading>
        {chain.followUps.length === 0 ? (
          <p className="text-sm text-slate-700">{t('chain.followUps.none')}</p>
        ) : (
          <div className="mt-2">
            <FollowUpList
              followUps={chain.followUps}
              locale={locale}
              t={t}
              followUpHref={followUpHref}
              headingLevel={(headingLevel + 1) as Level}
              withPerson={onPage}
            />
          </div>
        )}
      </li>
    </ol>
  )
}

function reportedText(chain: Chain, locale: Locale, t: Translate): string {
  const { reported } = chain
  if (reported.kind === 'report') {
    return reported.submittedAt
      ? t('chain.reported.report', { date: formatDate(locale, reported.submittedAt) })
      : t('chain.reported.draft')
  }
  return reported.firstSubmittedAt
    ? t('chain.reported.phenomenon', {
        count: reported.reportCount,
        date: formatDate(locale, reported.firstSubmittedAt),
      })
    : t('chain.reported.phenomenonNone')
}
