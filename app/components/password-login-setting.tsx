import { Form } from '@remix-run/react'
import { CsrfInput } from './csrf-input.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { Card } from './ui/card.tsx'
import { Checkbox } from './ui/field.tsx'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** Whether the organisation's staff may still sign in with a password; shown only when single sign-on is set up. */
export function PasswordLoginSetting({
  allowed,
  result,
}: {
  allowed: boolean
  result: { ok: boolean; message: MessageKey | null } | undefined
}) {
  const { t } = useI18n()
  return (
    <Card title={t('sso.admin.title')}>
      <Form method="post" className="grid gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="passwordLogin" />
        <Checkbox key={String(allowed)} name="allowed" label={t('sso.admin.passwordLogin')} defaultChecked={allowed} />
        <p className="text-slate-700">{t('sso.admin.passwordLoginHelp')}</p>
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
