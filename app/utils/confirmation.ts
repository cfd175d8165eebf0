import { type MessageKey } from './i18n.ts'

/** What an irreversible action says before it runs: the consequence in words and the words of its yes-button. */
export interface ConfirmationText {
  message: MessageKey
  params?: Record<string, string>
  yes: MessageKey
}

/** The server's question back, for a browser without JavaScript: the text, and the form to send again confirmed. */
export interface Confirmation extends ConfirmationText {
  intent: string
  fields: [string, string][]
}

/** The field the dialog's and the confirmation page's yes-button adds; without it an irreversible action only asks. */
export const confirmedField = 'confirmed'

export function isConfirmed(formData: FormData): boolean {
  return formData.get(confirmedField) === 'yes'
}

/** The question for this submission: everything it carried (but its token) comes back to be sent again. */
export function confirmationFor(formData: FormData, text: ConfirmationText): Confirmation {
  const fields = [...formData.entries()].flatMap(([name, value]) =>
    typeof value === 'string' && name !== 'csrf' && name !== 'intent' && name !== confirmedField
      ? [[name, value] as [string, string]]
      : [],
  )
  return { ...text, intent: String(formData.get('intent') ?? ''), fields }
}
