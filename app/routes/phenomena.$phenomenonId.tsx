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
import { getPhenomenon, listObservations, listReadableReportsOfPhenomenon } from '#app/models/phenomenon.server.ts'
import { listMunicipalities } from '#app/models/organisation.server.ts'
import { getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { versionOf } from '#app/models/edit-version.server.ts'
import { ObservationForm, ObservationList, PhenomenonDescription } from '#app/components/shared-picture.tsx'
import {
  canEditPhenomenonDescription,
  canObservePhenomenon,
  hasWorkerView,
  readerEvidence,
  sharedPictureRoles,
  type ShownCount,
  workerEvidence,
} from '#app/domain/shared-picture.ts'
import { hasAnyRole } from '#app/domain/roles.ts'
import { renderMarkdown } from '#app/utils/markdown.server.ts'
import { handleSharedPictureForm, isSharedPictureForm } from '#app/utils/shared-picture-forms.server.ts'
import { listProposedActions } from '#app/models/proposed-action.server.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { listRecipientsForSender } from '#app/services/recipients.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatDate, formatNumber } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { handleProposedActionForm } from '#app/utils/proposed-action-forms.server.ts'
import { handleSendForm } from '#app/utils/send-forms.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { phenomenonReaders } from '#app/domain/phenomena.ts'
import { canSendPhenomenon } from '#app/domain/sendings.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { canAddPhenomenonAction, canRecordOutcome, phenomenonActor } from '#app/domain/action-outcomes.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, sharedPictureRoles)
  const db = getDb()
  const phenomenon = await getPhenomenon(db, user.organisation.id, requireUuid(params.phenomenonId))
  if (!phenomenon) throw data({ code: 'not_found' }, { status: 404 })
  await recordRead(user, request, { action: 'phenomenon.read', target: { type: 'phenomenon', id: phenomenon.id } })
  const workerView = hasWorkerView(user.roles)
  const [following, proposedActions, chain, readableReports, observations, municipalities, threshold] =
    await Promise.all([
      isFollowing(db, user, { kind: 'phenomenon', id: phenomenon.id }),
      listProposedActions(db, user.organisation.id, { phenomenonIds: [phenomenon.id] }),
      // The chain names who acted at each step; a worker's view names no one.
      workerView ? null : getPhenomenonChain(db, user, phenomenon.id),
      listReadableReportsOfPhenomenon(db, user, phenomenon.id),
      listObservations(db, user, phenomenon.id),
      listMunicipalities(db, user.organisation.id),
      workerView ? getSmallCountThreshold(db, user.organisation.id) : null,
    ])
  const reportActions = await listProposedActions(db, user.organisation.id, {
    reportIds: readableReports.map((report) => report.id),
  })
  // Who recorded an outcome is a colleague's name, which a worker's view leaves out.
  const shownActions = <Action extends { outcomeByName: string | null }>(actions: Action[]) =>
    workerView ? actions.map((action) => ({ ...action, outcomeByName: null })) : actions
  const sendTo = canSendPhenomenon(user.roles) ? await listRecipientsForSender(user) : null
  return {
    phenomenon: {
      id: phenomenon.id,
      title: phenomenon.title,
      description: phenomenon.description,
      descriptionHtml: renderMarkdown(phenomenon.description),
      version: versionOf(phenomenon.updated_at),
      ...(threshold === null ? readerEvidence(phenomenon) : workerEvidence(phenomenon, threshold)),
      first_observed: threshold === null ? phenomenon.first_observed : null,
      // A worker sees the linked reports they may open, and no others.
      reports: workerView
        ? phenomenon.reports.filter((report) => readableReports.some((readable) => readable.id === report.id))
        : phenomenon.reports,
    },
    threshold,
    following,
    observations,
    municipalities,
    proposedActions: shownActions(proposedActions),
    // Each report's own proposals as the phenomenon gathers them; their outcomes are recorded on the report's page.
    reportsWithActions: readableReports
      .map((report) => ({
        ...report,
        actions: shownActions(reportActions.filter((action) => action.reportId === report.id)),
      }))
      .filter((report) => report.actions.length > 0),
    chain,
    mayObserve: canObservePhenomenon(user.roles),
    mayEditDescription: canEditPhenomenonDescription(user.roles),
    mayRecordOutcomes: canRecordOutcome(phenomenonActor(user.roles), { kind: 'phenomenon' }),
    mayAddActions: canAddPhenomenonAction(user.roles),
    sendTo: sendTo?.ok ? sendTo.recipients.map(({ id, kind, name }) => ({ id, kind, name })) : null,
  }
}

