import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { IntentForm } from '#app/components/intent-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { TextArea, TextField } from '#app/components/ui/field.tsx'
import { ResponseTemplateSchema } from '#app/domain/response-templates.ts'
import { listResponseTemplates } from '#app/models/response-template.server.ts'
import { archiveTemplate, saveResponseTemplate } from '#app/services/response-templates.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseForm, typedValueOf } from '#app/utils/forms.ts'
import { failureFor, pageReplies, resultFor } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const TemplateIdSchema = z.object({ templateId: z.uuid() })

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return { templates: await listResponseTemplates(getDb(), admin.organisation.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readProtectedForm(request)
  const intent = String(formData.get('intent') ?? '')
  const templateId = String(formData.get('templateId') ?? '')
  const replies = pageReplies(
    formData,
    intent === 'create' ? 'create' : `${intent}:${templateId}`,
    'validation.invalid',
  )
  const id = TemplateIdSchema.safeParse({ templateId })
  switch (intent) {
    case 'create':
    case 'update': {
      if (intent === 'update' && !id.success) return replies.refused({ ok: false, reason: 'not_found' })
      const parsed = parseForm(ResponseTemplateSchema, formData)
      if (!parsed.ok) return replies.invalid(parsed.fieldErrors)
      const result = await saveResponseTemplate(admin, {
        templateId: intent === 'update' ? id.data!.templateId : null,
        ...parsed.data,
      })
      return result.ok ? replies.done('admin.templates.saved') : replies.refused(result)
    }
    case 'archive': {
      if (!id.success) return replies.refused({ ok: false, reason: 'not_found' })
      const result = await archiveTemplate(admin, id.data)
      return result.ok ? replies.done('admin.templates.archived') : replies.refused(result)
    }
    default:
      return replies.invalid({ form: 'validation.invalid' })
  }
}

type Template = ReturnType<typeof useLoaderData<typeof loader>>['templates'][number]

/** A template's fields; a refused submission shows what was typed, with the errors beside the fields. */
function TemplateFields({ formId, template }: { formId: string; template: Template | null }) {
  const posted = useActionData<typeof action>()
  const failure = failureFor(posted, formId)
  const done = resultFor(posted, formId)
  const { t } = useI18n()
  const value = (field: string, saved: string | undefined) => typedValueOf(failure, field) ?? saved ?? ''
  const errors = failure?.fieldErrors ?? {}
  return (
    <>
      {done?.ok && done.message ? (
        <p role="status" className="text-green-900">
          {t(done.message)}
        </p>
      ) : null}
      {failure && failure.findings.length > 0 ? <Alert tone="error">{t('report.guard.title')}</Alert> : null}
      <TextField
        name="name"
        label={t('admin.templates.field.name')}
        defaultValue={value('name', template?.name)}
        error={errors.name}
        maxLength={200}
      />
      <TextArea
        name="textFi"
        lang="fi"
        rows={3}
        label={t('admin.templates.field.textFi')}
        defaultValue={value('textFi', template?.text_fi)}
        error={errors.textFi}
      />
      <TextArea
        name="textSv"
        lang="sv"
        rows={3}
        label={t('admin.templates.field.textSv')}
        defaultValue={value('textSv', template?.text_sv)}
        error={errors.textSv}
      />
      <TextArea
        name="textEn"
        lang="en"
        rows={3}
        label={t('admin.templates.field.textEn')}
        defaultValue={value('textEn', template?.text_en)}
        error={errors.textEn}
      />
    </>
  )
}

export default function ResponseTemplatesPage() {
  const { templates } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.templates.title')}>{t('admin.templates.intro')}</PageHeading>
      <div className="grid gap-6">
        <Card title={t('admin.templates.new')}>
          {/* A new key after each addition empties the form in the same render as the success message. */}
          <IntentForm intent="create" key={templates.length} className="grid gap-3">
            <TemplateFields formId="create" template={null} />
            <div>
              <Button>{t('admin.templates.save')}</Button>
            </div>
          </IntentForm>
        </Card>
        {templates.length === 0 ? <p>{t('admin.templates.none')}</p> : null}
        {templates.map((template) => (
          <Card key={template.id} title={template.name}>
            <IntentForm intent="update" fields={{ templateId: template.id }} className="grid gap-3">
              <TemplateFields formId={`update:${template.id}`} template={template} />
              <div>
                <Button>{t('admin.templates.save')}</Button>
              </div>
            </IntentForm>
            <IntentForm intent="archive" fields={{ templateId: template.id }} className="mt-3">
              <Button variant="secondary">{t('admin.templates.archive')}</Button>
            </IntentForm>
          </Card>
        ))}
      </div>
    </>
  )
}
