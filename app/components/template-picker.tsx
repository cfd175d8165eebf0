import { Form } from '@remix-run/react'
import { useI18n } from '#app/utils/use-i18n.ts'
import { Button } from './ui/button.tsx'
import { SelectField } from './ui/field.tsx'

/**
 * Chooses one of the organisation's response templates; the page comes back with its text in the question and
 * comment fields. A plain GET form, so it works without JavaScript; `anchor` brings the reader back to the form.
 */
export function TemplatePicker({
  templates,
  chosen,
  anchor,
}: {
  templates: { id: string; name: string }[]
  chosen: string | null
  anchor: string
}) {
  const { t } = useI18n()
  if (templates.length === 0) return null
  return (
    <Form method="get" action={`#${anchor}`} className="flex flex-wrap items-end gap-2">
      <div className="min-w-56 flex-1">
        <SelectField
          name="template"
          label={t('template.pick')}
          defaultValue={chosen ?? ''}
          options={[
            { value: '', label: t('template.pick.none') },
            ...templates.map((template) => ({ value: template.id, label: template.name })),
          ]}
        />
      </div>
      <Button variant="secondary">{t('template.use')}</Button>
    </Form>
  )
}
