import { Form, Link } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { CheckboxGroup, TextArea } from '#app/components/ui/field.tsx'
import { FormMessage } from '#app/components/welfare-forms.tsx'
import { type CompiledReportStage } from '#app/domain/compiled-reports.ts'
import { formatDateTime } from '#app/utils/i18n.ts'
import { type PageFormResult } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

type Person = { id: string; name: string }

const nextAction: Partial<Record<CompiledReportStage, 'approve' | 'publish' | 'send'>> = {
  comment_round: 'approve',
  approved: 'publish',
  published: 'send',
}

/** Where the report stands and the one step a compiler may take next. */
export function CompiledReportStages({
  report,
  canMove,
  candidates,
  reviewers,
  publicPath,
  result,
}: {
  report: {
    stage: CompiledReportStage
    version: number
    approvedAt: string | Date | null
    approvedByName: string | null
  }
  canMove: boolean
  candidates: Person[]
  reviewers: Person[]
  publicPath: string | null
  result: PageFormResult | undefined
}) {
  const { locale, t } = useI18n()
  const next = nextAction[report.stage]
  return (
    <Card title={t('compiled.stages.title')}>
      <FormMessage result={result} />
      <p>{t(`compiled.stage.${report.stage}`)}</p>
      {report.approvedAt ? (
        <p>
          {t('compiled.stages.approvedBy', {
            name: report.approvedByName ?? '',
            date: formatDateTime(locale, report.approvedAt),
          })}
        </p>
      ) : null}
      {reviewers.length > 0 ? (
        <p>
          {t('compiled.stages.reviewers')}: {reviewers.map((reviewer) => reviewer.name).join(', ')}
        </p>
      ) : null}
      {publicPath && (report.stage === 'published' || report.stage === 'sent') ? (
        <p>
          <Link to={publicPath}>{t('compiled.stages.publicLink')}</Link>
        </p>
      ) : null}
      {canMove && report.stage === 'draft' ? (
        <Form method="post" noValidate className="mt-4 grid gap-4">
          <CsrfInput />
          <input type="hidden" name="version" value={report.version} />
          <CheckboxGroup
            legend={t('compiled.stages.reviewers')}
            name="reviewerIds"
            options={candidates.map((person) => ({ value: person.id, label: person.name }))}
            selected={[]}
            error={result?.fieldErrors.reviewerIds}
          />
          <p className="text-sm">{t('compiled.stages.reviewers.help')}</p>
          <div>
            <Button name="intent" value="startRound">
              {t('compiled.stages.startRound')}
            </Button>
          </div>
        </Form>
      ) : null}
      {canMove && next ? (
        <Form method="post" className="mt-4">
          <CsrfInput />
          <input type="hidden" name="version" value={report.version} />
          <Button name="intent" value={next}>
            {t(`compiled.stages.${next}`)}
          </Button>
        </Form>
      ) : null}
    </Card>
  )
}

interface ShownComment {
  id: string
  text: string
  createdAt: string | Date
  answer: string | null
  answeredAt: string | Date | null
  authorName: string
  answeredByName: string | null
}

/** The comment round: reviewers' comments, each with its answer, and the forms to add one or answer one. */
export function CompiledReportComments({
  comments,
  canComment,
  canAnswer,
  result,
}: {
  comments: ShownComment[]
  canComment: boolean
  canAnswer: boolean
  result: PageFormResult | undefined
}) {
  const { locale, t } = useI18n()
  const typed = (field: string) => (result && !result.ok ? (result.values[field] as string | undefined) : undefined)
  return (
    <Card title={t('compiled.comments.title')}>
      <FormMessage result={result} />
      {comments.length === 0 ? <p>{t('compiled.comments.none')}</p> : null}
      <ul className="grid gap-4">
        {comments.map((comment) => (
          <li key={comment.id} className="rounded border border-slate-300 p-4">
            <p className="text-sm">
              {t('compiled.comments.by', { name: comment.authorName, date: formatDateTime(locale, comment.createdAt) })}
            </p>
            <p className="whitespace-pre-line">{comment.text}</p>
            {comment.answer ? (
              <div className="mt-2 border-l-4 border-brand-600 pl-3">
                <p className="text-sm">
                  {t('compiled.comments.answer')} ·{' '}
                  {t('compiled.comments.by', {
                    name: comment.answeredByName ?? '',
                    date: formatDateTime(locale, comment.answeredAt ?? comment.createdAt),
                  })}
                </p>
                <p className="whitespace-pre-line">{comment.answer}</p>
              </div>
            ) : canAnswer ? (
              <Form method="post" noValidate className="mt-2 grid gap-2">
                <CsrfInput />
                <input type="hidden" name="commentId" value={comment.id} />
                <TextArea
                  label={t('compiled.comments.answer')}
                  name="answer"
                  rows={3}
                  defaultValue={typed('commentId') === comment.id ? typed('answer') : undefined}
                  error={typed('commentId') === comment.id ? result?.fieldErrors.answer : undefined}
                />
                <div>
                  <Button name="intent" value="answer">
                    {t('compiled.comments.answerSubmit')}
                  </Button>
                </div>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canComment ? (
        <Form method="post" noValidate className="mt-4 grid gap-2">
          <CsrfInput />
          <TextArea
            label={t('compiled.comments.field')}
            name="text"
            rows={4}
            defaultValue={typed('text')}
            error={result?.fieldErrors.text}
          />
          <div>
            <Button name="intent" value="comment">
              {t('compiled.comments.submit')}
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  )
}
