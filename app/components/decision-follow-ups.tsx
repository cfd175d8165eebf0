import { Link } from '@remix-run/react'
import { type ActionOutcome } from '#app/domain/action-outcomes.ts'
import { decisionFields, decisionTaskRows, type FollowUpStatus, responsibleUnitValue } from '#app/domain/follow-ups.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { type RecipientKind } from '#app/domain/recipients.ts'
import { formatDate, type MessageKey, type Translate } from '#app/utils/i18n.ts'
import { listValue, textValue } from '#app/utils/forms.ts'
import { type PageFormResult } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { FieldError, SelectField, TextField } from './ui/field.tsx'

/** Who the forms may name responsible: the organisation's recipient bodies, teams and people. */
export interface ResponsibleChoices {
  recipients: { id: string; name: string; kind: RecipientKind }[]
  teams: { id: string; name: string }[]
  people: { id: string; name: string }[]
}

/** A proposed action the decision may adopt, with where it comes from. */
export interface AdoptableAction {
  id: string
  description: string
  outcome: ActionOutcome | null
  /** "From the report …" or "From the phenomenon …", already in the reader's language. */
  source: string
}

/** A calendar day `yyyy-mm-dd`; noon UTC keeps it the same day whatever zone formats it. */
export function formatDay(locale: Parameters<typeof formatDate>[0], day: string): string {
  return formatDate(locale, `${day}T12:00:00Z`)
}

export function unitOptions(t: Translate, choices: ResponsibleChoices) {
  return [
    { value: '', label: t('followUps.field.unit.none') },
    ...choices.recipients.map((recipient) => {
      const kind = t(`recipientKind.${recipient.kind}`)
      // The working group is usually named by its kind; its name alone says both.
      const label = recipient.name === kind ? recipient.name : `${recipient.name} (${kind})`
      return { value: responsibleUnitValue({ kind: 'recipient', id: recipient.id }), label }
    }),
    ...choices.teams.map((team) => ({
      value: responsibleUnitValue({ kind: 'team', id: team.id }),
      label: t('followUps.field.unit.team', { name: team.name }),
    })),
  ]
}

export function personOptions(t: Translate, choices: ResponsibleChoices) {
  return [
    { value: '', label: t('followUps.field.person.none') },
    ...choices.people.map((person) => ({ value: person.id, label: person.name })),
  ]
}

/** The responsible unit, person and target date of one planned follow-up, under the names `field` gives. */
function PlanFields({
  field,
  choices,
  failure,
  decidedOn,
}: {
  field: (part: 'responsible' | 'person' | 'targetDate') => string
  choices: ResponsibleChoices
  failure: PageFormResult | undefined
  decidedOn: string
}) {
  const { t } = useI18n()
  const value = (name: string) => (failure ? textValue(failure.values[name]) : '')
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <SelectField
        name={field('responsible')}
        label={t('followUps.field.unit')}
        defaultValue={value(field('responsible'))}
        error={failure?.fieldErrors[field('responsible')]}
        options={unitOptions(t, choices)}
      />
      <SelectField
        name={field('person')}
        label={t('followUps.field.person')}
        defaultValue={value(field('person'))}
        error={failure?.fieldErrors[field('person')]}
        options={personOptions(t, choices)}
      />
      <TextField
        type="date"
        name={field('targetDate')}
        label={t('followUps.field.targetDate')}
        min={decidedOn}
        defaultValue={value(field('targetDate'))}
        error={failure?.fieldErrors[field('targetDate')]}
      />
    </div>
  )
}

/**
 * The decision form's follow-ups: which proposed actions of the item the decision adopts, each with who answers for
 * it and by when, and the tasks the decision sets itself. Everything typed comes back after a refusal.
 */
