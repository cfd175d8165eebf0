import { type ReactNode } from 'react'
import { formatCount, type PublicFollowUpFigures } from '#app/domain/statistics.ts'
import { figureLabel, followUpFigureRows } from '#app/domain/welfare-figures.ts'
import {
  type WelfareAction,
  type WelfareDecision,
  type WelfareReportDocument,
  type WelfareSection,
} from '#app/domain/welfare-report.ts'
import { formatDate, formatNumber, type Locale, type Translate } from '#app/utils/i18n.ts'
import { FollowThroughChain, FollowUpList } from './follow-through-chain.tsx'
import { StatisticsFigures } from './statistics-figures.tsx'

/** The Markdown of a document rendered (sanitised) on the server, by section and phenomenon id. */
export interface WelfareHtml {
  introduction: string
  sections: Record<string, string>
  phenomena: Record<string, string>
}

export function sectionAnchor(sectionId: string): string {
  return `section-${sectionId}`
}

export function formatPeriod(locale: Locale, document: Pick<WelfareReportDocument, 'periodStart' | 'periodEnd'>) {
  return `${formatDate(locale, document.periodStart)} – ${formatDate(locale, document.periodEnd)}`
}

function Actions({ actions, t }: { actions: WelfareAction[]; t: Translate }) {
  if (actions.length === 0) return null
  return (
    <div className="mt-3">
      <h5 className="font-semibold">{t('welfare.view.actions')}</h5>
      <ul className="mt-1 list-disc pl-6">
        {actions.map((action, index) => (
          <li key={index}>
            {action.description} <span className="text-slate-700">({t(`actionLevel.${action.level}`)})</span>
            <br />
            <span className="text-sm">
              {t('welfare.view.outcome')}:{' '}
              <strong>{action.outcome ? t(`actionOutcome.${action.outcome}`) : t('actionOutcome.none')}</strong>
              {action.outcome && action.outcomeReason ? ` – ${action.outcomeReason}` : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}

function Decisions({ decisions, locale, t }: { decisions: WelfareDecision[]; locale: Locale; t: Translate }) {
  if (decisions.length === 0) return null
  return (
    <div className="mt-3">
      <h5 className="font-semibold">{t('welfare.view.decisions')}</h5>
      <ul className="mt-1 list-disc pl-6">
        {decisions.map((decision, index) => (
          <li key={index}>
            {t('welfare.view.decision', {
              committee: decision.committee,
              date: formatDate(locale, decision.meetingDate),
              decision: t(`agendaDecision.${decision.decision}`),
            })}
            {decision.decisionText ? <span className="block whitespace-pre-line">{decision.decisionText}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Done, in progress and overdue among the period's follow-ups, small counts shown as "<5" like every figure. */
function FollowUpFigures({ figures, locale, t }: { figures: PublicFollowUpFigures; locale: Locale; t: Translate }) {
  return (
    <div className="follow-up-figures mt-6">
      <h3 className="mb-3 text-xl font-bold text-brand-900">{t('chain.figures.title')}</h3>
      <dl className="stat-summary grid grid-cols-2 gap-3 sm:grid-cols-3">
        {followUpFigureRows(t, figures, (count) => formatNumber(locale, count)).map((figure) => (
          <div key={figure.key} className="stat rounded-md border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-700">{figure.label}</dt>
            <dd className="stat-value text-2xl font-bold tabular-nums text-brand-900">{figure.value}</dd>
          </div>
        ))}
      </dl>
      <p className="stat-note mt-3 text-sm text-slate-700">
        {t('chain.figures.note', { threshold: figures.threshold })}
      </p>
    </div>
  )
}

/** A "what was done" section's own list: the period's follow-ups and their state. */
function WhatWasDone({
  document,
  section,
  locale,
  t,
  followUpHref,
}: {
  document: WelfareReportDocument
  section: WelfareSection
  locale: Locale
  t: Translate
  followUpHref?: (followUpId: string) => string | null
}) {
  return (
    <div className="what-was-done mt-6">
      <h3 className="mb-1 text-xl font-bold text-brand-900">{t('chain.welfare.whatWasDone')}</h3>
      <p className="mb-3 text-sm text-slate-700">
        {t('chain.welfare.whatWasDoneScope', { period: formatPeriod(locale, document) })}
      </p>
      {section.followUps.length === 0 ? (
        <p>{t('chain.welfare.whatWasDoneEmpty')}</p>
      ) : (
        <FollowUpList
          followUps={section.followUps}
          locale={locale}
          t={t}
          followUpHref={followUpHref}
          withPerson={false}
        />
      )}
    </div>
  )
}

function SectionContent({
  document,
  section,
  number,
  html,
  locale,
  t,
  reportHref,
  followUpHref,
}: {
  document: WelfareReportDocument
  section: WelfareSection
  number: number
  html: WelfareHtml
  locale: Locale
  t: Translate
  reportHref?: (reportId: string) => string | null
  followUpHref?: (followUpId: string) => string | null
}) {
  const chainOf = (chain: WelfareSection['reports'][number]['chain']) => (
    <div className="entry-chain mt-3">
      <FollowThroughChain
        chain={chain}
        locale={locale}
        t={t}
        followUpHref={followUpHref}
        headingLevel={5}
        variant="document"
      />
    </div>
  )
  const category = section.category ? figureLabel(t, 'category', section.category) : null
  return (
    <>
      <h2 id={`${sectionAnchor(section.id)}-heading`} className="text-2xl font-bold text-brand-900">
        {number}. {section.title}
      </h2>
      {category ? (
        <p className="section-category mt-1 text-slate-700">{t('welfare.view.category', { category })}</p>
      ) : null}
      {section.body ? (
        <div className="prose-report mt-3" dangerouslySetInnerHTML={{ __html: html.sections[section.id] ?? '' }} />
      ) : null}
      {category ? (
        <div className="mt-6">
          <h3 className="mb-3 text-xl font-bold text-brand-900">{t('welfare.view.sectionFigures', { category })}</h3>
          <StatisticsFigures
            figures={section.figures}
            locale={locale}
            t={t}
            idPrefix={`figures-${section.id}`}
            places={document.places}
          />
        </div>
      ) : null}
      {section.kind === 'what_was_done' ? (
        <WhatWasDone document={document} section={section} locale={locale} t={t} followUpHref={followUpHref} />
      ) : null}
      {section.phenomena.length > 0 ? (
        <div className="mt-6">
          <h3 className="mb-3 text-xl font-bold text-brand-900">{t('welfare.view.phenomena')}</h3>
          <div className="grid gap-4">
            {section.phenomena.map((phenomenon) => (
              <article key={phenomenon.id} className="phenomenon rounded-md border border-slate-300 bg-white p-4">
                <h4 className="text-lg font-semibold">{phenomenon.title}</h4>
                <p className="text-sm text-slate-700">
                  {t('welfare.view.reportCount', {
                    count: formatCount(locale, phenomenon.reportCount, section.figures.threshold),
                  })}
                </p>
                {phenomenon.description ? (
                  <div
                    className="prose-report mt-2"
                    dangerouslySetInnerHTML={{ __html: html.phenomena[phenomenon.id] ?? '' }}
                  />
                ) : null}
                <Actions actions={phenomenon.actions} t={t} />
                <Decisions decisions={phenomenon.decisions} locale={locale} t={t} />
                {chainOf(phenomenon.chain)}
              </article>
            ))}
          </div>
        </div>
      ) : null}
      {section.reports.length > 0 ? (
        <div className="mt-6">
          <h3 className="mb-3 text-xl font-bold text-brand-900">{t('welfare.view.reports')}</h3>
          <ul className="grid gap-3">
            {section.reports.map((report) => {
              const href = reportHref?.(report.id) ?? null
              return (
                <li key={report.id} className="report-entry rounded-md border border-slate-300 bg-white p-4">
                  <h4 className="font-semibold">{href ? <a href={href}>{report.title}</a> : report.title}</h4>
                  <p className="text-sm text-slate-700">{t(`status.${report.status}`)}</p>
                  <Actions actions={report.actions} t={t} />
                  <Decisions decisions={report.decisions} locale={locale} t={t} />
                  {chainOf(report.chain)}
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </>
  )
}

/**
 * The welfare report as it reads: introduction, the period's figures, then each section with its text, figures,
 * phenomena and reports. The page and the HTML export both render this, so they show the same thing; the page
 * adds its editing controls under each section through `sectionExtras`.
 */
export function WelfareReportView({
  document,
  html,
  locale,
  t,
  reportHref,
  followUpHref,
  sectionExtras,
}: {
  document: WelfareReportDocument
  html: WelfareHtml
  locale: Locale
  t: Translate
  reportHref?: (reportId: string) => string | null
  /** Where a follow-up is read; the exported document, read outside the app, links none. */
  followUpHref?: (followUpId: string) => string | null
  sectionExtras?: (section: WelfareSection, index: number) => ReactNode
}) {
  return (
    <div className="welfare-report grid gap-8">
      {document.introduction ? (
        <div className="prose-report intro" dangerouslySetInnerHTML={{ __html: html.introduction }} />
      ) : null}
      <section aria-labelledby="figures-heading" className="report-figures">
        <h2 id="figures-heading" className="mb-3 text-2xl font-bold text-brand-900">
          {t('welfare.view.figures')}
        </h2>
        <StatisticsFigures
          figures={document.figures}
          locale={locale}
          t={t}
          idPrefix="figures-all"
          headingLevel={2}
          places={document.places}
        />
        <FollowUpFigures figures={document.followUpFigures} locale={locale} t={t} />
      </section>
      {document.sections.map((section, index) => (
        <section
          key={section.id}
          id={sectionAnchor(section.id)}
          aria-labelledby={`${sectionAnchor(section.id)}-heading`}
          className="report-section scroll-mt-4 border-t-2 border-slate-300 pt-6"
        >
          <SectionContent
            document={document}
            section={section}
            number={index + 1}
            html={html}
            locale={locale}
            t={t}
            reportHref={reportHref}
            followUpHref={followUpHref}
          />
          {sectionExtras?.(section, index)}
        </section>
      ))}
    </div>
  )
}
