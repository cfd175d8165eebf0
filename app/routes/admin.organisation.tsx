import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { type ReactNode } from 'react'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { PasswordLoginSetting } from '#app/components/password-login-setting.tsx'
import { SwitchSetting } from '#app/components/switch-setting.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { TextArea, TextField } from '#app/components/ui/field.tsx'
import { AuditRetentionSchema, auditRetentionRange } from '#app/domain/audit.ts'
import { FeedbackLimitSchema, feedbackLimitRange } from '#app/domain/feedback-times.ts'
import { SmallCountThresholdSchema, smallCountThresholdRange } from '#app/domain/statistics.ts'
import { getContributorsEnabled } from '#app/models/contribution.server.ts'
import { listOrganisationStructure, type NamedUnit } from '#app/models/organisation.server.ts'
import { getPasswordLogin } from '#app/models/single-sign-on.server.ts'
import { getSmallCountThreshold } from '#app/models/statistics.server.ts'
import { changeContributorsEnabled } from '#app/services/contributions.server.ts'
import { changeOrganisation } from '#app/services/organisation.server.ts'
import { setOrganisationPasswordLogin } from '#app/services/single-sign-on.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { publicReportsEnabled } from '#app/models/compiled-report.server.ts'
import { changePublicSocialReports } from '#app/services/compiled-reports.server.ts'
import { type FieldErrors, formValues, parseForm } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const name = z.string().trim().min(1, 'validation.nameRequired').max(200, 'validation.tooLong')
/** Optional: an empty field means the place or body has no Swedish form and shows its name in Swedish too. */
const nameSv = z
  .string()
  .trim()
  .max(200, 'validation.tooLong')
  .optional()
  .transform((text) => text || null)
const unit = z.enum(['municipalities', 'teams', 'committees'])

const OrganisationActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('renameOrganisation'), name, nameSv }),
  z.object({ intent: z.literal('feedbackLimit'), days: FeedbackLimitSchema }),
  z.object({ intent: z.literal('smallCountThreshold'), threshold: SmallCountThresholdSchema }),
  z.object({ intent: z.literal('auditRetention'), years: AuditRetentionSchema }),
  z.object({ intent: z.literal('create'), unit, name, nameSv }),
  z.object({ intent: z.literal('passwordLogin'), allowed: z.literal('on').optional() }),
  z.object({ intent: z.literal('contributorsEnabled'), allowed: z.literal('on').optional() }),
  z.object({ intent: z.literal('publicSocialReports'), allowed: z.literal('on').optional() }),
  z.object({ intent: z.literal('rename'), unit, id: z.uuid(), name, nameSv }),
  z.object({
    intent: z.literal('identifyingNames'),
    names: z
      .string()
      .max(20_000, 'validation.tooLong')
      .transform((text) => [
        ...new Set(
          text
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        ),
      ]),
  }),
])

interface ActionResult {
  ok: boolean
  /** Which form on the page the result belongs to, so its message and typed text appear in the right place. */
  formId: string
  fieldErrors: FieldErrors
  values: Record<string, string | string[]>
  message: MessageKey | null
}

