import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { CheckboxGroup, TextField } from '#app/components/ui/field.tsx'
import { FormMessage } from '#app/components/welfare-forms.tsx'
import { listPhenomenaOfOrganisation } from '#app/models/compiled-report.server.ts'
import { canCompileReports, createCompiledReport } from '#app/services/compiled-reports.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { NewCompiledReportSchema } from '#app/utils/compiled-report-forms.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listValue, parseForm, textValue } from '#app/utils/forms.ts'
import { pageReplies, resultFor } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

async function requireCompiler(request: Request) {
  const user = await requireUser(request)
  if (!(await canCompileReports(user))) throw data({ code: 'forbidden' }, { status: 403 })
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCompiler(request)
  return { phenomena: await listPhenomenaOfOrganisation(getDb(), user.organisation.id) }
}

const formId = 'create'

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCompiler(request)
  const formData = await readProtectedForm(request)
  const page = pageReplies(formData, formId, 'compiled.guard.field')
  const parsed = parseForm(NewCompiledReportSchema, formData, ['phenomenonIds'])
  if (!parsed.ok) return page.invalid(parsed.fieldErrors)
  const created = await createCompiledReport(user, parsed.data)
  return created.ok ? redirect(`/social-reports/${created.compiledReportId}`) : page.refused(created)
}

export default function NewCompiledReportPage() {
  const { phenomena } = useLoaderData<typeof loader>()
  const result = resultFor(useActionData<typeof action>(), formId)
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('compiled.new.title')}>{t('compiled.new.intro')}</PageHeading>
      <Form method="post" noValidate className="grid max-w-2xl gap-4">
        <CsrfInput />
        <FormMessage result={result} />
        <TextField
          label={t('compiled.field.title')}
          name="title"
          required
          maxLength={200}
          defaultValue={textValue(result?.values.title)}
          error={result?.fieldErrors.title}
        />
        {phenomena.length > 0 ? (
          <CheckboxGroup
            legend={t('compiled.field.phenomena')}
            name="phenomenonIds"
            options={phenomena.map((phenomenon) => ({ value: phenomenon.id, label: phenomenon.title }))}
            selected={listValue(result?.values.phenomenonIds)}
          />
        ) : (
          <p>{t('compiled.field.noPhenomena')}</p>
        )}
        <div>
          <Button>{t('compiled.create')}</Button>
        </div>
      </Form>
    </>
  )
}
