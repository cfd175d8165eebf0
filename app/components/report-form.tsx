import {
  type ClientActionFunctionArgs,
  Form,
  isRouteErrorResponse,
  unstable_usePrompt as usePrompt,
  useBeforeUnload,
  useFetcher,
} from '@remix-run/react'
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react'
import {
  actionLevels,
  ageBands,
  clientGroups,
  genders,
  sectors,
  supportNeeds,
  trends,
} from '#app/domain/report-fields.ts'
import { displayName } from '#app/domain/display-name.ts'
import { type AutosaveProblem } from '#app/domain/report-form.ts'
import { type FieldErrors, isChecked, listValue, textValue } from '#app/utils/forms.ts'
import { formatDateTime, isMessageKey, type MessageKey } from '#app/utils/i18n.ts'
import { useI18n, useRootData } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { ErrorSummary, fieldAnchor } from './error-summary.tsx'
import { GuardFindings as GuardFindingsNow, type ShownFinding } from './guard-findings.tsx'
import { type SimilarHit, type SimilarReport, SimilarReports as SimilarReportsNow } from './similar-reports.tsx'
import { type CoAuthorCandidate, TeamReportFields } from './team-report-fields.tsx'
import { Alert } from './ui/alert.tsx'
import { Button } from './ui/button.tsx'
import { Card } from './ui/card.tsx'
import { Checkbox, CheckboxGroup, SelectField, TextArea, TextField } from './ui/field.tsx'

/**
 * What a save found and the similar reports show only once there is something to show: the browser loads them then,
 * not with the form (ADR 029). The server renders them in place, so a page sent with findings shows them without
 * JavaScript and hydrates without waiting for them.
 */
const GuardFindings = import.meta.env.SSR
  ? GuardFindingsNow
  : lazy(() => import('./guard-findings.tsx').then((module) => ({ default: module.GuardFindings })))
const SimilarReports = import.meta.env.SSR
  ? SimilarReportsNow
  : lazy(() => import('./similar-reports.tsx').then((module) => ({ default: module.SimilarReports })))

export type FormValues = Record<string, string | string[] | boolean | undefined>

const autosaveSeconds = 5

/** Whom the report concerns: groups of checkboxes in this order, each code labelled by `${labelPrefix}.${code}`. */
const whoGroups = [
  { name: 'supportNeeds', codes: supportNeeds, labelPrefix: 'supportNeed' },
  { name: 'clientGroups', codes: clientGroups, labelPrefix: 'clientGroup' },
  { name: 'ageBands', codes: ageBands, labelPrefix: 'ageBand' },
  { name: 'genders', codes: genders, labelPrefix: 'gender' },
] as const

interface AutosaveAnswer {
  autosaved?: { reportId: string; at: string }
  autosaveProblem?: AutosaveProblem
  fieldErrors?: FieldErrors
  findings?: ShownFinding[]
}

const autosaveProblemMessages: Record<AutosaveProblem, MessageKey> = {
  invalid: 'report.autosave.invalid',
  stale: 'report.autosave.stale',
  identifying_data: 'privacy.autosave.notSaved',
  network: 'report.autosave.network',
}

/**
 * The report pages' client action: a background save that cannot reach the server, or finds the report no longer
 * editable, answers the form in words instead of replacing the page with an error, so nothing typed is lost.
 * Other submissions pass straight through.
 */
export async function reportFormClientAction({ request, serverAction }: ClientActionFunctionArgs) {
  const intent = (await request.clone().formData()).get('intent')
  try {
    return await serverAction()
  } catch (error) {
    if (intent !== 'autosave') throw error
    // The edit page refuses a report that is no longer editable before it reads the form.
    if (isRouteErrorResponse(error) && error.status === 409)
      return { autosaveProblem: 'stale' } satisfies AutosaveAnswer
    if (isRouteErrorResponse(error) || error instanceof Response) throw error
    return { autosaveProblem: 'network' } satisfies AutosaveAnswer
  }
}

/**
 * Asks before the worker leaves with changes not yet saved, both when the browser leaves the page and when a link
 * in the app is followed. Saving or submitting the form is not leaving; a background save that kept up counts.
 */
function useUnsavedChangesPrompt(unsaved: React.RefObject<boolean>) {
  const { t } = useI18n()
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!unsaved.current) return
        event.preventDefault()
        event.returnValue = ''
      },
      [unsaved],
    ),
  )
  usePrompt({
    when: ({ currentLocation, nextLocation }) =>
      unsaved.current === true && currentLocation.pathname !== nextLocation.pathname,
    message: t('report.unsaved.confirmLeave'),
  })
}

