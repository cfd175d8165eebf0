import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { GuardFindingList } from '#app/components/guard-findings.tsx'
import { ListTable } from '#app/components/list-table.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { TextArea, TextField } from '#app/components/ui/field.tsx'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { RedactionSchema } from '#app/domain/redaction.ts'
import { listDraftsWithFindings } from '#app/models/redaction.server.ts'
import { redactReportText } from '#app/services/redactions.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors, formValues, parseForm, textValue } from '#app/utils/forms.ts'
import { formatDateTime, type MessageKey, type TranslateParams } from '#app/utils/i18n.ts'
import { readSearchParams } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

interface RedactionAnswer {
  ok: boolean
  message: { key: MessageKey; params?: TranslateParams } | null
  fieldErrors: FieldErrors
  findings: FieldFinding[]
  values: Record<string, string | string[]>
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return {
    drafts: await listDraftsWithFindings(getDb(), admin.organisation.id),
    reportId: readSearchParams(request).get('reportId') ?? '',
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readProtectedForm(request)
  const refused = (status: number, answer: Partial<RedactionAnswer>) =>
    data<RedactionAnswer>(
      { ok: false, message: null, fieldErrors: {}, findings: [], values: formValues(formData), ...answer },
      { status },
    )
  const parsed = parseForm(RedactionSchema, formData)
  if (!parsed.ok) return refused(400, { fieldErrors: parsed.fieldErrors })
  const result = await redactReportText(admin, parsed.data)
  if (result.ok) {
    const message = { key: 'privacy.redact.done' as const, params: { title: result.title, count: result.replaced } }
    return data<RedactionAnswer>({ ok: true, message, fieldErrors: {}, findings: [], values: {} })
  }
  switch (result.reason) {
    case 'not_found':
      return refused(404, { fieldErrors: { reportId: 'privacy.redact.notFound' } })
    case 'nothing_found':
      return refused(422, { fieldErrors: { fragment: 'privacy.redact.nothingFound' } })
    case 'identifying_data':
      return refused(422, { fieldErrors: { reason: 'privacy.redact.reasonIdentifying' }, findings: result.findings })
    default:
      throwRefusal(result)
  }
}

export default function Redactions() {
  const { drafts, reportId } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { locale, t } = useI18n()
  const values = answer?.values ?? {}
  const fieldErrors = answer?.fieldErrors ?? {}
  return (
    <>
      <PageHeading title={t('privacy.admin.title')} />
      <div className="grid gap-6">
        <Card title={t('privacy.redact.title')}>
          <p className="mb-4">{t('privacy.redact.help')}</p>
          {answer?.ok && answer.message ? (
            <div role="status" className="mb-4">
              <Alert tone="success">{t(answer.message.key, answer.message.params)}</Alert>
            </div>
          ) : null}
          {answer && !answer.ok ? (
            <div role="alert" className="mb-4">
              <Alert tone="error">
                <p>{t('privacy.redact.failed')}</p>
                {answer.findings.length > 0 ? (
                  <GuardFindingList findings={answer.findings} fieldLabel={() => t('privacy.redact.reason')} />
                ) : null}
              </Alert>
            </div>
          ) : null}
          <Form method="post" className="grid gap-4" noValidate key={`${answer?.ok ? 'done' : 'typing'}-${reportId}`}>
            <CsrfInput />
            <TextField
              name="reportId"
              label={t('privacy.redact.reportId')}
              description={t('privacy.redact.reportIdHelp')}
              defaultValue={answer?.ok ? '' : textValue(values.reportId) || reportId}
              error={fieldErrors.reportId}
            />
            <TextArea
              name="fragment"
              label={t('privacy.redact.fragment')}
              description={t('privacy.redact.fragmentHelp')}
              defaultValue={textValue(values.fragment)}
              error={fieldErrors.fragment}
              rows={2}
            />
            <TextArea
              name="reason"
              label={t('privacy.redact.reason')}
              description={t('privacy.redact.reasonHelp')}
              defaultValue={textValue(values.reason)}
              error={fieldErrors.reason}
              rows={2}
            />
            <div>
              <Button>{t('privacy.redact.submit')}</Button>
            </div>
          </Form>
        </Card>
        <Card title={t('privacy.admin.drafts.title')}>
          <p className="mb-4">{t('privacy.admin.drafts.help')}</p>
          <ListTable
            caption={t('privacy.admin.drafts.title')}
            columns={[
              t('privacy.admin.drafts.report'),
              t('privacy.admin.drafts.author'),
              t('privacy.admin.drafts.findingCount'),
            ]}
            rows={drafts}
            empty={t('privacy.admin.drafts.empty')}
          >
            {(draft) => (
              <tr key={draft.id}>
                <td>
                  <Link
                    to={`/admin/redactions?reportId=${draft.id}`}
                    aria-label={t('privacy.admin.drafts.redact', { title: draft.title })}
                  >
                    {draft.title}
                  </Link>
                  <span className="block text-sm text-slate-600">{formatDateTime(locale, draft.updatedAt)}</span>
                </td>
                <td>{draft.author}</td>
                <td>{draft.findingCount}</td>
              </tr>
            )}
          </ListTable>
        </Card>
      </div>
    </>
  )
}
