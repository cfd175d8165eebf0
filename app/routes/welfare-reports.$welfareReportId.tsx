import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  CandidatePager,
  CandidateSearchFields,
  CandidateSearchForm,
  type PickerSearch,
} from '#app/components/candidate-search.tsx'
import { ConfirmButton, ConfirmationView } from '#app/components/confirm.tsx'
import { IntentForm } from '#app/components/intent-form.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { useFocusAfterMove } from '#app/components/use-focus-after-move.ts'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import {
  ButtonForm,
  FormMessage,
  SectionFields,
  SectionKindField,
  WelfareReportFields,
} from '#app/components/welfare-forms.tsx'
import { formatPeriod, WelfareReportView } from '#app/components/welfare-report-view.tsx'
import { readCandidateSearch } from '#app/domain/candidate-search.ts'
import { EditVersionSchema } from '#app/domain/edit-version.ts'
import { followUpPath } from '#app/domain/report-events.ts'
import { welfareContributionLine, type WelfareSection } from '#app/domain/welfare-report.ts'
import {
  welfareReportEditorRoles,
  WelfareReportFormSchema,
  WelfareSectionFormSchema,
} from '#app/domain/welfare-report-form.ts'
import { recordRead } from '#app/services/audit.server.ts'
import {
  addSection,
  deleteSection,
  getWelfareReportPage,
  includeInSection,
  moveSection,
  removeFromSection,
  restoreSection,
  updateSection,
  updateWelfareReport,
  type WelfareActor,
} from '#app/services/welfare-reports.server.ts'
import { requireRole, requireUser } from '#app/utils/auth.server.ts'
import { type ConfirmationText, isConfirmed } from '#app/utils/confirmation.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { type FieldErrors, parseForm } from '#app/utils/forms.ts'
import { readSearchParams, requireUuid } from '#app/utils/params.server.ts'
import { type PageFormResult, type RefusalAnswer, resultFor } from '#app/utils/page-result.ts'
import { type FormReplies, type FormReply, formReplies } from '#app/utils/page-result.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { renderWelfareHtml } from '#app/utils/welfare-export.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const candidateSearch = readCandidateSearch(readSearchParams(request))
  const page = await getWelfareReportPage(user, requireUuid(params.welfareReportId), candidateSearch)
  if (!page) throw data({ code: 'not_found' }, { status: 404 })
  await recordRead(user, request, {
    action: 'welfare_report.read',
    target: { type: 'welfare_report', id: page.document.id },
  })
  return { ...page, candidateSearch, html: renderWelfareHtml(page.document) }
}

const sectionId = z.uuid({ error: 'validation.invalid' })
const ids = z.array(z.uuid({ error: 'validation.invalid' })).default([])

const SectionRefSchema = z.object({ sectionId })
const MoveSchema = z.object({ sectionId, direction: z.enum(['up', 'down'], { error: 'validation.invalid' }) })
const ChoiceSchema = z
  .object({ sectionId, phenomenonIds: ids, reportIds: ids })
  .refine((choice) => choice.phenomenonIds.length + choice.reportIds.length > 0, {
    path: ['phenomenonIds'],
    message: 'welfare.include.nothingChosen',
  })
const UpdateSectionSchema = WelfareSectionFormSchema.extend({ sectionId, version: EditVersionSchema })
const RestoreSectionSchema = WelfareSectionFormSchema.extend({
  position: z.coerce.number({ error: 'validation.invalid' }).int().min(1),
})

/** Deleting a section cannot be undone, so it asks first, naming the section. */
const deleteSectionConfirmation = (title: string): ConfirmationText => ({
  message: 'welfare.section.deleteConfirm',
  params: { title },
  yes: 'welfare.section.deleteYes',
})

/**
 * What the page needs to put a deleted section back, read before deleting: its texts and its place. Only a section
 * that held nothing but its texts is offered back, since links put back would not be the links it had.
 */
