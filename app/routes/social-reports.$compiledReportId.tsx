import { type ActionFunctionArgs, type LoaderFunctionArgs, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CompiledReportComments, CompiledReportStages } from '#app/components/compiled-report-stages.tsx'
import { CompiledReportView } from '#app/components/compiled-report-view.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { CheckboxGroup, TextArea, TextField } from '#app/components/ui/field.tsx'
import { FormMessage } from '#app/components/welfare-forms.tsx'
import { isEditableStage } from '#app/domain/compiled-reports.ts'
import {
  answerCompiledReportComment,
  approveCompiledReport,
  commentOnCompiledReport,
  documentOf,
  getCompiledReportPage,
  markCompiledReportSent,
  publishCompiledReport,
  saveCompiledReport,
  startCommentRound,
} from '#app/services/compiled-reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import {
  AnswerSchema,
  CommentSchema,
  CompiledReportEditSchema,
  StageChangeSchema,
} from '#app/utils/compiled-report-forms.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { listValue, parseForm } from '#app/utils/forms.ts'
import { pageReplies, resultFor } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = await getCompiledReportPage(user, requireUuid(params.compiledReportId))
  if (!page) throw data({ code: 'not_found' }, { status: 404 })
  const { report, canEdit, allPhenomena, allSeries, reviewers, comments, canComment, candidates, publicEnabled } = page
  return {
    report: {
      id: report.id,
      title: report.title,
      narrative: canEdit ? report.narrative : '',
      stage: report.stage,
      version: report.version,
      approvedAt: report.approvedAt,
      approvedByName: report.approvedByName,
      publishedAt: report.publishedAt,
    },
    document: documentOf(page),
    canEdit: canEdit && isEditableStage(report.stage),
    canMove: canEdit,
    canComment,
    reviewers,
    comments,
    candidates,
    publicPath: publicEnabled ? `/public/${user.organisation.id}/social-reports/${report.id}` : null,
    chosenPhenomena: page.phenomena.map((phenomenon) => phenomenon.id),
    chosenSeries: page.indicators.map((series) => series.id),
    allPhenomena,
    allSeries: allSeries.map((series) => ({ id: series.id, name: series.name, source: series.source })),
  }
}

const editFormId = 'edit'
const stageFormId = 'stage'
const commentFormId = 'comment'

const refusalAnswers = {
  stale: { status: 409, message: 'compiled.stale' },
  wrong_stage: { status: 409, message: 'compiled.wrongStage' },
  not_public: { status: 409, message: 'compiled.stages.notPublic' },
} as const

const stageServices = {
  startRound: startCommentRound,
  approve: approveCompiledReport,
  publish: publishCompiledReport,
  send: markCompiledReportSent,
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readProtectedForm(request)
  const compiledReportId = requireUuid(params.compiledReportId)
  const intent = formData.get('intent')
  if (intent === 'comment' || intent === 'answer') {
    const page = pageReplies(formData, commentFormId, 'compiled.guard.field')
    if (intent === 'comment') {
      const parsed = parseForm(CommentSchema, formData)
      if (!parsed.ok) return page.invalid(parsed.fieldErrors)
      const added = await commentOnCompiledReport(user, { compiledReportId, text: parsed.data.text })
      if (added.ok) return page.done('compiled.comments.added')
      return page.refused(added, { wrong_stage: { status: 409, message: 'compiled.comments.notInRound' } })
    }
    const parsed = parseForm(AnswerSchema, formData)
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    const answered = await answerCompiledReportComment(user, { compiledReportId, ...parsed.data })
    return answered.ok ? page.done('compiled.comments.answered') : page.refused(answered, refusalAnswers)
  }
  if (typeof intent === 'string' && intent in stageServices) {
    const page = pageReplies(formData, stageFormId, 'compiled.guard.field')
    const parsed = parseForm(StageChangeSchema, formData, ['reviewerIds'])
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    const moved = await stageServices[intent as keyof typeof stageServices](user, { ...parsed.data, compiledReportId })
    return moved.ok ? page.done('compiled.saved') : page.refused(moved, refusalAnswers)
  }
  const page = pageReplies(formData, editFormId, 'compiled.guard.field')
  const parsed = parseForm(CompiledReportEditSchema, formData, ['phenomenonIds', 'seriesIds'])
  if (!parsed.ok) return page.invalid(parsed.fieldErrors)
  const saved = await saveCompiledReport(user, { ...parsed.data, compiledReportId })
  return saved.ok ? page.done('compiled.saved') : page.refused(saved, refusalAnswers)
}

