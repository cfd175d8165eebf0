import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { GuardFindings } from '#app/components/guard-findings.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { TextArea } from '#app/components/ui/field.tsx'
import { ContributionSchema } from '#app/domain/contribution-schema.ts'
import { contributionTextLimit } from '#app/domain/contributions.ts'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { reportWriterRoles } from '#app/domain/roles.ts'
import { findPhenomenonOpening } from '#app/models/contribution.server.ts'
import { recordClientView } from '#app/services/contributions.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors, formValues, parseForm, textValue } from '#app/utils/forms.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

interface ClientViewResult {
  ok: boolean
  fieldErrors: FieldErrors
  findings: FieldFinding[]
  values: Record<string, string | string[]>
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const worker = await requireRole(request, reportWriterRoles)
  const phenomenon = await findPhenomenonOpening(getDb(), worker.organisation.id, requireUuid(params.phenomenonId))
  if (!phenomenon) throw data({ code: 'not_found' }, { status: 404 })
  return { phenomenon: { id: phenomenon.id, title: phenomenon.title } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const worker = await requireRole(request, reportWriterRoles)
  const phenomenonId = requireUuid(params.phenomenonId)
  const formData = await readProtectedForm(request)
  const parsed = parseForm(ContributionSchema, formData, [], { forum: 'asiakas' })
  if (!parsed.ok) return data<ClientViewResult>({ ...parsed, findings: [] }, { status: 400 })
  const result = await recordClientView(worker, phenomenonId, parsed.data.text)
  if (result.ok) return data<ClientViewResult>({ ok: true, fieldErrors: {}, findings: [], values: {} })
  if (result.reason === 'identifying_data') {
    const values = formValues(formData)
    return data<ClientViewResult>({ ok: false, fieldErrors: {}, findings: result.findings, values }, { status: 422 })
  }
  throwRefusal(result)
}

/** A worker writes down a client's own view of a phenomenon, on the client's behalf (asiakkaan näkemys). */
export default function ClientViewPage() {
  const { phenomenon } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeading title={t('contributors.clientView.title', { title: phenomenon.title })}>
        <p>{t('contributors.clientView.intro')}</p>
        <Link to={`/phenomena/${phenomenon.id}`}>{t('contributors.opening.back')}</Link>
      </PageHeading>
      {result?.ok ? <Alert tone="success">{t('contributors.clientView.saved')}</Alert> : null}
      <Form method="post" className="grid gap-4" key={result?.ok ? 'saved' : 'editing'}>
        <CsrfInput />
        <GuardFindings
          findings={result?.findings ?? []}
          fieldLabel={() => t('contributors.clientView.text')}
          title="contributors.guard.title"
          help="contributors.guard.help"
          focusOn={result ?? null}
        />
        <TextArea
          name="text"
          label={t('contributors.clientView.text')}
          description={t('contributors.privacy')}
          defaultValue={result && !result.ok ? textValue(result.values.text) : ''}
          error={result?.fieldErrors.text}
          rows={5}
          required
          maxLength={contributionTextLimit}
        />
        <div>
          <Button>{t('contributors.clientView.submit')}</Button>
        </div>
      </Form>
    </div>
  )
}