function formIdOf(formData: FormData): string {
  return [formData.get('intent'), formData.get('unit'), formData.get('id')].filter(Boolean).join(':')
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const [structure, smallCountThreshold, contributorsEnabled, publicSocialReports] = await Promise.all([
    listOrganisationStructure(getDb(), admin.organisation.id),
    getSmallCountThreshold(getDb(), admin.organisation.id),
    getContributorsEnabled(getDb(), admin.organisation.id),
    publicReportsEnabled(getDb(), admin.organisation.id),
  ])
  return {
    ...structure,
    smallCountThreshold,
    contributorsEnabled,
    publicSocialReports,
    // Password sign-in can be turned off only where single sign-on is set up.
    passwordLogin: getEnv().oidc ? await getPasswordLogin(getDb(), admin.organisation.id) : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readProtectedForm(request)
  const formId = formIdOf(formData)
  const parsed = parseForm(OrganisationActionSchema, formData)
  if (!parsed.ok) return data<ActionResult>({ ...parsed, formId, message: null }, { status: 400 })
  if (parsed.data.intent === 'passwordLogin') {
    const outcome = await setOrganisationPasswordLogin(admin, parsed.data.allowed === 'on')
    if (!outcome.ok && outcome.reason !== 'no_linked_identity') throwRefusal(outcome)
    const message = outcome.ok ? 'settings.saved' : 'sso.admin.needsIdentity'
    const answer: ActionResult = { ok: outcome.ok, formId, fieldErrors: {}, values: {}, message }
    return data(answer, { status: outcome.ok ? 200 : 409 })
  }
  if (parsed.data.intent === 'publicSocialReports') {
    const outcome = await changePublicSocialReports(admin, parsed.data.allowed === 'on')
    if (!outcome.ok) throwRefusal(outcome)
    return data<ActionResult>({ ok: true, formId, fieldErrors: {}, values: {}, message: 'settings.saved' })
  }
  if (parsed.data.intent === 'contributorsEnabled') {
    const outcome = await changeContributorsEnabled(admin, parsed.data.allowed === 'on')
    if (!outcome.ok) throwRefusal(outcome)
    return data<ActionResult>({ ok: true, formId, fieldErrors: {}, values: {}, message: 'settings.saved' })
  }
  const result = await changeOrganisation(admin, parsed.data)
  if (result.ok) return data<ActionResult>({ ok: true, formId, fieldErrors: {}, values: {}, message: 'settings.saved' })
  if (result.reason !== 'invalid') throwRefusal(result)
  const { fieldErrors } = result
  return data<ActionResult>(
    { ok: false, formId, fieldErrors, values: formValues(formData), message: null },
    { status: 400 },
  )
}

/** The last result if it came from this form, so its message and typed text appear beside it. */
function useResultOf(formId: string) {
  const result = useActionData<typeof action>()
  return result?.formId === formId ? result : undefined
}

function SavedMessage({ message, className }: { message: MessageKey | null | undefined; className: string }) {
  const { t } = useI18n()
  return message ? (
    <p role="status" className={className}>
      {t(message)}
    </p>
  ) : null
}

/** A name and its optional Swedish form, saved together. */
function NameForm({
  formId,
  hidden,
  label,
  swedishLabel,
  defaultName,
  submitLabel,
}: {
  formId: string
  hidden: Record<string, string>
  label: string
  swedishLabel: string
  defaultName: { name: string; name_sv: string | null }
  submitLabel: string
}) {
  const mine = useResultOf(formId)
  const typed = (field: 'name' | 'nameSv') =>
    mine && !mine.ok && typeof mine.values[field] === 'string' ? (mine.values[field] as string) : undefined
  const key = mine?.ok ? `saved-${defaultName.name}-${defaultName.name_sv}` : 'editing'
  return (
    <Form method="post" className="flex flex-wrap items-end gap-2">
      <CsrfInput />
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div className="min-w-56 flex-1">
        <TextField
          key={key}
          name="name"
          label={label}
          defaultValue={typed('name') ?? defaultName.name}
          error={mine?.fieldErrors.name}
        />
      </div>
      <div className="min-w-56 flex-1">
        <TextField
          key={key}
          name="nameSv"
          lang="sv"
          label={swedishLabel}
          defaultValue={typed('nameSv') ?? defaultName.name_sv ?? ''}
          error={mine?.fieldErrors.nameSv}
        />
      </div>
      <Button variant="secondary">{submitLabel}</Button>
      <SavedMessage message={mine?.message} className="w-full text-green-900" />
    </Form>
  )
}

type SettingIntent = 'identifyingNames' | 'feedbackLimit' | 'smallCountThreshold' | 'auditRetention'

/** A card with the form of one organisation setting: its field, a save button and the saved message. */
function SettingCard({
  intent,
  title,
  noValidate,
  children,
}: {
  intent: SettingIntent
  title: string
  noValidate?: boolean
  children: ReactNode
}) {
  const mine = useResultOf(intent)
  const { t } = useI18n()
  return (
    <Card title={title}>
      <Form method="post" noValidate={noValidate} className="grid gap-3">
        <CsrfInput />
        <input type="hidden" name="intent" value={intent} />
        {children}
        <div>
          <Button variant="secondary">{t('common.save')}</Button>
        </div>
        <SavedMessage message={mine?.message} className="text-green-900" />
      </Form>
    </Card>
  )
}

function IdentifyingNamesForm({ names }: { names: string[] }) {
  const mine = useResultOf('identifyingNames')
  const { t } = useI18n()
  return (
    <SettingCard intent="identifyingNames" title={t('admin.organisation.identifyingNames')}>
      <TextArea
        name="names"
        label={t('admin.organisation.identifyingNames.label')}
        description={t('admin.organisation.identifyingNames.help')}
        defaultValue={typeof mine?.values.names === 'string' ? mine.values.names : names.join('\n')}
        error={mine?.fieldErrors.names}
        rows={6}
      />
    </SettingCard>
  )
}

/** One whole-number organisation setting; the intent names both the form and its single field. */
function NumberSettingForm({
  intent,
  field,
  value,
  range,
  title,
  label,
  help,
}: {
  intent: Exclude<SettingIntent, 'identifyingNames'>
  field: 'days' | 'threshold' | 'years'
  value: number
  range: { min: number; max: number }
  title: MessageKey
  label: MessageKey
  help: MessageKey
}) {
  const mine = useResultOf(intent)
  const { t } = useI18n()
  const typed = mine && !mine.ok && typeof mine.values[field] === 'string' ? mine.values[field] : undefined
  return (
    // The server's message names the allowed range in the user's language; the browser's own would not.
    <SettingCard intent={intent} title={t(title)} noValidate>
      <TextField
        key={mine?.ok ? `saved-${value}` : 'editing'}
        name={field}
        type="number"
        inputMode="numeric"
        min={range.min}
        max={range.max}
        step={1}
        label={t(label)}
        description={t(help)}
        defaultValue={typed ?? String(value)}
        error={mine?.fieldErrors[field]}
      />
    </SettingCard>
  )
}

function UnitSection({
  unit,
  items,
}: {
  unit: NamedUnit
  items: { id: string; name: string; name_sv: string | null }[]
}) {
  const { t } = useI18n()
  return (
    <Card title={t(`admin.organisation.${unit}`)}>
      <ul className="grid gap-4">
        {items.map((item) => (
          <li key={item.id}>
            <NameForm
              formId={`rename:${unit}:${item.id}`}
              hidden={{ intent: 'rename', unit, id: item.id }}
              label={t('admin.organisation.nameOf', { name: item.name })}
              swedishLabel={t('names.swedishNameOf', { name: item.name })}
              defaultName={item}
              submitLabel={t('admin.organisation.rename')}
            />
          </li>
        ))}
      </ul>
      <div className="mt-6 border-t border-slate-200 pt-4">
        <NameForm
          formId={`create:${unit}`}
          hidden={{ intent: 'create', unit }}
          label={t(`admin.organisation.new.${unit}`)}
          swedishLabel={t('names.swedishName')}
          defaultName={{ name: '', name_sv: null }}
          submitLabel={t('admin.organisation.add')}
        />
      </div>
    </Card>
  )
}

export default function AdminOrganisationPage() {
  const {
    organisation,
    municipalities,
    teams,
    committees,
    smallCountThreshold,
    passwordLogin,
    contributorsEnabled,
    publicSocialReports,
  } = useLoaderData<typeof loader>()
  const passwordLoginResult = useResultOf('passwordLogin')
  const contributorsResult = useResultOf('contributorsEnabled')
  const publicReportsResult = useResultOf('publicSocialReports')
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.organisation.title')}>{t('admin.organisation.intro')}</PageHeading>
      <div className="grid gap-6">
        <Card title={t('admin.organisation.name')}>
          <NameForm
            formId="renameOrganisation"
            hidden={{ intent: 'renameOrganisation' }}
            label={t('common.name')}
            swedishLabel={t('names.swedishName')}
            defaultName={organisation}
            submitLabel={t('common.save')}
          />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <UnitSection unit="municipalities" items={municipalities} />
          <UnitSection unit="teams" items={teams} />
          <UnitSection unit="committees" items={committees} />
          <IdentifyingNamesForm names={organisation.identifying_names} />
          <NumberSettingForm
            intent="feedbackLimit"
            field="days"
            value={organisation.feedback_limit_days}
            range={feedbackLimitRange}
            title="admin.organisation.feedbackLimit"
            label="admin.organisation.feedbackLimit.label"
            help="admin.organisation.feedbackLimit.help"
          />
          <NumberSettingForm
            intent="smallCountThreshold"
            field="threshold"
            value={smallCountThreshold}
            range={smallCountThresholdRange}
            title="admin.organisation.smallCounts"
            label="admin.organisation.smallCounts.label"
            help="admin.organisation.smallCounts.help"
          />
          <NumberSettingForm
            intent="auditRetention"
            field="years"
            value={organisation.audit_retention_years}
            range={auditRetentionRange}
            title="audit.retention.title"
            label="audit.retention.label"
            help="audit.retention.help"
          />
          {passwordLogin === null ? null : (
            <PasswordLoginSetting allowed={passwordLogin} result={passwordLoginResult} />
          )}
          <SwitchSetting
            intent="contributorsEnabled"
            title="contributors.admin.title"
            label="contributors.admin.enabled"
            help="contributors.admin.help"
            on={contributorsEnabled}
            result={contributorsResult}
          />
          <SwitchSetting
            intent="publicSocialReports"
            title="compiled.admin.title"
            label="compiled.admin.enabled"
            help="compiled.admin.help"
            on={publicSocialReports}
            result={publicReportsResult}
          />
        </div>
      </div>
    </>
  )
}
