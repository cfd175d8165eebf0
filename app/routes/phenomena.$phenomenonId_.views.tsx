import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { GuardFindings } from '#app/components/guard-findings.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { Checkbox, TextArea } from '#app/components/ui/field.tsx'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { findPhenomenonOpening, listContributionsOnPhenomenon } from '#app/models/contribution.server.ts'
import { phenomenonOpenerRole, setPhenomenonOpening } from '#app/services/contributions.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type FieldErrors, formValues, parseForm, textValue } from '#app/utils/forms.ts'
import { formatDate } from '#app/utils/i18n.ts'
import { requireUuid } from '#app/utils/params.server.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const OpeningSchema = z.object({
  open: z.literal('on').optional(),
  publicSummary: z.string().trim().max(1000, 'validation.tooLong'),
})

interface OpeningResult {
  ok: boolean
  fieldErrors: FieldErrors
  findings: FieldFinding[]
  values: Record<string, string | string[]>
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const coordinator = await requireRole(request, [phenomenonOpenerRole])
  const phenomenonId = requireUuid(params.phenomenonId)
  const db = getDb()
  const [phenomenon, contributions] = await Promise.all([
    findPhenomenonOpening(db, coordinator.organisation.id, phenomenonId),
    listContributionsOnPhenomenon(db, coordinator.organisation.id, phenomenonId),
  ])
  if (!phenomenon) throw data({ code: 'not_found' }, { status: 404 })
  return { phenomenon, contributions }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const coordinator = await requireRole(request, [phenomenonOpenerRole])
  const phenomenonId = requireUuid(params.phenomenonId)
  const formData = await readProtectedForm(request)
  const parsed = parseForm(OpeningSchema, formData)
  if (!parsed.ok) return data<OpeningResult>({ ...parsed, findings: [] }, { status: 400 })
  const opening = { open: parsed.data.open === 'on', publicSummary: parsed.data.publicSummary }
  const result = await setPhenomenonOpening(coordinator, phenomenonId, opening)
  if (result.ok) return data<OpeningResult>({ ok: true, fieldErrors: {}, findings: [], values: {} })
  if (result.reason === 'identifying_data') {
    const values = formValues(formData)
    return data<OpeningResult>({ ok: false, fieldErrors: {}, findings: result.findings, values }, { status: 422 })
  }
  throwRefusal(result)
}

/** The coordinator opens a phenomenon for contributors' views and reads the views, which carry no names. */
export default function PhenomenonViewsPage() {
  const { phenomenon, contributions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { locale, t } = useI18n()
  const typed = result && !result.ok ? result.values : null
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeading title={t('contributors.opening.title', { title: phenomenon.title })}>
        <Link to={`/phenomena/${phenomenon.id}`}>{t('contributors.opening.back')}</Link>
      </PageHeading>
      <Card title={t('contributors.opening.settings')}>
        <Form method="post" className="grid gap-4">
          <CsrfInput />
          <GuardFindings
            findings={result?.findings ?? []}
            fieldLabel={() => t('contributors.opening.summary')}
            title="contributors.guard.title"
            help="contributors.guard.help"
            focusOn={result ?? null}
          />
          <Checkbox
            key={String(phenomenon.open_for_views)}
            name="open"
            label={t('contributors.opening.open')}
            defaultChecked={typed ? typed.open === 'on' : phenomenon.open_for_views}
          />
          <TextArea
            name="publicSummary"
            label={t('contributors.opening.summary')}
            description={t('contributors.opening.summaryHelp')}
            defaultValue={typed ? textValue(typed.publicSummary) : phenomenon.public_summary}
            error={result?.fieldErrors.publicSummary}
            rows={3}
            maxLength={1000}
          />
          <div>
            <Button>{t('common.save')}</Button>
          </div>
          {result?.ok ? <p role="status">{t('settings.saved')}</p> : null}
        </Form>
      </Card>
      <Card title={t('contributors.opening.views', { count: contributions.length })}>
        {contributions.length === 0 ? (
          <p>{t('contributors.opening.none')}</p>
        ) : (
          <ul className="grid gap-4">
            {contributions.map((contribution) => (
              <li key={contribution.id} className="border-t border-slate-200 pt-3">
                <p className="text-sm text-slate-700">
                  {formatDate(locale, contribution.created_at)} · {t(`contributors.forum.${contribution.forum}`)}
                </p>
                <p className="whitespace-pre-line">{contribution.text}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  )
}
