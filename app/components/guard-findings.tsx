import { useRef } from 'react'
import { type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { useErrorFocus } from './error-summary.tsx'
import { Alert } from './ui/alert.tsx'

/** A finding as pages get it; stored drafts keep their findings as JSON, so `kind` is only a string there. */
export interface ShownFinding {
  field: string
  kind: string
  fragment: string
}

/** Each fragment the identifiability guard found, what it looks like and the field it is in. */
export function GuardFindingList({
  findings,
  fieldLabel,
}: {
  findings: ShownFinding[]
  fieldLabel: (field: string) => string
}) {
  const { t } = useI18n()
  return (
    <ul className="mt-2 list-disc pl-6">
      {findings.map((finding, index) => (
        <li key={index}>
          {t('report.guard.finding', {
            fragment: finding.fragment,
            kind: t(`report.guard.kind.${finding.kind}` as MessageKey),
            field: fieldLabel(finding.field),
          })}
        </li>
      ))}
    </ul>
  )
}

/**
 * The guard's findings with what the form is about and how to fix them; the fields keep what was typed. Given the
 * submitted answer that brought them (`focusOn`), they take the focus and scroll into view.
 */
export function GuardFindings({
  findings,
  fieldLabel,
  title,
  help,
  id,
  focusOn = null,
}: {
  findings: ShownFinding[]
  fieldLabel: (field: string) => string
  title: MessageKey
  help: MessageKey
  id?: string
  focusOn?: object | null
}) {
  const { t } = useI18n()
  const region = useRef<HTMLDivElement>(null)
  useErrorFocus(region, findings.length > 0 ? focusOn : null)
  if (findings.length === 0) return null
  return (
    <div ref={region} tabIndex={-1} className="focus:outline focus:outline-4 focus:outline-yellow-400">
      <Alert tone="error" id={id}>
        <p className="font-semibold">{t(title)}</p>
        <GuardFindingList findings={findings} fieldLabel={fieldLabel} />
        <p className="mt-2">{t(help)}</p>
      </Alert>
    </div>
  )
}
