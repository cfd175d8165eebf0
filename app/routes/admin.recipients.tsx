import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { IntentForm } from '#app/components/intent-form.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Alert } from '#app/components/ui/alert.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { SelectField, TextField } from '#app/components/ui/field.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { displayName } from '#app/domain/display-name.ts'
import { hasMembers, managedRecipientKinds, RecipientInputSchema, recipientKinds } from '#app/domain/recipients.ts'
import {
  archiveRecipient,
  changeRecipientMember,
  listRecipientsForAdmin,
  saveRecipient,
} from '#app/services/recipients.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { parseForm, typedValueOf } from '#app/utils/forms.ts'
import { type Locale, type MessageKey } from '#app/utils/i18n.ts'
import { failureFor, pageReplies, resultFor } from '#app/utils/page-result.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const localeNames: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' }

const RecipientIdSchema = z.object({ recipientId: z.uuid() })
const MemberSchema = RecipientIdSchema.extend({ userId: z.uuid('admin.recipients.member.choose') })

type Intent = 'create' | 'update' | 'archive' | 'restore' | 'addMember' | 'removeMember'

/** The form a result belongs to: the new-recipient form, or one recipient's form of this intent. */
function formIdOf(intent: string, recipientId: string | null): string {
  return recipientId ? `${intent}:${recipientId}` : intent
}

const doneMessages: Record<Intent, MessageKey> = {
  create: 'admin.recipients.created',
  update: 'admin.recipients.saved',
  archive: 'admin.recipients.archived',
  restore: 'admin.recipients.restored',
  addMember: 'admin.recipients.memberAdded',
  removeMember: 'admin.recipients.memberRemoved',
}

function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && value in doneMessages
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return listRecipientsForAdmin(admin)
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readProtectedForm(request)
  const intent = formData.get('intent')
  const recipientId = typeof formData.get('recipientId') === 'string' ? String(formData.get('recipientId')) : null
  const replies = pageReplies(
    formData,
    formIdOf(String(intent), intent === 'create' ? null : recipientId),
    'validation.invalid',
  )
  if (!isIntent(intent)) return replies.invalid({ form: 'validation.invalid' })
  const answer = (result: Awaited<ReturnType<typeof saveRecipient>>) =>
    result.ok ? replies.done(doneMessages[intent]) : replies.refused(result)
  switch (intent) {
    case 'create':
    case 'update': {
      const parsed = parseForm(RecipientInputSchema, formData)
      if (!parsed.ok) return replies.invalid(parsed.fieldErrors)
      const id = intent === 'update' ? RecipientIdSchema.safeParse({ recipientId }) : null
      if (id && !id.success) return replies.refused({ ok: false, reason: 'not_found' })
      return answer(await saveRecipient(admin, { recipientId: id?.data?.recipientId ?? null, ...parsed.data }))
    }
    case 'archive':
    case 'restore': {
      const parsed = parseForm(RecipientIdSchema, formData)
      if (!parsed.ok) return replies.refused({ ok: false, reason: 'not_found' })
      return answer(await archiveRecipient(admin, { ...parsed.data, archived: intent === 'archive' }))
    }
    case 'addMember':
    case 'removeMember': {
      const parsed = parseForm(MemberSchema, formData)
      if (!parsed.ok) return replies.invalid(parsed.fieldErrors)
      return answer(await changeRecipientMember(admin, { intent, ...parsed.data }))
    }
  }
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>
type RecipientItem = LoaderData['recipients'][number]

function SavedMessage({ formId }: { formId: string }) {
  const result = resultFor(useActionData<typeof action>(), formId)
  const { t } = useI18n()
  return result?.ok && result.message ? (
    <p role="status" className="text-green-900">
      {t(result.message)}
    </p>
  ) : null
}