/**
 * "Havaitsen saman" and the description's edit; the phenomenon's own proposed actions (a coordinator adds them and
 * records their outcomes), and sending it on, for the readers' roles.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, sharedPictureRoles)
  const phenomenonId = requireUuid(params.phenomenonId)
  const formData = await readProtectedForm(request)
  const intent = formData.get('intent')
  if (isSharedPictureForm(intent)) return handleSharedPictureForm(user, phenomenonId, intent, formData)
  if (!hasAnyRole(user.roles, phenomenonReaders)) throw data({ code: 'forbidden' }, { status: 403 })
  if (intent === 'send') return handleSendForm(user, { kind: 'phenomenon', phenomenonId }, formData)
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

function Evidence({
  phenomenon,
  threshold,
}: {
  phenomenon: ReturnType<typeof useLoaderData<typeof loader>>['phenomenon']
  threshold: number | null
}) {
  const { locale, t } = useI18n()
  const count = (value: ShownCount) =>
    value === null ? t('sharedPicture.evidence.suppressed', { threshold: threshold ?? 0 }) : formatNumber(locale, value)
  const rows: [string, string][] = [
    [t('sharedPicture.evidence.reports'), count(phenomenon.report_count)],
    [t('sharedPicture.evidence.teams'), count(phenomenon.team_count)],
    [t('sharedPicture.evidence.municipalities'), count(phenomenon.municipality_count)],
    [t('sharedPicture.evidence.observers'), formatNumber(locale, phenomenon.observation_count)],
    ...(phenomenon.first_observed
      ? [[t('sharedPicture.evidence.since'), formatDate(locale, phenomenon.first_observed)] as [string, string]]
      : []),
  ]
  return (
    <Card title={t('sharedPicture.evidence.title')} id="evidence">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {threshold === null ? null : (
        <p className="mt-3 text-sm text-slate-700">{t('sharedPicture.evidence.note', { threshold })}</p>
      )}
    </Card>
  )
}

export default function PhenomenonPage() {
  const {
    phenomenon,
    threshold,
    following,
    observations,
    municipalities,
    proposedActions,
    reportsWithActions,
    mayObserve,
    mayEditDescription,
    mayRecordOutcomes,
    mayAddActions,
    chain,
    sendTo,
  } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  return (
    <>
      <PageHeading title={phenomenon.title}>
        {threshold === null
          ? t('phenomenon.summary', {
              reports: phenomenon.report_count ?? 0,
              teams: phenomenon.team_count ?? 0,
              municipalities: phenomenon.municipality_count ?? 0,
              since: phenomenon.first_observed ? formatDate(locale, phenomenon.first_observed) : '–',
            })
          : null}{' '}
        {t('sharedPicture.evidence.observations', { count: phenomenon.observation_count })}
      </PageHeading>
      <ContributorViewsLink phenomenonId={phenomenon.id} />
      <div className="mb-6 grid max-w-3xl gap-6">
        <Evidence phenomenon={phenomenon} threshold={threshold} />
        <PhenomenonDescription
          html={phenomenon.descriptionHtml}
          description={phenomenon.description}
          version={phenomenon.version}
          mayEdit={mayEditDescription}
        />
        <Card title={t('sharedPicture.observations.title')} id="observations">
          <div className="grid gap-6">
            <ObservationList observations={observations} />
            {mayObserve ? <ObservationForm municipalities={municipalities} count={observations.length} /> : null}
          </div>
        </Card>
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