export default function CompiledReportPage() {
  const loaded = useLoaderData<typeof loader>()
  const { report, document, canEdit, chosenPhenomena, chosenSeries, allPhenomena, allSeries } = loaded
  const actionData = useActionData<typeof action>()
  const result = resultFor(actionData, editFormId)
  const stageResult = resultFor(actionData, stageFormId)
  const commentResult = resultFor(actionData, commentFormId)
  const { t } = useI18n()
  const failed = result && !result.ok ? result : undefined
  return (
    <>
      <PageHeading title={report.title}>
        <span className="font-semibold">{t(`compiled.stage.${report.stage}`)}</span>
      </PageHeading>
      <p className="mb-6">
        <Link to="/social-reports">{t('compiled.list.title')}</Link>
      </p>
      <div className="grid gap-8">
        {canEdit ? (
          <Card title={t('compiled.edit.title')}>
            <Form method="post" noValidate className="grid gap-4" key={report.version}>
              <CsrfInput />
              <FormMessage result={result} />
              <input type="hidden" name="version" value={report.version} />
              <TextField
                label={t('compiled.field.title')}
                name="title"
                required
                maxLength={200}
                defaultValue={(failed?.values.title as string | undefined) ?? report.title}
                error={failed?.fieldErrors.title}
              />
              <TextArea
                label={t('compiled.field.narrative')}
                description={t('compiled.field.narrative.help')}
                name="narrative"
                rows={12}
                defaultValue={(failed?.values.narrative as string | undefined) ?? report.narrative}
                error={failed?.fieldErrors.narrative}
              />
              {allPhenomena.length > 0 ? (
                <CheckboxGroup
                  legend={t('compiled.field.phenomena')}
                  name="phenomenonIds"
                  options={allPhenomena.map((phenomenon) => ({ value: phenomenon.id, label: phenomenon.title }))}
                  selected={failed ? listValue(failed.values.phenomenonIds) : chosenPhenomena}
                />
              ) : (
                <p>{t('compiled.field.noPhenomena')}</p>
              )}
              {allSeries.length > 0 ? (
                <CheckboxGroup
                  legend={t('compiled.field.series')}
                  name="seriesIds"
                  options={allSeries.map((series) => ({
                    value: series.id,
                    label: `${series.name} (${series.source})`,
                  }))}
                  selected={failed ? listValue(failed.values.seriesIds) : chosenSeries}
                />
              ) : (
                <p>
                  {t('compiled.field.noSeries')}{' '}
                  <Link to="/social-reports/indicators">{t('compiled.list.indicators')}</Link>
                </p>
              )}
              <div>
                <Button>{t('compiled.save')}</Button>
              </div>
            </Form>
          </Card>
        ) : null}
        <CompiledReportStages
          report={report}
          canMove={loaded.canMove}
          candidates={loaded.candidates}
          reviewers={loaded.reviewers}
          publicPath={loaded.publicPath}
          result={stageResult}
        />
        {loaded.canMove || loaded.canComment || loaded.comments.length > 0 ? (
          <CompiledReportComments
            comments={loaded.comments}
            canComment={loaded.canComment}
            canAnswer={loaded.canMove}
            result={commentResult}
          />
        ) : null}
        <CompiledReportView document={document} />
      </div>
    </>
  )
}
