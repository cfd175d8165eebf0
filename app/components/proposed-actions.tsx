import { Form, useActionData } from '@remix-run/react'
import { useId } from 'react'
import { type ActionFormResult, actionFormId, type ActionOutcome, actionOutcomes } from '#app/domain/action-outcomes.ts'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { type ActionLevel, actionLevels } from '#app/domain/report-fields.ts'
import { typedValueOf } from '#app/utils/forms.ts'
import { formatDate, type MessageKey } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { GuardFindingList } from './guard-findings.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { RadioGroup, SelectField, TextArea } from './ui/field.tsx'

/** A proposed action as the page loads it (listProposedActions); dates may arrive serialised. */
export interface ProposedActionItem {
  id: string
  description: string
  level: ActionLevel
  outcome: ActionOutcome | null
  outcomeReason: string | null
  outcomeByName: string | null
  outcomeAt: Date | string | null
}

const outcomeTones: Record<ActionOutcome | 'none', string> = {
  accepted: 'bg-green-50 text-green-900 border-green-700',
  adapted: 'bg-teal-50 text-teal-900 border-teal-700',
  rejected: 'bg-red-50 text-red-900 border-red-700',
  done: 'bg-indigo-50 text-indigo-900 border-indigo-600',
  none: 'bg-slate-100 text-slate-800 border-slate-400',
}

function isActionFormResult(value: unknown): value is ActionFormResult {
  return typeof value === 'object' && value !== null && 'formId' in value && 'ok' in value
}

/** The result of the form with this id, when it was the one just posted. */
function useActionFormResult(formId: string): ActionFormResult | undefined {
  const result: unknown = useActionData()
  return isActionFormResult(result) && result.formId === formId ? result : undefined
}

export function OutcomeBadge({ outcome }: { outcome: ActionOutcome | null }) {
  const { t } = useI18n()
  return (
    <span
      className={`inline-block rounded-full border px-2 py-0.5 text-sm font-semibold whitespace-nowrap ${outcomeTones[outcome ?? 'none']}`}
    >
      <span className="sr-only">{t('proposedActions.outcomeLabel')}: </span>
      {t(outcome ? `actionOutcome.${outcome}` : 'actionOutcome.none')}
    </span>
  )
}

/** Why a proposed-action form was refused, with each identifying fragment named under its field. */
function RefusalAlert({ title, findings }: { title: string; findings: FieldFinding[] }) {
  const { t } = useI18n()
  return (
    <Alert tone="error">
      {title}
      <GuardFindingList findings={findings} fieldLabel={(field) => t(`proposedActions.field.${field}` as MessageKey)} />
    </Alert>
  )
}

function OutcomeForm({ action, number }: { action: ProposedActionItem; number: number }) {
  const { t } = useI18n()
  const result = useActionFormResult(actionFormId({ intent: 'outcome', proposedActionId: action.id }))
  const failed = result && !result.ok ? result : undefined
  return (
    <details open={failed ? true : undefined} className="rounded-md border border-slate-200 p-3">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">
        {action.outcome ? t('proposedActions.record.change') : t('proposedActions.record.open')}
      </summary>
      <Form method="post" preventScrollReset className="mt-3 grid gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="outcome" />
        <input type="hidden" name="proposedActionId" value={action.id} />
        {failed ? <RefusalAlert title={t('proposedActions.record.failed')} findings={failed.findings} /> : null}
        <RadioGroup
          legend={t('proposedActions.record.legend', { number })}
          name="outcome"
          options={actionOutcomes.map((outcome) => ({ value: outcome, label: t(`actionOutcome.${outcome}`) }))}
          chosen={typedValueOf(failed, 'outcome') ?? action.outcome}
          error={failed?.fieldErrors.outcome}
        />
        <TextArea
          name="reason"
          rows={3}
          maxLength={2000}
          label={t('proposedActions.record.reason')}
          description={t('proposedActions.record.reasonHelp')}
          defaultValue={typedValueOf(failed, 'reason') ?? ''}
          error={failed?.fieldErrors.reason}
        />
        <div>
          <Button>{t('proposedActions.record.submit')}</Button>
        </div>
      </Form>
    </details>
  )
}