async function undoOfDeleting(user: Submission['user'], welfareReportId: string, sectionId: string) {
  const shown = await getWelfareReportPage(user, welfareReportId)
  const sections = shown?.document.sections ?? []
  const index = sections.findIndex((candidate) => candidate.id === sectionId)
  const section = sections[index]
  if (!section || section.phenomena.length > 0 || section.reports.length > 0) return null
  const fields: [string, string][] = [
    ['kind', section.kind],
    ['title', section.title],
    ['category', section.category ?? ''],
    ['body', section.body],
    ['position', String(index + 1)],
  ]
  return { intent: 'restoreSection', fields }
}

/** Which form on the page sent the request: the intent, and the section for a section's own forms. */
function formIdOf(intent: string, formData: FormData): string {
  const section = formData.get('sectionId')
  return typeof section === 'string' && section ? `${intent}:${section}` : intent
}

/** The welfare refusals the page answers in its own words. */
const refusals: Record<string, RefusalAnswer> = {
  in_use: { status: 409, message: 'welfare.section.inUse' },
  not_includable: { status: 400, message: 'welfare.include.notIncludable' },
}
const choiceArrays = ['phenomenonIds', 'reportIds']

interface Submission {
  /** The signed-in editor: an actor for the use cases and a viewer for the reads that ask first. */
  user: WelfareActor & Awaited<ReturnType<typeof requireRole>>
  welfareReportId: string
  formData: FormData
  page: FormReplies
}
const nothingChosen = (page: FormReplies, fieldErrors: FieldErrors) =>
  page.reply(400, { fieldErrors, message: 'welfare.include.nothingChosen' })

