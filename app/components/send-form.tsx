import { useActionData } from '@remix-run/react'
import { useId } from 'react'
import { type RecipientKind, recipientKinds } from '#app/domain/recipients.ts'
import { listValue, textValue } from '#app/utils/forms.ts'
import type { SendFormResult } from '#app/utils/send-forms.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { GuardFindingList } from './guard-findings.tsx'
import { IntentForm } from './intent-form.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { Card } from './ui/card.tsx'
import { CheckboxGroup, FieldError, TextArea } from './ui/field.tsx'

/** A recipient the form offers, as the page loads it. */
export interface SendableRecipient {
  id: string
  kind: RecipientKind
  name: string
}

function useSendFormResult(): SendFormResult | undefined {
  const result: unknown = useActionData()
  return typeof result === 'object' && result !== null && (result as { formId?: unknown }).formId === 'send'
    ? (result as SendFormResult)
    : undefined
}

/**
 * Sends the report or phenomenon on to one or several recipients at once, with a covering note: the recipients as
 * checkboxes grouped by kind. A refused form comes back with the choice and the note as they were.
 */
export function SendForm({ recipients }: { recipients: SendableRecipient[] }) {
  const { t } = useI18n()
  const id = useId()
  const result = useSendFormResult()
  const failed = result && !result.ok ? result : undefined
  const chosen = listValue(failed?.values.recipientIds)
  const recipientsError = failed?.fieldErrors.recipientIds
  return (
    <Card title={t('send.title')} id="send">
      {recipients.length === 0 ? (
        <p>{t('send.noRecipients')}</p>
      ) : (
        <IntentForm
          intent="send"
          preventScrollReset
          // A new key after each sending empties the form in the same render as the success message.
          key={result?.ok ? 'sent' : 'editing'}
          className="grid gap-4"
        >
          <p className="text-slate-700">{t('send.intro')}</p>
          {result?.ok ? <Alert tone="success">{t('send.sent', { count: result.sentCount })}</Alert> : null}
          {failed ? (
            <Alert tone="error">
              {t('send.failed')}
              {failed.findings.length > 0 ? (
                <GuardFindingList findings={failed.findings} fieldLabel={() => t('send.coveringNote')} />
              ) : null}
            </Alert>
          ) : null}
          <fieldset aria-describedby={recipientsError ? `${id}-recipients-error` : undefined} className="grid gap-3">
            <legend className="font-semibold">{t('send.recipients')}</legend>
            {recipientKinds.map((kind) => {
              const ofKind = recipients.filter((recipient) => recipient.kind === kind)
              if (ofKind.length === 0) return null
              return (
                <CheckboxGroup
                  key={kind}
                  legend={t(`recipientKind.${kind}`)}
                  name="recipientIds"
                  selected={chosen}
                  options={ofKind.map((recipient) => ({ value: recipient.id, label: recipient.name }))}
                />
              )
            })}
            {recipients.some((recipient) => recipient.kind === 'partner') ? (
              <p className="text-sm text-slate-700">{t('send.partnerNote')}</p>
            ) : null}
            <FieldError id={`${id}-recipients-error`} error={recipientsError} />
          </fieldset>
          <TextArea
            name="coveringNote"
            rows={4}
            label={t('send.coveringNote')}
            description={t('send.coveringNote.help')}
            defaultValue={textValue(failed?.values.coveringNote)}
            error={failed?.fieldErrors.coveringNote}
            required
          />
          <div>
            <Button>{t('send.submit')}</Button>
          </div>
        </IntentForm>
      )}
    </Card>
  )
}
