import { Form } from '@remix-run/react'
import { displayName } from '#app/domain/display-name.ts'
import { type FieldFinding } from '#app/domain/identifiability.ts'
import { decisionFields, decisionTaskRows } from '#app/domain/follow-ups.ts'
import { agendaDecisions } from '#app/domain/meetings.ts'
import { listValue, textValue } from '#app/utils/forms.ts'
import { type PageFormResult } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CandidatePager, CandidateSearchFields, CandidateSearchForm, type PickerSearch } from './candidate-search.tsx'
import { CsrfInput } from './csrf-input.tsx'
import { type AdoptableAction, DecisionFollowUpFields, type ResponsibleChoices } from './decision-follow-ups.tsx'
import { GuardFindings } from './guard-findings.tsx'
import { decisionLabelKey, reportOrigin } from './meeting-agenda.tsx'
import { Button } from './ui/button.tsx'
import { CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from './ui/field.tsx'

/** The guard's findings on a meeting form, under the public-document warning. */
function MeetingGuardFindings({
  findings,
  fieldLabels,
}: {
  findings: FieldFinding[]
  fieldLabels: Record<string, string>
}) {
  return (
    <GuardFindings
      findings={findings}
      fieldLabel={(field) => fieldLabels[field] ?? field}
      title="meetings.guard.title"
      help="meetings.guard.help"
    />
  )
}

export interface MeetingFormDefaults {
  committeeId: string
  startsAt: string
  place: string
}

/** Planning a meeting (on /meetings) or changing its details while the agenda is prepared. */
export function MeetingDetailsForm({
  intent,
  committees,
  defaults,
  failure,
  submitLabel,
}: {
  intent: 'create' | 'updateMeeting'
  committees: { id: string; name: string; name_sv: string | null }[]
  defaults: MeetingFormDefaults
  failure: PageFormResult | undefined
  submitLabel: string
}) {
  const { locale, t } = useI18n()
  const value = (field: keyof MeetingFormDefaults) => (failure ? textValue(failure.values[field]) : defaults[field])
  return (
    <Form method="post" className="grid gap-4" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <MeetingGuardFindings findings={failure?.findings ?? []} fieldLabels={{ place: t('meetings.field.place') }} />
      <SelectField
        name="committeeId"
        label={t('meetings.field.committee')}
        defaultValue={value('committeeId')}
        error={failure?.fieldErrors.committeeId}
        options={[
          { value: '', label: t('meetings.field.committee.choose') },
          ...committees.map((committee) => ({
            value: committee.id,
            label: displayName(locale, committee.name, committee.name_sv),
          })),
        ]}
      />
      <TextField
        type="datetime-local"
        name="startsAt"
        label={t('meetings.field.startsAt')}
        description={t('meetings.field.startsAt.help')}
        defaultValue={value('startsAt')}
        error={failure?.fieldErrors.startsAt}
        required
      />
      <TextField
        name="place"
        label={t('meetings.field.place')}
        defaultValue={value('place')}
        error={failure?.fieldErrors.place}
        maxLength={200}
      />
      <div>
        <Button>{submitLabel}</Button>
      </div>
    </Form>
  )
}

export interface AgendaItemDefaults {
  title: string
  summary: string
  proposal: string
  reportIds: string[]
  phenomenonIds: string[]
}

export interface AgendaCandidates {
  reports: {
    id: string
    title: string
    municipality: string | null
    team: string | null
    /** The committee the team lead forwarded the report to, so that it lands on the right agenda. */
    committee?: string | null
  }[]
  phenomena: { id: string; title: string; forwarded_count: number }[]
}

export function useAgendaItemFieldLabels(): Record<string, string> {
  const { t } = useI18n()
  return {
    title: t('meetings.item.field.title'),
    summary: t('meetings.item.field.summary'),
    proposal: t('meetings.item.field.proposal'),
  }
}

/** Adding an item or editing one: texts, and the forwarded reports and phenomena it concerns. */
export function AgendaItemForm({
  intent,
  itemId,
  version,
  defaults,
  candidates,
  failure,
  submitLabel,
  picker,
}: {
  intent: 'addItem' | 'updateItem'
  itemId?: string
  /** The item's version the form was made from (EditVersionSchema), when editing. */
  version?: string
  defaults: AgendaItemDefaults
  /** Forwarded reports and phenomena, plus whatever the item already links to. */
  candidates: AgendaCandidates
  failure: PageFormResult | undefined
  submitLabel: string
  /** The search over the candidates: this picker's id and name, and the page of candidates shown. */
  picker: PickerSearch
}) {
  const { t } = useI18n()
  const labels = useAgendaItemFieldLabels()
  const text = (field: 'title' | 'summary' | 'proposal') =>
    failure ? textValue(failure.values[field]) : defaults[field]
  const chosen = (field: 'reportIds' | 'phenomenonIds') =>
    failure ? listValue(failure.values[field]) : defaults[field]
  return (
    <>
      <Form method="post" className="grid gap-4" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <MeetingGuardFindings findings={failure?.findings ?? []} fieldLabels={labels} />
        <TextField
          name="title"
          label={labels.title!}
          defaultValue={text('title')}
          error={failure?.fieldErrors.title}
          maxLength={200}
          required
        />
        <TextArea
          name="summary"
          label={labels.summary!}
          description={t('meetings.item.field.summary.help')}
          defaultValue={text('summary')}
          error={failure?.fieldErrors.summary}
          rows={8}
          maxLength={20_000}
        />
        <TextArea
          name="proposal"
          label={labels.proposal!}
          description={t('meetings.item.field.proposal.help')}
          defaultValue={text('proposal')}
          error={failure?.fieldErrors.proposal}
          rows={3}
          maxLength={5000}
        />
        <CandidateSearchFields
          pickerId={picker.id}
          name={picker.name}
          search={picker.search}
          nothingFound={candidates.reports.length + candidates.phenomena.length === 0}
        />
        {candidates.reports.length > 0 ? (
          <CheckboxGroup
            legend={t('meetings.item.field.reports')}
            name="reportIds"
            selected={chosen('reportIds')}
            error={failure?.fieldErrors.reportIds}
            options={candidates.reports.map((report) => ({
              value: report.id,
              label: [
                `${report.title} (${reportOrigin(t, report)})`,
                report.committee ? t('meetings.item.forwardedTo', { committee: report.committee }) : null,
              ]
                .filter(Boolean)
                .join(' – '),
            }))}
          />
        ) : (
          <p className="text-slate-700">{t('meetings.item.noCandidateReports')}</p>
        )}
        {candidates.phenomena.length > 0 ? (
          <CheckboxGroup
            legend={t('meetings.item.field.phenomena')}
            name="phenomenonIds"
            selected={chosen('phenomenonIds')}
            error={failure?.fieldErrors.phenomenonIds}
            options={candidates.phenomena.map((phenomenon) => ({
              value: phenomenon.id,
              label: t('meetings.item.phenomenonOption', {
                title: phenomenon.title,
                count: phenomenon.forwarded_count,
              }),
            }))}
          />
        ) : (
          <p className="text-slate-700">{t('meetings.item.noCandidatePhenomena')}</p>
        )}
        <CandidatePager pickerId={picker.id} name={picker.name} search={picker.search} hasNext={picker.hasNext} />
        <div>
          <Button>{submitLabel}</Button>
        </div>
      </Form>
      <CandidateSearchForm pickerId={picker.id} />
    </>
  )
}

/** The chair's or secretary's decision on one item. */
export function DecisionForm({
  itemId,
  itemLabel,
  failure,
  followUps,
}: {
  itemId: string
  /** "3 § Title", so each of several decision forms on the page has its own name. */
  itemLabel: string
  failure: PageFormResult | undefined
  /** What the decision may adopt and set to be followed up; none when the page offers no follow-ups. */
  followUps?: { actions: AdoptableAction[]; choices: ResponsibleChoices; decidedOn: string }
}) {
  const { t } = useI18n()
  const taskLabels = Object.fromEntries(
    Array.from({ length: decisionTaskRows }, (_, index) => [
      decisionFields.task(index, 'title'),
      `${t('followUps.decision.task.legend', { number: index + 1 })}: ${t('followUps.field.title')}`,
    ]),
  )
  return (
    <Form method="post" className="mt-4 grid gap-4 rounded-md border border-slate-300 p-4" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="itemId" value={itemId} />
      <MeetingGuardFindings
        findings={failure?.findings ?? []}
        fieldLabels={{ text: t('meetings.decision.field.text'), ...taskLabels }}
      />
      <RadioGroup
        legend={t('meetings.decision.field.kind', { item: itemLabel })}
        name="kind"
        options={agendaDecisions.map((kind) => ({ value: kind, label: t(decisionLabelKey(kind)) }))}
        chosen={failure ? textValue(failure.values.kind) : ''}
        required
        error={failure?.fieldErrors.kind}
      />
      <TextArea
        name="text"
        label={t('meetings.decision.field.text')}
        description={t('meetings.decision.field.text.help')}
        defaultValue={failure ? textValue(failure.values.text) : ''}
        error={failure?.fieldErrors.text}
        rows={3}
        maxLength={5000}
      />
      {followUps ? <DecisionFollowUpFields itemId={itemId} failure={failure} {...followUps} /> : null}
      <div>
        <Button>{t('meetings.decision.submit')}</Button>
      </div>
    </Form>
  )
}