/** The fields of a recipient, for a new one and for changing one; a failed submission shows what was typed. */
function RecipientFields({ formId, recipient }: { formId: string; recipient: RecipientItem | null }) {
  const { municipalities } = useLoaderData<typeof loader>()
  const failure = failureFor(useActionData<typeof action>(), formId)
  const { locale, t } = useI18n()
  const value = (field: string, saved: string | null | undefined) => typedValueOf(failure, field) ?? saved ?? ''
  const errors = failure?.fieldErrors ?? {}
  return (
    <>
      {failure ? <Alert tone="error">{t('admin.recipients.failed')}</Alert> : null}
      <SelectField
        name="kind"
        label={t('admin.recipients.field.kind')}
        defaultValue={value('kind', recipient?.kind)}
        error={errors.kind}
        options={managedRecipientKinds.map((kind) => ({ value: kind, label: t(`recipientKind.${kind}`) }))}
      />
      <TextField
        name="name"
        label={t('admin.recipients.field.name')}
        defaultValue={value('name', recipient?.name)}
        error={errors.name}
        required
        maxLength={200}
      />
      <TextField
        name="nameSv"
        lang="sv"
        label={t('names.swedishName')}
        defaultValue={value('nameSv', recipient?.name_sv)}
        error={errors.nameSv}
        maxLength={200}
      />
      <SelectField
        name="municipalityId"
        label={t('admin.recipients.field.municipality')}
        defaultValue={value('municipalityId', recipient?.municipality_id)}
        error={errors.municipalityId}
        options={[
          { value: '', label: t('admin.recipients.field.municipality.choose') },
          ...municipalities.map((municipality) => ({
            value: municipality.id,
            label: displayName(locale, municipality.name, municipality.name_sv),
          })),
        ]}
      />
      <TextField
        name="contactEmail"
        type="email"
        autoComplete="off"
        label={t('admin.recipients.field.contactEmail')}
        description={t('admin.recipients.field.contactEmail.help')}
        defaultValue={value('contactEmail', recipient?.contact_email)}
        error={errors.contactEmail}
      />
      <SelectField
        name="locale"
        label={t('admin.recipients.field.locale')}
        defaultValue={value('locale', recipient?.locale)}
        error={errors.locale}
        options={(Object.keys(localeNames) as Locale[]).map((locale) => ({
          value: locale,
          label: localeNames[locale],
        }))}
      />
    </>
  )
}

function NewRecipientForm() {
  const { t } = useI18n()
  const { recipients } = useLoaderData<typeof loader>()
  return (
    <Card title={t('admin.recipients.new')}>
      {/* A new key after each addition empties the form in the same render as the success message. */}
      <IntentForm intent="create" key={recipients.length} className="grid gap-3">
        <RecipientFields formId="create" recipient={null} />
        <div>
          <Button>{t('admin.recipients.create')}</Button>
        </div>
        <SavedMessage formId="create" />
      </IntentForm>
    </Card>
  )
}

