import { Form } from '@remix-run/react'
import { emailDeliveries, type EmailDelivery } from '#app/models/database.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'

/** When notifications also arrive by email; each choice says in one line what it means. */
export function EmailDeliveryForm({
  current,
  saved,
  error,
}: {
  current: EmailDelivery
  saved: boolean
  error?: MessageKey
}) {
  const { t } = useI18n()
  return (
    <Form method="post" className="grid gap-4">
      <CsrfInput />
      <input type="hidden" name="intent" value="emailDelivery" />
      {saved ? <Alert tone="success">{t('settings.email.saved')}</Alert> : null}
      {error ? <Alert tone="error">{t(error)}</Alert> : null}
      <p>{t('settings.email.intro')}</p>
      <fieldset className="grid gap-2">
        <legend className="mb-1 font-semibold">{t('settings.email.legend')}</legend>
        {emailDeliveries.map((option) => (
          <div key={option} className="flex items-start gap-3">
            <input
              type="radio"
              id={`email-delivery-${option}`}
              name="emailDelivery"
              value={option}
              defaultChecked={option === current}
              aria-describedby={`email-delivery-${option}-help`}
              className="mt-3 size-5 shrink-0 accent-brand-700"
            />
            <div>
              <label htmlFor={`email-delivery-${option}`} className="flex min-h-11 items-center font-semibold">
                {t(`settings.email.${option}`)}
              </label>
              <p id={`email-delivery-${option}-help`} className="-mt-2 text-sm text-slate-700">
                {t(`settings.email.${option}.help`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div>
        <Button>{t('common.save')}</Button>
      </div>
    </Form>
  )
}