/** Saves the draft in the background every few seconds while the worker types (JavaScript only). */
function useAutosave(form: React.RefObject<HTMLFormElement | null>, reportId: string | null) {
  const fetcher = useFetcher<AutosaveAnswer>()
  const dirty = useRef(false)
  /** Changed since the last save that included every change: what leaving the page would lose. */
  const unsaved = useRef(false)
  const changedWhileSaving = useRef(false)
  const [savedId, setSavedId] = useState(reportId)
  useEffect(() => {
    if (fetcher.data?.autosaved) {
      setSavedId(fetcher.data.autosaved.reportId)
      if (!changedWhileSaving.current) unsaved.current = false
    }
    // A lost connection is tried again on the next tick; an invalid field waits for the worker to change it.
    if (fetcher.data?.autosaveProblem === 'network') dirty.current = true
  }, [fetcher.data])
  useEffect(() => {
    const element = form.current
    if (!element) return
    const markDirty = () => {
      dirty.current = true
      unsaved.current = true
      changedWhileSaving.current = true
    }
    element.addEventListener('input', markDirty)
    const timer = setInterval(() => {
      if (!dirty.current || fetcher.state !== 'idle') return
      const formData = new FormData(element)
      if (!String(formData.get('title') ?? '').trim()) return
      dirty.current = false
      changedWhileSaving.current = false
      formData.set('intent', 'autosave')
      formData.set('reportId', savedId ?? '')
      fetcher.submit(formData, { method: 'post' })
    }, autosaveSeconds * 1000)
    return () => {
      element.removeEventListener('input', markDirty)
      clearInterval(timer)
    }
  }, [form, fetcher, savedId])
  const answer = fetcher.data
  return {
    savedId,
    unsaved,
    savedAt: answer?.autosaved?.at ?? null,
    problem: answer?.autosaveProblem ?? null,
    findings: answer?.autosaveProblem === 'identifying_data' ? (answer.findings ?? []) : [],
    fieldErrors: answer?.autosaveProblem === 'invalid' ? (answer.fieldErrors ?? {}) : {},
  }
}

/** The guard's findings in one field, said right under it, so the worker sees what to remove where it is typed. */
function FieldFindings({ findings, field }: { findings: ShownFinding[]; field: string }) {
  const { t } = useI18n()
  const inField = findings.filter((finding) => finding.field === field)
  if (inField.length === 0) return null
  return (
    <ul className="list-disc pl-6 text-sm font-semibold text-red-800">
      {inField.map((finding, index) => (
        <li key={index}>
          {t('privacy.finding.inField', {
            fragment: finding.fragment,
            kind: t(`report.guard.kind.${finding.kind}` as MessageKey),
          })}
        </li>
      ))}
    </ul>
  )
}

/** Looks up similar reports of the organisation while the title and description are typed (JavaScript only). */
function useSimilarReports(initial: SimilarHit[], reportId: string | null) {
  const fetcher = useFetcher<{ similar: SimilarHit[] }>()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const csrf = useRootData()?.csrfToken ?? ''
  const lookUp = (typed: { title: string; q: string }) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const lookup = { csrf, ...typed, ...(reportId ? { exclude: reportId } : {}) }
      fetcher.submit(lookup, { method: 'post', action: '/reports/similar' })
    }, 600)
  }
  return { similar: fetcher.data?.similar ?? initial, lookUp }
}