function Members({ recipient }: { recipient: RecipientItem }) {
  const { users } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  const addId = formIdOf('addMember', recipient.id)
  const failure = failureFor(useActionData<typeof action>(), addId)
  const seated = new Set(recipient.members.map((member) => member.id))
  return (
    <div className="mt-4 grid gap-3">
      <p className="text-sm text-slate-700">{t('admin.recipients.membersHelp')}</p>
      {recipient.members.length ? (
        <Table
          caption={t('admin.recipients.members', { name: recipient.name })}
          columns={[t('common.name'), t('admin.committees.actions')]}
        >
          {recipient.members.map((member) => (
            <tr key={member.id} className="border-t border-slate-200">
              <th scope="row" className="p-3 font-normal">
                {member.name} ({member.email})
              </th>
              <td className="p-3">
                <IntentForm intent="removeMember" fields={{ recipientId: recipient.id, userId: member.id }}>
                  <Button variant="danger" aria-label={t('admin.recipients.removeMemberNamed', { name: member.name })}>
                    {t('admin.recipients.removeMember')}
                  </Button>
                </IntentForm>
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p>{t('admin.recipients.noMembers')}</p>
      )}
      <SavedMessage formId={formIdOf('removeMember', recipient.id)} />
      <IntentForm
        intent="addMember"
        fields={{ recipientId: recipient.id }}
        key={recipient.members.length}
        className="flex flex-wrap items-end gap-2"
      >
        <div className="min-w-56 flex-1">
          <SelectField
            name="userId"
            label={t('admin.recipients.addMember')}
            defaultValue={typedValueOf(failure, 'userId') ?? ''}
            error={failure?.fieldErrors.userId}
            options={[
              { value: '', label: t('admin.recipients.member.choose') },
              ...users
                .filter((user) => !seated.has(user.id))
                .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
            ]}
          />
        </div>
        <Button variant="secondary">{t('admin.recipients.addMember')}</Button>
      </IntentForm>
      <SavedMessage formId={addId} />
    </div>
  )
}

function ManagedRecipient({ recipient }: { recipient: RecipientItem }) {
  const { t } = useI18n()
  const updateId = formIdOf('update', recipient.id)
  const failed = failureFor(useActionData<typeof action>(), updateId)
  const archived = recipient.archived_at !== null
  const archiveIntent = archived ? 'restore' : 'archive'
  return (
    <li className="rounded-md border border-slate-200 p-4">
      <h3 className="text-lg font-bold">
        {recipient.name}
        {archived ? (
          <span className="ml-2 rounded bg-slate-100 px-2 text-sm font-semibold text-slate-800">
            {t('admin.recipients.archivedBadge')}
          </span>
        ) : null}
      </h3>
      {recipient.municipality_name ? (
        <p>{t('admin.recipients.municipality', { municipality: recipient.municipality_name })}</p>
      ) : null}
      {recipient.kind === 'partner' ? (
        <p>
          {t('admin.recipients.contact', {
            email: recipient.contact_email ?? '',
            language: localeNames[recipient.locale],
          })}
        </p>
      ) : null}
      <details open={failed ? true : undefined} className="mt-3">
        <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-brand-800">
          {t('admin.recipients.edit')}
        </summary>
        <IntentForm intent="update" fields={{ recipientId: recipient.id }} className="mt-2 grid gap-3">
          <RecipientFields formId={updateId} recipient={recipient} />
          <div>
            <Button variant="secondary">{t('common.save')}</Button>
          </div>
        </IntentForm>
      </details>
      <SavedMessage formId={updateId} />
      <IntentForm intent={archiveIntent} fields={{ recipientId: recipient.id }} className="mt-3">
        <Button
          variant={archived ? 'secondary' : 'danger'}
          aria-label={t(archived ? 'admin.recipients.restoreNamed' : 'admin.recipients.archiveNamed', {
            name: recipient.name,
          })}
        >
          {t(archived ? 'admin.recipients.restore' : 'admin.recipients.archive')}
        </Button>
      </IntentForm>
      <SavedMessage formId={formIdOf(archiveIntent, recipient.id)} />
      {hasMembers(recipient.kind) && !archived ? <Members recipient={recipient} /> : null}
    </li>
  )
}

export default function AdminRecipientsPage() {
  const { recipients } = useLoaderData<typeof loader>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.recipients.title')}>{t('admin.recipients.intro')}</PageHeading>
      <div className="grid gap-6">
        {recipientKinds.map((kind) => {
          const ofKind = recipients.filter((recipient) => recipient.kind === kind)
          return (
            <Card key={kind} title={t(`recipientKind.${kind}`)}>
              {ofKind.length === 0 ? <p>{t('admin.recipients.none')}</p> : null}
              <ul className="grid gap-4">
                {ofKind.map((recipient) =>
                  kind === 'committee' ? (
                    <li key={recipient.id} className="font-semibold">
                      {recipient.name}
                    </li>
                  ) : (
                    <ManagedRecipient key={recipient.id} recipient={recipient} />
                  ),
                )}
              </ul>
            </Card>
          )
        })}
        <NewRecipientForm />
      </div>
    </>
  )
}
