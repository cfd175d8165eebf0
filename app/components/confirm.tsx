import { Form, Link, useLocation, useNavigation } from '@remix-run/react'
import { useEffect, useId, useRef } from 'react'
import { type Confirmation, type ConfirmationText, confirmedField } from '#app/utils/confirmation.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'

type ButtonVariant = 'primary' | 'secondary' | 'danger'

/**
 * The submit button of an irreversible action, placed inside its form. With JavaScript it opens a dialog that states
 * the consequence, and the dialog's yes-button sends the form confirmed; without JavaScript the form goes unconfirmed
 * and the server answers with the same question as a page (`ConfirmationView`).
 */
export function ConfirmButton({
  text,
  variant = 'danger',
  label,
  children,
}: {
  text: ConfirmationText
  variant?: ButtonVariant
  /** The button's accessible name, when its visible words leave out what it acts on. */
  label?: string
  children: string
}) {
  const { t } = useI18n()
  const dialog = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const navigation = useNavigation()
  useEffect(() => {
    if (navigation.state !== 'idle') dialog.current?.close()
  }, [navigation.state])
  return (
    <>
      <Button
        variant={variant}
        aria-label={label}
        onClick={(event) => {
          event.preventDefault()
          dialog.current?.showModal()
          // The way back is the safe default for an action that cannot be undone.
          dialog.current?.querySelector<HTMLButtonElement>('button[type="button"]')?.focus()
        }}
      >
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={headingId}
        className="m-auto w-[min(32rem,calc(100%-2rem))] rounded-lg border-2 border-red-700 bg-white p-5 text-slate-900 backdrop:bg-slate-900/60"
      >
        <h2 id={headingId} className="text-lg font-bold">
          {t('confirm.title')}
        </h2>
        <p className="mt-2">{t(text.message, text.params)}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="danger" name={confirmedField} value="yes">
            {t(text.yes)}
          </Button>
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            {t('confirm.cancel')}
          </Button>
        </div>
      </dialog>
    </>
  )
}

/** The confirmation page of a browser without JavaScript: the same question, the form again, and the way back. */
export function ConfirmationView({ confirmation }: { confirmation: Confirmation }) {
  const { t } = useI18n()
  const { pathname } = useLocation()
  const headingId = useId()
  return (
    <section
      aria-labelledby={headingId}
      className="grid gap-3 rounded-lg border-2 border-red-700 bg-white p-4 text-slate-900"
    >
      <h2 id={headingId} className="text-lg font-bold">
        {t('confirm.title')}
      </h2>
      <p>{t(confirmation.message, confirmation.params)}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value={confirmation.intent} />
        {confirmation.fields.map(([name, value], index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
        ))}
        <Button variant="danger" name={confirmedField} value="yes">
          {t(confirmation.yes)}
        </Button>
        <Link to={pathname} className="inline-flex min-h-11 items-center px-2 font-semibold">
          {t('confirm.cancel')}
        </Link>
      </Form>
    </section>
  )
}