export function ReportForm({
  reportId,
  values,
  fieldErrors: pageFieldErrors,
  findings,
  municipalities,
  coAuthorCandidates,
  similar: initialSimilar,
  samePhenomenon,
  previewHtml,
  message,
}: {
  reportId: string | null
  values: FormValues
  fieldErrors: FieldErrors
  findings: ShownFinding[]
  municipalities: { id: string; name: string; name_sv: string | null }[]
  /** The writer's team members who may be named as co-authors. */
  coAuthorCandidates: readonly CoAuthorCandidate[]
  similar: SimilarHit[]
  /** The reports the writer has said theirs is the same phenomenon as. */
  samePhenomenon: SimilarReport[]
  previewHtml: string | null
  message: MessageKey | null
}) {
  const { locale, t } = useI18n()
  const form = useRef<HTMLFormElement>(null)
  const autosave = useAutosave(form, reportId)
  const { savedId, savedAt, unsaved } = autosave
  useUnsavedChangesPrompt(unsaved)
  // A submission answered with errors brings the worker back to the same unsaved text.
  useEffect(() => {
    if (Object.keys(pageFieldErrors).length > 0 || findings.length > 0) unsaved.current = true
  }, [pageFieldErrors, findings, unsaved])
  const fieldErrors = { ...pageFieldErrors, ...autosave.fieldErrors }
  // What the last save refused, whether the worker pressed save or it ran in the background.
  const inlineFindings = autosave.findings.length > 0 ? autosave.findings : findings
  const keepsWhatWasTyped = (event: React.FormEvent<HTMLFormElement>) => {
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value')
    // Saying a similar report is the same phenomenon saves the draft too.
    if (intent === 'save' || intent === 'submit' || /^(same|notSame):/.test(intent ?? '')) unsaved.current = false
  }
  const { similar, lookUp } = useSimilarReports(initialSimilar, savedId)
  const descriptions = listValue(values.actionDescription)
  const levels = listValue(values.actionLevel)
  const actionRows = descriptions.length > 0 ? descriptions : ['']
  const searchText = () => {
    const data = new FormData(form.current!)
    const title = String(data.get('title') ?? '')
    return { title, q: `${title} ${data.get('description') ?? ''}` }
  }
  const fieldLabel = (field: string) => {
    const key = `report.field.${field.split('.')[0]}`
    return isMessageKey(key) ? t(key) : t('error.summary.form')
  }
  const options = (codes: readonly string[], prefix: string) =>
    codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }))

  return (
    <Form method="post" ref={form} className="grid gap-6" noValidate onSubmit={keepsWhatWasTyped}>
      <CsrfInput />
      <input type="hidden" name="reportId" value={savedId ?? ''} />
      {message ? <Alert tone="success">{t(message)}</Alert> : null}
      {findings.length > 0 ? (
        <Suspense fallback={null}>
          <GuardFindings
            id="identifiability-findings"
            findings={findings}
            fieldLabel={fieldLabel}
            focusOn={findings}
            title="report.guard.title"
            help="report.guard.help"
          />
        </Suspense>
      ) : null}
      {/* A submission's errors; those autosave finds while typing are said beside the autosave status instead. */}
      <ErrorSummary
        errors={pageFieldErrors}
        fieldLabel={fieldLabel}
        focusOn={findings.length === 0 && Object.keys(pageFieldErrors).length > 0 ? pageFieldErrors : null}
      />

      <Card title={t('report.section.phenomenon')}>
        <div className="grid gap-4">
          <TextField
            id={fieldAnchor('title')}
            name="title"
            label={t('report.field.title')}
            description={t('report.help.title')}
            defaultValue={textValue(values.title)}
            error={fieldErrors.title}
            onChange={() => lookUp(searchText())}
            maxLength={200}
          />
          <FieldFindings findings={inlineFindings} field="title" />
          <TextArea
            id={fieldAnchor('description')}
            name="description"
            label={t('report.field.description')}
            description={t('report.help.description')}
            defaultValue={textValue(values.description)}
            error={fieldErrors.description}
            onChange={() => lookUp(searchText())}
            rows={8}
          />
          <FieldFindings findings={inlineFindings} field="description" />
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" name="intent" value="preview">
              {t('report.preview.button')}
            </Button>
          </div>
          {previewHtml !== null ? (
            <section
              aria-label={t('report.preview.title')}
              className="rounded-md border border-slate-300 bg-slate-50 p-4"
            >
              <h3 className="mb-2 font-semibold">{t('report.preview.title')}</h3>
              <div className="prose-report" dangerouslySetInnerHTML={{ __html: previewHtml }} />
            </section>
          ) : null}
          <section id="similar-reports" aria-live="polite" className="grid gap-3">
            {similar.length > 0 || samePhenomenon.length > 0 ? (
              <Suspense fallback={null}>
                <SimilarReports hits={similar} marks={samePhenomenon} />
              </Suspense>
            ) : null}
          </section>
          <TextField
            id={fieldAnchor('observedSince')}
            name="observedSince"
            type="month"
            label={t('report.field.observedSince')}
            description={t('report.help.observedSince')}
            defaultValue={textValue(values.observedSince)}
            error={fieldErrors.observedSince}
          />
        </div>
      </Card>

      <Card title={t('report.section.who')}>
        <div className="grid gap-4">
          {whoGroups.map((group) => (
            <CheckboxGroup
              key={group.name}
              firstId={fieldAnchor(group.name)}
              legend={t(`report.field.${group.name}`)}
              name={group.name}
              options={options(group.codes, group.labelPrefix)}
              selected={listValue(values[group.name])}
              error={fieldErrors[group.name]}
            />
          ))}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id={fieldAnchor('clientCount')}
              name="clientCount"
              inputMode="numeric"
              label={t('report.field.clientCount')}
              description={t('report.help.clientCount')}
              defaultValue={textValue(values.clientCount)}
              error={fieldErrors.clientCount}
            />
            <SelectField
              id={fieldAnchor('trend')}
              name="trend"
              label={t('report.field.trend')}
              defaultValue={textValue(values.trend)}
              options={[{ value: '', label: t('report.notChosen') }, ...options(trends, 'trend')]}
            />
          </div>
        </div>
      </Card>

      <Card title={t('report.section.where')}>
        <div className="grid gap-4">
          <SelectField
            id={fieldAnchor('municipalityId')}
            name="municipalityId"
            label={t('report.field.municipality')}
            defaultValue={textValue(values.municipalityId)}
            options={[
              { value: '', label: t('reports.wholeArea') },
              ...municipalities.map((municipality) => ({
                value: municipality.id,
                label: displayName(locale, municipality.name, municipality.name_sv),
              })),
            ]}
          />
          <CheckboxGroup
            firstId={fieldAnchor('sectors')}
            legend={t('report.field.sectors')}
            name="sectors"
            options={options(sectors, 'sector')}
            selected={listValue(values.sectors)}
          />
          <TextArea
            id={fieldAnchor('causes')}
            name="causes"
            label={t('report.field.causes')}
            defaultValue={textValue(values.causes)}
            error={fieldErrors.causes}
            rows={3}
          />
          <FieldFindings findings={inlineFindings} field="causes" />
          <TextArea
            id={fieldAnchor('consequences')}
            name="consequences"
            label={t('report.field.consequences')}
            defaultValue={textValue(values.consequences)}
            error={fieldErrors.consequences}
            rows={3}
          />
          <FieldFindings findings={inlineFindings} field="consequences" />
        </div>
      </Card>

      <Card title={t('report.section.actions')}>
        <p className="mb-4 text-slate-700">{t('report.help.actions')}</p>
        {fieldErrors.actions ? <p className="mb-2 font-semibold text-red-800">{t(fieldErrors.actions)}</p> : null}
        <ol className="grid gap-4">
          {actionRows.map((description, index) => (
            <li key={`${index}-${actionRows.length}`} className="grid gap-2 rounded-md border border-slate-200 p-4">
              <TextArea
                id={index === 0 ? fieldAnchor('actions') : undefined}
                name="actionDescription"
                label={t('report.field.action', { number: index + 1 })}
                defaultValue={description}
                rows={2}
              />
              <FieldFindings findings={inlineFindings} field={`actions.${index}`} />
              <SelectField
                name="actionLevel"
                label={t('report.field.actionLevel', { number: index + 1 })}
                defaultValue={levels[index] ?? 'team'}
                options={options(actionLevels, 'actionLevel')}
              />
              {actionRows.length > 1 ? (
                <div>
                  <Button variant="danger" name="intent" value={`removeAction:${index}`}>
                    {t('report.action.remove', { number: index + 1 })}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        <div className="mt-4">
          <Button variant="secondary" name="intent" value="addAction">
            {t('report.action.add')}
          </Button>
        </div>
      </Card>

      <TeamReportFields values={values} fieldErrors={fieldErrors} candidates={coAuthorCandidates} />

      <Card title={t('report.section.confirm')}>
        <div className="grid gap-2">
          <Checkbox
            id={fieldAnchor('clientsParticipated')}
            name="clientsParticipated"
            label={t('report.field.clientsParticipated')}
            defaultChecked={isChecked(values.clientsParticipated)}
          />
          <Checkbox
            id={fieldAnchor('positive')}
            name="positive"
            label={t('report.field.positive')}
            defaultChecked={isChecked(values.positive)}
          />
          <Checkbox
            id={fieldAnchor('noIdentifyingDataConfirmed')}
            name="noIdentifyingDataConfirmed"
            label={t('report.field.noIdentifyingDataConfirmed')}
            defaultChecked={isChecked(values.noIdentifyingDataConfirmed)}
          />
          {fieldErrors.noIdentifyingDataConfirmed ? (
            <p className="font-semibold text-red-800">{t(fieldErrors.noIdentifyingDataConfirmed)}</p>
          ) : null}
        </div>
      </Card>

      <div className="flex flex-wrap items-center gap-3">
        <Button name="intent" value="submit">
          {t('report.submit')}
        </Button>
        <Button variant="secondary" name="intent" value="save">
          {t('report.saveDraft')}
        </Button>
        <p role="status" className="text-slate-700">
          {/* While a save fails, "saves automatically" would not be true; the problem below says what is. */}
          {savedAt
            ? t('report.autosaved', { time: formatDateTime(locale, savedAt) })
            : autosave.problem
              ? null
              : t('report.autosaveHelp')}
        </p>
        {autosave.problem ? (
          <p role="alert" className="basis-full font-semibold text-red-800">
            {t(autosaveProblemMessages[autosave.problem])}
          </p>
        ) : null}
      </div>
    </Form>
  )
}