export function DecisionFollowUpFields({
  actions,
  choices,
  decidedOn,
  failure,
  itemId,
}: {
  /** The item decided on, so the error of each item's form has its own id. */
  itemId: string
  actions: AdoptableAction[]
  choices: ResponsibleChoices
  /** The meeting's day `yyyy-mm-dd`: no target date may come before it. */
  decidedOn: string
  failure: PageFormResult | undefined
}) {
  const { locale, t } = useI18n()
  const adopted = failure ? listValue(failure.values[decisionFields.adopt]) : []
  const adoptError = failure?.fieldErrors[decisionFields.adopt]
  return (
    <>
      <fieldset className="grid gap-3" aria-describedby={adoptError ? `adopt-error-${itemId}` : undefined}>
        <legend className="font-semibold">{t('followUps.decision.adopt.legend')}</legend>
        <p className="text-sm text-slate-700">
          {t('followUps.decision.adopt.help', { date: formatDay(locale, decidedOn) })}
        </p>
        {actions.length === 0 ? <p>{t('followUps.decision.noActions')}</p> : null}
        {actions.map((action) => (
          <fieldset key={action.id} className="grid gap-2 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-semibold">{action.description}</legend>
            <p className="text-sm text-slate-700">
              {action.source}
              {' · '}
              {t('followUps.decision.action.outcome', {
                outcome: t(action.outcome ? `actionOutcome.${action.outcome}` : 'actionOutcome.none'),
              })}
            </p>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name={decisionFields.adopt}
                value={action.id}
                defaultChecked={adopted.includes(action.id)}
                className="size-5 accent-brand-700"
              />
              {t('followUps.decision.adopt.checkbox')}
            </label>
            <PlanFields
              field={(part) => decisionFields.action(action.id, part)}
              choices={choices}
              failure={failure}
              decidedOn={decidedOn}
            />
          </fieldset>
        ))}
        <FieldError id={`adopt-error-${itemId}`} error={adoptError} />
      </fieldset>
      <fieldset className="grid gap-3">
        <legend className="font-semibold">{t('followUps.decision.tasks.legend')}</legend>
        <p className="text-sm text-slate-700">{t('followUps.decision.tasks.help')}</p>
        {Array.from({ length: decisionTaskRows }, (_, index) => (
          <fieldset key={index} className="grid gap-2 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-semibold">{t('followUps.decision.task.legend', { number: index + 1 })}</legend>
            <TextField
              name={decisionFields.task(index, 'title')}
              label={t('followUps.field.title')}
              defaultValue={failure ? textValue(failure.values[decisionFields.task(index, 'title')]) : ''}
              error={failure?.fieldErrors[decisionFields.task(index, 'title')]}
              maxLength={500}
            />
            <PlanFields
              field={(part) => decisionFields.task(index, part)}
              choices={choices}
              failure={failure}
              decidedOn={decidedOn}
            />
          </fieldset>
        ))}
      </fieldset>
    </>
  )
}

/** A follow-up as the meeting page lists it under its decision. */
export interface FollowUpListItem {
  id: string
  title: string
  status: FollowUpStatus
  progress: number | null
  target_date: string
  overdue: boolean
  responsible: string | null
}

/** Status, progress and schedule in words, so an overdue follow-up never depends on colour alone. */
export function FollowUpState({ followUp }: { followUp: Omit<FollowUpListItem, 'id' | 'title' | 'responsible'> }) {
  const { locale, t } = useI18n()
  return (
    <span className="flex flex-wrap items-center gap-x-2">
      <span className="font-semibold">{t(`followUpStatus.${followUp.status}`)}</span>
      {followUp.progress !== null ? <span>{t('followUps.progressValue', { progress: followUp.progress })}</span> : null}
      {followUp.overdue ? (
        <span className="rounded border border-red-700 bg-red-50 px-1.5 font-semibold text-red-900">
          {t('followUps.overdueSince', { date: formatDay(locale, followUp.target_date) })}
        </span>
      ) : null}
    </span>
  )
}

/** The follow-ups a decision set, each linked to its page. */
export function DecisionFollowUpList({ followUps }: { followUps: FollowUpListItem[] }) {
  const { locale, t } = useI18n()
  if (followUps.length === 0) return null
  return (
    <div className="mt-2">
      <h4 className="font-semibold text-brand-900">{t('followUps.ofDecision.title')}</h4>
      <ul className="mt-1 grid gap-2">
        {followUps.map((followUp) => (
          <li key={followUp.id}>
            <Link to={followUpPath(followUp.id)}>{followUp.title}</Link>
            <span className="block text-sm text-slate-700">
              {followUp.responsible ?? t('followUps.responsible.coordinator')} · {t('followUps.field.targetDate')}{' '}
              {formatDay(locale, followUp.target_date)}
            </span>
            <FollowUpState followUp={followUp} />
          </li>
        ))}
      </ul>
    </div>
  )
}

/** A closing team lead's own action: what the team does and by when; both or neither. */
export function ClosingFollowUpFields({ error }: { error: (field: string) => MessageKey | undefined }) {
  const { t } = useI18n()
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 font-semibold">{t('followUps.closing.legend')}</legend>
      <p className="text-sm text-slate-700">{t('followUps.closing.help')}</p>
      <TextField
        name="followUpTitle"
        label={t('followUps.closing.title')}
        maxLength={500}
        error={error('followUpTitle')}
      />
      <TextField
        type="date"
        name="followUpTargetDate"
        label={t('followUps.closing.targetDate')}
        error={error('followUpTargetDate')}
      />
    </fieldset>
  )
}
