import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PageHeading } from '#app/components/page-heading.tsx'
import { Button } from '#app/components/ui/button.tsx'
import { Card } from '#app/components/ui/card.tsx'
import { FieldError, SelectField } from '#app/components/ui/field.tsx'
import { Table } from '#app/components/ui/table.tsx'
import { type CommitteeRole, committeeRoles } from '#app/domain/committees.ts'
import { changeCommitteeSeat, listCommitteesForAdmin, type SeatChange } from '#app/services/committees.server.ts'
import { requireRole } from '#app/utils/auth.server.ts'
import { readProtectedForm } from '#app/utils/csrf.server.ts'
import { type FieldErrors, parseForm } from '#app/utils/forms.ts'
import { type MessageKey } from '#app/utils/i18n.ts'
import { throwRefusal } from '#app/utils/refusals.server.ts'
import { useI18n } from '#app/utils/use-i18n.ts'

const seat = {
  committeeId: z.uuid(),
  userId: z.uuid('admin.committees.user.choose'),
}
const role = z.enum(committeeRoles, 'validation.invalid')

const CommitteeMemberActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), ...seat, role }),
  z.object({ intent: z.literal('changeRole'), ...seat, role }),
  z.object({ intent: z.literal('remove'), ...seat }),
])

interface ActionResult {
  ok: boolean
  /** Which form on the page the result belongs to, so its message appears in the right place. */
  formId: string
  committeeId: string
  fieldErrors: FieldErrors
  values: Record<string, string | string[]>
  message: MessageKey | null
}

function formIdOf(intent: unknown, committeeId: unknown, userId: unknown): string {
  return intent === 'add' ? `add:${String(committeeId)}` : `member:${String(committeeId)}:${String(userId)}`
}

const savedMessages: Record<SeatChange['intent'], MessageKey> = {
  add: 'admin.committees.added',
  changeRole: 'admin.committees.roleChanged',
  remove: 'admin.committees.removed',
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  return listCommitteesForAdmin(admin)
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ['admin'])
  const formData = await readProtectedForm(request)
  const committeeId = String(formData.get('committeeId') ?? '')
  const formId = formIdOf(formData.get('intent'), committeeId, formData.get('userId'))
  const parsed = parseForm(CommitteeMemberActionSchema, formData)
  if (!parsed.ok) {
    return data<ActionResult>({ ...parsed, formId, committeeId, message: null }, { status: 400 })
  }
  const input = parsed.data
  const result = await changeCommitteeSeat(admin, input)
  if (result.ok) {
    const message = savedMessages[input.intent]
    return data<ActionResult>({ ok: true, formId, committeeId, fieldErrors: {}, values: {}, message })
  }
  // Removing a seat has nothing to fix in the form: it is there (and removed) or it is not.
  if (result.reason !== 'invalid' || input.intent === 'remove') return throwRefusal(result)
  const values = { userId: input.userId, role: input.role }
  return data<ActionResult>(
    { ok: false, formId, committeeId, fieldErrors: result.fieldErrors, values, message: null },
    { status: 400 },
  )
}

function useRoleOptions() {
  const { t } = useI18n()
  return committeeRoles.map((value) => ({ value, label: t(`committeeRole.${value}`) }))
}

