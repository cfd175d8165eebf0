import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { FollowToggle } from '#app/components/follow-toggle.tsx'
import { FollowThroughChain } from '#app/components/follow-through-chain.tsx'
import { ContributorViewsLink } from '#app/components/contributor-views-link.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { SendForm } from '#app/components/send-form.tsx'
import { AddPhenomenonActionForm, ProposedActions } from '#app/components/proposed-actions.tsx'
import { StatusBadge } from '#app/components/status-badge.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { isFollowing } from '#app/models/follow.server.ts'
import { getPhenomenonChain } from '#app/models/follow-through.server.ts'
import { getPhenomenon, listReadableReportsOfPhenomenon } from '#app/models/phenomenon.server.ts'
import { listProposedActions } from '#app/models/proposed-action.server.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { listRecipientsForSender } from '#app/services/recipients.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { handleProposedActionForm } from '#app/utils/proposed-action-forms.server.ts'
import { handleSendForm } from '#app/utils/send-forms.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { phenomenonReaders } from '#app/domain/phenomena.ts'
import { canSendPhenomenon } from '#app/domain/sendings.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { canAddPhenomenonAction, canRecordOutcome, phenomenonActor } from '#app/domain/action-outcomes.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, phenomenonReaders)
  const phenomenon = await getPhenomenon(getDb(), user.organisation.id, requireUuid(params.phenomenonId))
  if (!phenomenon) throw data({ code: 'not_found' }, { status: 404 })
  await recordRead(user, request, { action: 'phenomenon.read', target: { type: 'phenomenon', id: phenomenon.id } })
  const [following, proposedActions, chain, readableReports] = await Promise.all([
    isFollowing(getDb(), user, { kind: 'phenomenon', id: phenomenon.id }),
    listProposedActions(getDb(), user.organisation.id, { phenomenonIds: [phenomenon.id] }),
    getPhenomenonChain(getDb(), user, phenomenon.id),
    listReadableReportsOfPhenomenon(getDb(), user, phenomenon.id),
  ])
  const reportActions = await listProposedActions(getDb(), user.organisation.id, {
    reportIds: readableReports.map((report) => report.id),
  })
  const sendTo = canSendPhenomenon(user.roles) ? await listRecipientsForSender(user) : null
  return {
    phenomenon,
    following,
    proposedActions,
    // Each report's own proposals as the phenomenon gathers them; their outcomes are recorded on the report's page.
    reportsWithActions: readableReports
      .map((report) => ({ ...report, actions: reportActions.filter((action) => action.reportId === report.id) }))
      .filter((report) => report.actions.length > 0),
    chain,
    mayRecordOutcomes: canRecordOutcome(phenomenonActor(user.roles), { kind: 'phenomenon' }),
    mayAddActions: canAddPhenomenonAction(user.roles),
    sendTo: sendTo?.ok ? sendTo.recipients.map(({ id, kind, name }) => ({ id, kind, name })) : null,
  }
}

/** The phenomenon's own proposed actions (a coordinator adds them and records their outcomes), and sending it on. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, phenomenonReaders)
  const phenomenonId = requireUuid(params.phenomenonId)
  const formData = await readProtectedForm(request)
  if (formData.get('intent') === 'send') return handleSendForm(user, { kind: 'phenomenon', phenomenonId }, formData)
  return handleProposedActionForm(user, { kind: 'phenomenon', phenomenonId }, formData)
}

/** The proposed actions of the phenomenon's reports, under each report's title and state. */
function ReportActions({
  reports,
}: {
  reports: ReturnType<typeof useLoaderData<typeof loader>>['reportsWithActions']
}) {
  const { t } = useI18n()
  return (
    <Card title={t('phenomenon.reportActions.title')}>
      <p className="mb-4 text-slate-700">{t('phenomenon.reportActions.intro')}</p>
      {reports.length === 0 ? (
        <p>{t('phenomenon.reportActions.none')}</p>
      ) : (
        <ul className="grid gap-6">
          {reports.map((report) => (
            <li key={report.id} className="grid gap-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
              <h3 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                <Link to={`/reports/${report.id}`}>{report.title}</Link>
                <StatusBadge status={report.status} />
              </h3>
              <ProposedActions actions={report.actions} mayRecord={false} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

export default function PhenomenonPage() {
  const {
    phenomenon,
    following,
    proposedActions,
    reportsWithActions,
    mayRecordOutcomes,
    mayAddActions,
    chain,
    sendTo,
  } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={phenomenon.title}>
        {t('phenomenon.summary', {
          reports: phenomenon.report_count,
          teams: phenomenon.team_count,
          municipalities: phenomenon.municipality_count,
          since: phenomenon.first_observed ? formatDate(locale, phenomenon.first_observed) : '–',
        })}
      </PageHeading>
      <ContributorViewsLink phenomenonId={phenomenon.id} />
      <div className="mb-6 max-w-2xl">
        <Card title={t('follow.title')}>
          <FollowToggle kind="phenomenon" id={phenomenon.id} following={following} />
        </Card>
      </div>
      <div className="mb-6 max-w-3xl">
        <Card title={t('proposedActions.title')}>
          <div className="grid gap-6">
            {mayAddActions ? <p className="text-slate-700">{t('proposedActions.phenomenonHelp')}</p> : null}
            <ProposedActions actions={proposedActions} mayRecord={mayRecordOutcomes} />
            {mayAddActions ? <AddPhenomenonActionForm count={proposedActions.length} /> : null}
          </div>
        </Card>
      </div>
      <div className="mb-6 max-w-3xl">
        <ReportActions reports={reportsWithActions} />
      </div>
      {chain ? (
        <div className="mb-6 max-w-3xl">
          <Card title={t('chain.title')} id="follow-through">
            <FollowThroughChain chain={chain} locale={locale} t={t} followUpHref={followUpPath} />
          </Card>
        </div>
      ) : null}
      {sendTo ? (
        <div className="mb-6 max-w-3xl">
          <SendForm recipients={sendTo} />
        </div>
      ) : null}
      <Table
        caption={t('phenomenon.reports')}
        columns={[
          t('reports.column.title'),
          t('reports.column.status'),
          t('reports.column.team'),
          t('reports.column.municipality'),
          t('reports.column.created'),
        ]}
      >
        {phenomenon.reports.map((report) => (
          <tr key={report.id} className="border-t border-slate-200">
            <td className="p-3 font-semibold">
              <Link to={`/reports/${report.id}`}>{report.title}</Link>
            </td>
            <td className="p-3">
              <StatusBadge status={report.status} />
            </td>
            <td className="p-3">{report.team ?? '–'}</td>
            <td className="p-3">{report.municipality ?? t('reports.wholeArea')}</td>
            <td className="p-3">{formatDate(locale, report.created_at)}</td>
          </tr>
        ))}
      </Table>
    </>
  )
}
