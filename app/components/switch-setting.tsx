import { Form } from '@remix-run/react'
import { CsrfInput } from './csrf-input.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { Card } from './ui/card.tsx'
import { Checkbox } from './ui/field.tsx'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** An organisation setting that is on or off, saved on its own with its message beside it. */
export function SwitchSetting({
  intent,
  title,
  label,
  help,
  on,
  result,
}: {
  intent: string
  title: MessageKey
  label: MessageKey
  help: MessageKey
  on: boolean
  result: { ok: boolean; message: MessageKey | null } | undefined
}) {
  const { t } = useI18n()
  return (
    <Card title={t(title)}>
      <Form method="post" className="grid gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        <Checkbox key={String(on)} name="allowed" label={t(label)} defaultChecked={on} />
        <p className="text-slate-700">{t(help)}</p>
        <div>
          <Button variant="secondary">{t('common.save')}</Button>
        </div>
        {result?.message && result.ok ? (
          <p role="status" className="text-green-900">
            {t(result.message)}
          </p>
        ) : null}
        {result?.message && !result.ok ? <Alert tone="error">{t(result.message)}</Alert> : null}
      </Form>
    </Card>
  )
}