function ProposedActionEntry({
  action,
  number,
  mayRecord,
}: {
  action: ProposedActionItem
  number: number
  mayRecord: boolean
}) {
  const { locale, t } = useI18n()
  const saved = useActionFormResult(actionFormId({ intent: 'outcome', proposedActionId: action.id }))
  return (
    // The list item keeps its own display, so the list's numbers stay visible.
    <li>
      <div className="grid gap-2">
        <p>
          {action.description} <span className="text-slate-700">({t(`actionLevel.${action.level}`)})</span>
        </p>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <OutcomeBadge outcome={action.outcome} />
          {action.outcome && action.outcomeAt ? (
            <span className="text-slate-700">
              {t('proposedActions.decidedBy', {
                name: action.outcomeByName ?? '–',
                date: formatDate(locale, action.outcomeAt),
              })}
            </span>
          ) : null}
        </p>
        {action.outcome && action.outcomeReason ? (
          <p className="whitespace-pre-line rounded bg-slate-50 p-2">
            <span className="font-semibold">{t('proposedActions.reason')}:</span> {action.outcomeReason}
          </p>
        ) : null}
        {saved?.ok ? <Alert tone="success">{t(saved.message)}</Alert> : null}
        {mayRecord ? (
          // A new key after a saved decision starts the form afresh, closed and empty.
          <OutcomeForm key={`${action.outcome}:${String(action.outcomeAt)}`} action={action} number={number} />
        ) : null}
      </div>
    </li>
  )
}

/**
 * The proposed actions of a report or a phenomenon, each with its outcome: who decided, when and why. Those
 * who may decide get a small form under each action.
 */
export function ProposedActions({ actions, mayRecord }: { actions: ProposedActionItem[]; mayRecord: boolean }) {
  const { t } = useI18n()
  if (actions.length === 0) return <p>{t('proposedActions.empty')}</p>
  return (
    <ol className="grid list-decimal gap-6 pl-6">
      {actions.map((action, index) => (
        <ProposedActionEntry key={action.id} action={action} number={index + 1} mayRecord={mayRecord} />
      ))}
    </ol>
  )
}

/** A coordinator's form for a proposed action of the phenomenon's own; `count` restarts it after each addition. */
export function AddPhenomenonActionForm({ count }: { count: number }) {
  const { t } = useI18n()
  const headingId = useId()
  const result = useActionFormResult(actionFormId({ intent: 'addAction' }))
  const failed = result && !result.ok ? result : undefined
  return (
    <section aria-labelledby={headingId} className="grid gap-3 border-t border-slate-200 pt-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {t('proposedActions.add.title')}
      </h3>
      {result?.ok ? <Alert tone="success">{t(result.message)}</Alert> : null}
      <Form key={count} method="post" preventScrollReset className="grid gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="addAction" />
        {failed ? <RefusalAlert title={t('proposedActions.add.failed')} findings={failed.findings} /> : null}
        <TextArea
          name="description"
          rows={3}
          maxLength={2000}
          label={t('proposedActions.add.description')}
          defaultValue={typedValueOf(failed, 'description') ?? ''}
          error={failed?.fieldErrors.description}
        />
        <SelectField
          name="level"
          label={t('proposedActions.add.level')}
          defaultValue={typedValueOf(failed, 'level') ?? ''}
          options={[
            { value: '', label: t('report.notChosen') },
            ...actionLevels.map((level) => ({ value: level, label: t(`actionLevel.${level}`) })),
          ]}
          error={failed?.fieldErrors.level}
        />
        <div>
          <Button>{t('proposedActions.add.submit')}</Button>
        </div>
      </Form>
    </section>
  )
}