function MemberRow({
  committeeId,
  member,
}: {
  committeeId: string
  member: { userId: string; name: string; role: CommitteeRole }
}) {
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  const selectId = useId()
  const roleOptions = useRoleOptions()
  const formId = formIdOf('changeRole', committeeId, member.userId)
  const mine = result && 'formId' in result && result.formId === formId ? result : undefined
  const error = mine?.fieldErrors.role
  const typedRole = mine && !mine.ok && typeof mine.values.role === 'string' ? mine.values.role : undefined
  const hidden = (
    <>
      <CsrfInput />
      <input type="hidden" name="committeeId" value={committeeId} />
      <input type="hidden" name="userId" value={member.userId} />
    </>
  )
  return (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="p-3 font-normal">
        {member.name}
      </th>
      <td className="p-3">
        <Form method="post" className="flex flex-wrap items-start gap-2">
          {hidden}
          <input type="hidden" name="intent" value="changeRole" />
          <div>
            <label htmlFor={selectId} className="sr-only">
              {t('admin.committees.roleOf', { name: member.name })}
            </label>
            <select
              key={mine?.ok ? `saved-${member.role}` : 'editing'}
              id={selectId}
              name="role"
              defaultValue={typedRole ?? member.role}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${selectId}-error` : undefined}
              className={`block rounded-md border-2 bg-white px-3 py-2 ${error ? 'border-red-700' : 'border-slate-400'}`}
            >
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <FieldError id={`${selectId}-error`} error={error} />
          </div>
          <Button variant="secondary">{t('admin.committees.changeRole')}</Button>
        </Form>
      </td>
      <td className="p-3">
        <Form method="post">
          {hidden}
          <input type="hidden" name="intent" value="remove" />
          <Button variant="danger" aria-label={t('admin.committees.removeNamed', { name: member.name })}>
            {t('admin.committees.remove')}
          </Button>
        </Form>
      </td>
    </tr>
  )
}

function AddMemberForm({
  committeeId,
  memberCount,
  candidates,
}: {
  committeeId: string
  memberCount: number
  candidates: { id: string; name: string; email: string }[]
}) {
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  const roleOptions = useRoleOptions()
  const formId = formIdOf('add', committeeId, null)
  const mine = result && 'formId' in result && result.formId === formId && !result.ok ? result : undefined
  const typed = (field: string) => (typeof mine?.values[field] === 'string' ? mine.values[field] : undefined)
  return (
    <Form method="post" key={`add-${memberCount}`} className="mt-6 grid gap-3 border-t border-slate-200 pt-4">
      <h3 className="text-lg font-bold">{t('admin.committees.addMember')}</h3>
      <CsrfInput />
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="committeeId" value={committeeId} />
      <p className="text-sm text-slate-600">
        {candidates.length ? t('admin.committees.user.help') : t('admin.committees.noCandidates')}
      </p>
      {candidates.length ? (
        <>
          <SelectField
            name="userId"
            label={t('admin.committees.user')}
            defaultValue={typed('userId') ?? ''}
            error={mine?.fieldErrors.userId}
            options={[
              { value: '', label: t('admin.committees.user.choose') },
              ...candidates.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
            ]}
          />
          <SelectField
            name="role"
            label={t('admin.committees.role')}
            defaultValue={typed('role') ?? 'member'}
            error={mine?.fieldErrors.role}
            options={roleOptions}
          />
          <div>
            <Button variant="secondary">{t('admin.committees.addMember')}</Button>
          </div>
        </>
      ) : null}
    </Form>
  )
}

export default function AdminCommitteesPage() {
  const { committees, candidates } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const { t } = useI18n()
  return (
    <>
      <PageHeading title={t('admin.committees.title')}>{t('admin.committees.intro')}</PageHeading>
      {committees.length === 0 ? <p>{t('admin.committees.none')}</p> : null}
      <div className="grid gap-6">
        {committees.map((committee) => {
          const seated = new Set(committee.members.map((member) => member.userId))
          const status =
            result && 'committeeId' in result && result.committeeId === committee.id && result.ok
              ? result.message
              : null
          return (
            <Card key={committee.id} title={committee.name}>
              <p role="status" className="mb-3 text-green-900 empty:hidden">
                {status ? t(status) : null}
              </p>
              {committee.members.length ? (
                <Table
                  caption={t('admin.committees.members', { name: committee.name })}
                  columns={[t('common.name'), t('admin.committees.role'), t('admin.committees.actions')]}
                >
                  {committee.members.map((member) => (
                    <MemberRow key={member.userId} committeeId={committee.id} member={member} />
                  ))}
                </Table>
              ) : (
                <p>{t('admin.committees.noMembers')}</p>
              )}
              <AddMemberForm
                committeeId={committee.id}
                memberCount={committee.members.length}
                candidates={candidates.filter((user) => !seated.has(user.id))}
              />
            </Card>
          )
        })}
      </div>
    </>
  )
}
