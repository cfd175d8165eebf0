import { type MouseEvent, type RefObject, useEffect, useRef } from 'react'
import { type FieldErrors } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

/** The id a form gives the control of `field`, so the error summary can link to it. */
export function fieldAnchor(field: string): string {
  return `field-${field.split('.')[0]}`
}

/**
 * Brings an answer with errors to where the eyes are (the GOV.UK pattern): once `answer` is a new non-null value,
 * the element gets the focus (and so scrolls into view) and the page title starts with "Virhe:" while it shows.
 * Only a submitted form's answer should move the focus, never something that changes while the user types.
 */
export function useErrorFocus(element: RefObject<HTMLElement | null>, answer: object | null) {
  const { t } = useI18n()
  useEffect(() => {
    if (!answer || !element.current) return
    element.current.focus()
    element.current.scrollIntoView({ block: 'start' })
    const prefix = `${t('error.titlePrefix')} `
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length)
    }
  }, [answer, element, t])
}

/** Following a summary link puts the cursor in the field itself, with its label in view, as well as scrolling. */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const field = document.getElementById(event.currentTarget.hash.slice(1))
  if (!field) return
  event.preventDefault()
  field.focus({ preventScroll: true })
  const around = field.closest('fieldset, div') ?? field
  around.scrollIntoView({ block: 'start' })
}

/**
 * Every error of the form at its top, each a link to its field. `focusOn` is the submitted answer that brought
 * the errors; errors found while typing (autosave) are listed without taking the focus.
 */
export function ErrorSummary({
  errors,
  fieldLabel,
  focusOn,
}: {
  errors: FieldErrors
  fieldLabel: (field: string) => string
  focusOn: object | null
}) {
  const { t } = useI18n()
  const summary = useRef<HTMLDivElement>(null)
  const entries = Object.entries(errors).filter((entry): entry is [string, MessageKey] => Boolean(entry[1]))
  useErrorFocus(summary, entries.length > 0 ? focusOn : null)
  if (entries.length === 0) return null
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-md border-4 border-red-700 bg-white p-4 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-yellow-400"
    >
      <h2 id="error-summary-title" className="text-lg font-bold text-red-800">
        {t('error.summary.title')}
      </h2>
      <ul className="mt-2 grid gap-1">
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldAnchor(field)}`} onClick={focusField} className="font-semibold text-red-800 underline">
              {fieldLabel(field)}: {t(message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