/** Each form of the page: read its fields, call its one use case, answer through the page result. */
const intents: Record<string, (submission: Submission) => Promise<FormReply>> = {
  async updateReport({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(WelfareReportFormSchema, formData)
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, ['title', 'introduction'])
    return page.answer(await updateWelfareReport(user, { ...parsed.data, welfareReportId }), 'welfare.saved')
  },
  async addSection({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(WelfareSectionFormSchema, formData)
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, ['title', 'body'])
    const added = await addSection(user, { ...parsed.data, welfareReportId })
    return page.answer(added, 'welfare.section.added', added.ok ? { addedId: added.sectionId } : {})
  },
  async updateSection({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(UpdateSectionSchema, formData)
    if (!parsed.ok && parsed.fieldErrors.version) return page.staleForm()
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, ['title', 'body'])
    return page.answer(await updateSection(user, { ...parsed.data, welfareReportId }), 'welfare.saved')
  },
  async moveSection({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(MoveSchema, formData)
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    return page.answer(await moveSection(user, { ...parsed.data, welfareReportId }), 'welfare.section.moved')
  },
  async deleteSection({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(SectionRefSchema, formData)
    if (!parsed.ok) return page.invalid(parsed.fieldErrors)
    if (!isConfirmed(formData)) {
      const shown = await getWelfareReportPage(user, welfareReportId)
      const section = shown?.document.sections.find((candidate) => candidate.id === parsed.data.sectionId)
      if (!section) throw data({ code: 'not_found' }, { status: 404 })
      return page.confirm(deleteSectionConfirmation(section.title))
    }
    const undo = await undoOfDeleting(user, welfareReportId, parsed.data.sectionId)
    const deleted = await deleteSection(user, { ...parsed.data, welfareReportId })
    return page.answer(deleted, 'welfare.section.deleted', undo ? { undo } : {})
  },
  async restoreSection({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(RestoreSectionSchema, formData)
    if (!parsed.ok) return page.invalidTexts(parsed.fieldErrors, ['title', 'body'])
    return page.answer(await restoreSection(user, { ...parsed.data, welfareReportId }), 'welfare.section.restored')
  },
  async include({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(ChoiceSchema, formData, choiceArrays)
    if (!parsed.ok) return nothingChosen(page, parsed.fieldErrors)
    const outcome = await includeInSection(user, { ...parsed.data, welfareReportId })
    if (!outcome.ok)
      return page.refused(outcome, { ...refusals, stale: { status: 409, message: 'welfare.include.conflict' } })
    const message = outcome.skipped.length > 0 ? 'welfare.include.doneWithSkipped' : 'welfare.include.done'
    return page.done(message, { reports: outcome.skipped })
  },
  async remove({ user, welfareReportId, formData, page }) {
    const parsed = parseForm(ChoiceSchema, formData, choiceArrays)
    if (!parsed.ok) return nothingChosen(page, parsed.fieldErrors)
    return page.answer(await removeFromSection(user, { ...parsed.data, welfareReportId }), 'welfare.remove.done')
  },
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, welfareReportEditorRoles)
  const welfareReportId = requireUuid(params.welfareReportId)
  const formData = await readProtectedForm(request)
  const intent = String(formData.get('intent'))
  const formId = formIdOf(intent, formData)
  const guardField = 'welfare.guard.field'
  const page = formReplies({ organisationId: user.organisation.id, formData, formId, guardField, refusals })
  const handle = Object.hasOwn(intents, intent) ? intents[intent] : undefined
  if (!handle) return page.invalid({ intent: 'validation.invalid' })
  return handle({ user, welfareReportId, formData, page })
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type Candidates = NonNullable<LoaderData['candidates']>

function SectionEditor({
  section,
  index,
  count,
  candidates,
}: {
  section: WelfareSection
  index: number
  count: number
  candidates: Candidates
}) {
  const { t } = useI18n()
  const result = useActionData<typeof action>()
  const editResult = resultFor(result, `updateSection:${section.id}`)
  const includeResult = resultFor(result, `include:${section.id}`)
  const removeResult = resultFor(result, `remove:${section.id}`)
  const otherResult = resultFor(result, `moveSection:${section.id}`) ?? resultFor(result, `deleteSection:${section.id}`)
  const includedPhenomena = new Set(section.phenomena.map((phenomenon) => phenomenon.id))
  const includedReports = new Set(section.reports.map((report) => report.id))
  const phenomenaToAdd = candidates.phenomena.filter((phenomenon) => !includedPhenomena.has(phenomenon.id))
  const reportsToAdd = candidates.reports.filter((report) => !includedReports.has(report.id))
  const { candidateSearch } = useLoaderData<typeof loader>()
  const { containerProps } = useFocusAfterMove(result?.formId === `moveSection:${section.id}` && result.ok, index)
  return (
    <div className="mt-6 grid gap-4 rounded-lg border-2 border-dashed border-slate-400 bg-slate-100 p-4">
      <h3 className="text-lg font-bold text-brand-900">{t('welfare.edit.sectionTools', { title: section.title })}</h3>
      <FormMessage result={otherResult} />
      <div {...containerProps} className="flex flex-wrap gap-2">
        {index > 0 ? (
          <ButtonForm hidden={{ intent: 'moveSection', sectionId: section.id, direction: 'up' }}>
            {t('welfare.section.moveUp')}
          </ButtonForm>
        ) : null}
        {index < count - 1 ? (
          <ButtonForm hidden={{ intent: 'moveSection', sectionId: section.id, direction: 'down' }}>
            {t('welfare.section.moveDown')}
          </ButtonForm>
        ) : null}
        <Form method="post" preventScrollReset>
          <CsrfInput />
          <input type="hidden" name="intent" value="deleteSection" />
          <input type="hidden" name="sectionId" value={section.id} />
          <ConfirmButton text={deleteSectionConfirmation(section.title)}>{t('welfare.section.delete')}</ConfirmButton>
        </Form>
      </div>
      <details open={Boolean(editResult && !editResult.ok)} className="rounded-md bg-white p-3">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t('welfare.section.edit')}</summary>
        <Form method="post" noValidate preventScrollReset className="mt-3 grid gap-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="updateSection" />
          <input type="hidden" name="sectionId" value={section.id} />
          <input type="hidden" name="version" value={section.version} />
          <FormMessage result={editResult} />
          <SectionFields
            result={editResult}
            defaults={{ title: section.title, category: section.category ?? '', body: section.body }}
          />
          <div>
            <Button>{t('common.save')}</Button>
          </div>
        </Form>
      </details>
      <SectionChoiceForm
        intent="include"
        sectionId={section.id}
        result={includeResult}
        picker={{
          id: section.id,
          name: t('welfare.edit.sectionTools', { title: section.title }),
          search: candidateSearch,
          hasNext: candidates.hasNext,
        }}
        phenomena={{
          empty: t('welfare.include.noPhenomena'),
          options: phenomenaToAdd.map((phenomenon) => ({
            value: phenomenon.id,
            label: t('welfare.include.phenomenonOption', {
              title: phenomenon.title,
              count: phenomenon.includableReports,
            }),
          })),
        }}
        reports={{
          empty: t('welfare.include.noReports'),
          options: reportsToAdd.map((report) => ({
            value: report.id,
            label: `${report.title} (${t(`status.${report.status}`)})`,
          })),
        }}
      />
      {section.phenomena.length + section.reports.length > 0 ? (
        <SectionChoiceForm
          intent="remove"
          sectionId={section.id}
          result={removeResult}
          phenomena={{
            empty: t('welfare.remove.noPhenomena'),
            options: section.phenomena.map((phenomenon) => ({ value: phenomenon.id, label: phenomenon.title })),
          }}
          reports={{
            empty: t('welfare.remove.noReports'),
            options: section.reports.map((report) => ({ value: report.id, label: report.title })),
          }}
        />
      ) : null}
    </div>
  )
}

interface Choices {
  options: { value: string; label: string }[]
  empty: string
}

/** Choosing phenomena and reports to take into a section, or out of it: the same form, in its own words. */
function SectionChoiceForm({
  intent,
  sectionId,
  result,
  phenomena,
  reports,
  picker,
}: {
  intent: 'include' | 'remove'
  sectionId: string
  result: PageFormResult | undefined
  phenomena: Choices
  reports: Choices
  /** Taking in searches and pages the candidates; taking out lists the section's own, which are few. */
  picker?: PickerSearch
}) {
  const { t } = useI18n()
  return (
    <details
      open={Boolean(result) || (picker !== undefined && picker.search.for === picker.id)}
      className="rounded-md bg-white p-3"
    >
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t(`welfare.${intent}.title`)}</summary>
      <Form method="post" preventScrollReset className="mt-3 grid gap-4">
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="sectionId" value={sectionId} />
        <p className="text-sm text-slate-700">{t(`welfare.${intent}.help`)}</p>
        <FormMessage result={result} />
        {picker ? (
          <CandidateSearchFields
            pickerId={picker.id}
            name={picker.name}
            search={picker.search}
            nothingFound={phenomena.options.length + reports.options.length === 0}
          />
        ) : null}
        <ChoiceList legend={t('welfare.include.phenomena')} name="phenomenonIds" {...phenomena} />
        <ChoiceList legend={t('welfare.include.reports')} name="reportIds" {...reports} />
        {picker ? (
          <CandidatePager pickerId={picker.id} name={picker.name} search={picker.search} hasNext={picker.hasNext} />
        ) : null}
        <div>
          <Button variant={intent === 'remove' ? 'danger' : undefined}>{t(`welfare.${intent}.submit`)}</Button>
        </div>
      </Form>
      {picker ? <CandidateSearchForm pickerId={picker.id} /> : null}
    </details>
  )
}

function ChoiceList({
  legend,
  name,
  options,
  empty,
}: {
  legend: string
  name: string
  options: { value: string; label: string }[]
  empty: string
}) {
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <div className="mt-1 grid max-h-80 gap-1 overflow-y-auto">
          {options.map((option) => (
            <label key={option.value} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name={name} value={option.value} className="size-5 shrink-0 accent-brand-700" />
              {option.label}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}

function ReportSettings({ document }: { document: LoaderData['document'] }) {
  const { t } = useI18n()
  const result = resultFor(useActionData<typeof action>(), 'updateReport')
  return (
    <details open={Boolean(result && !result.ok)} className="rounded-lg border border-slate-300 bg-white p-4">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t('welfare.edit.report')}</summary>
      <Form method="post" noValidate preventScrollReset className="mt-3 grid gap-4">
        <CsrfInput />
        <input type="hidden" name="intent" value="updateReport" />
        <FormMessage result={result} />
        <WelfareReportFields result={result} defaults={document} withIntroduction />
        <div>
          <Button>{t('common.save')}</Button>
        </div>
      </Form>
    </details>
  )
}

function AddSection() {
  const { t } = useI18n()
  const result = resultFor(useActionData<typeof action>(), 'addSection')
  return (
    <Card title={t('welfare.section.add')}>
      {/* A fresh form after each added section; a failed one keeps everything typed. */}
      <Form
        key={result?.addedId ? `added-${result.addedId}` : 'editing'}
        method="post"
        noValidate
        className="grid gap-4"
      >
        <CsrfInput />
        <input type="hidden" name="intent" value="addSection" />
        <FormMessage result={result} />
        <SectionKindField result={result} />
        <SectionFields result={result} defaults={{ title: '', category: '', body: '' }} />
        <div>
          <Button>{t('welfare.section.add')}</Button>
        </div>
      </Form>
    </Card>
  )
}

/** The answers whose form is gone or not yet shown: the question before deleting, and the section deleted. */
function PageMessage() {
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  if (result?.confirmation) {
    return (
      <div className="mb-6">
        <ConfirmationView confirmation={result.confirmation} />
      </div>
    )
  }
  if (result?.ok && result.formId.startsWith('deleteSection:') && result.message) {
    return (
      <div className="mb-6">
        <Alert tone="success">
          {result.undo ? (
            <IntentForm intent={result.undo.intent} className="flex flex-wrap items-center gap-3">
              {result.undo.fields.map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <span>{t(result.message)}</span>
              <Button variant="secondary">{t('welfare.section.undo')}</Button>
            </IntentForm>
          ) : (
            t(result.message)
          )}
        </Alert>
      </div>
    )
  }
  if (result?.formId === 'restoreSection') {
    return (
      <div className="mb-6">
        <FormMessage result={result} />
      </div>
    )
  }
  return null
}

export default function WelfareReportPage() {
  const { document, html, readableReportIds, readableFollowUpIds, canEdit, candidates } = useLoaderData<typeof loader>()
  const { locale, t } = useI18n()
  const readable = new Set(readableReportIds)
  const readableFollowUps = new Set(readableFollowUpIds)
  const base = `/welfare-reports/${document.id}`
  return (
    <>
      <p className="mb-2">
        <Link to="/welfare-reports">{t('welfare.back')}</Link>
      </p>
      <PageHeading title={document.title}>
        {welfareContributionLine(t, locale, document)} · {formatPeriod(locale, document)}
      </PageHeading>
      <nav aria-label={t('welfare.export.title')} className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2">
        <span className="font-semibold">{t('welfare.export.title')}:</span>
        <a href={`${base}/export.html`}>{t('welfare.export.html')}</a>
        <a href={`${base}/export.md`} download>
          {t('welfare.export.md')}
        </a>
        <a href={`${base}/export.csv`} download>
          {t('welfare.export.csv')}
        </a>
        <a href={`${base}/export.csv?layout=data`} download>
          {t('welfare.export.csvData')}
        </a>
      </nav>
      <PageMessage />
      {canEdit ? (
        <div className="mb-8">
          <ReportSettings document={document} />
        </div>
      ) : null}
      <WelfareReportView
        document={document}
        html={html}
        locale={locale}
        t={t}
        reportHref={(id) => (readable.has(id) ? `/reports/${id}` : null)}
        followUpHref={(id) => (readableFollowUps.has(id) ? followUpPath(id) : null)}
        sectionExtras={
          canEdit && candidates
            ? (section, index) => (
                <SectionEditor
                  section={section}
                  index={index}
                  count={document.sections.length}
                  candidates={candidates}
                />
              )
            : undefined
        }
      />
      {document.sections.length === 0 ? <p className="mt-6">{t('welfare.section.none')}</p> : null}
      {canEdit ? (
        <div className="mt-8 max-w-3xl">
          <AddSection />
        </div>
      ) : null}
    </>
  )
}
