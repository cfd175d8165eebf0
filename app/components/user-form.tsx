import { Form } from '@remix-run/react'
import { z } from 'zod'
import { PasswordSchema } from '#app/domain/password-policy.ts'
import { roles } from '#app/domain/roles.ts'
import { type FieldErrors, isChecked, listValue, textValue } from '#app/utils/forms.ts'
import { locales } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'
import { Checkbox, CheckboxGroup, SelectField, TextField } from './ui/field.tsx'

export const userFormArrayFields = ['roles', 'teamIds'] as const

const membershipFields = {
  name: z.string().trim().min(1, 'validation.nameRequired').max(200, 'validation.tooLong'),
  roles: z.array(z.enum(roles, { error: 'validation.invalid' })).min(1, 'admin.users.rolesRequired'),
  teamIds: z.array(z.uuid({ error: 'validation.invalid' })),
}

export const NewUserSchema = z.object({
  ...membershipFields,
  email: z.email({ error: 'validation.emailInvalid' }).trim().max(254, 'validation.tooLong'),
  locale: z.enum(locales, { error: 'validation.invalid' }),
  password: PasswordSchema,
})

export const EditUserSchema = z.object({
  ...membershipFields,
  active: z
    .string()
    .nullish()
    .transform((value) => value === 'on'),
  password: z.union([z.literal(''), PasswordSchema]).nullish(),
})

interface UserFormProps {
  mode: 'new' | 'edit'
  teams: { id: string; name: string }[]
  values: Record<string, string | string[] | boolean | undefined>
  fieldErrors: FieldErrors
}

export function UserForm({ mode, teams, values, fieldErrors }: UserFormProps) {
  const { t } = useI18n()
  return (
    <Form method="post" className="grid max-w-2xl gap-5" noValidate>
      <CsrfInput />
      <TextField name="name" label={t('common.name')} defaultValue={textValue(values.name)} error={fieldErrors.name} />
      {mode === 'new' ? (
        <>
          <TextField
            name="email"
            type="email"
            label={t('login.email')}
            defaultValue={textValue(values.email)}
            error={fieldErrors.email}
          />
          <SelectField
            name="locale"
            label={t('settings.language')}
            defaultValue={textValue(values.locale) || 'fi'}
            options={[
              { value: 'fi', label: 'Suomi' },
              { value: 'sv', label: 'Svenska' },
              { value: 'en', label: 'English' },
            ]}
            error={fieldErrors.locale}
          />
        </>
      ) : null}
      <CheckboxGroup
        legend={t('common.roles')}
        name="roles"
        options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        selected={listValue(values.roles)}
        error={fieldErrors.roles}
      />
      <CheckboxGroup
        legend={t('admin.users.teams')}
        name="teamIds"
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        selected={listValue(values.teamIds)}
        error={fieldErrors.teamIds}
      />
      {mode === 'edit' ? (
        <Checkbox name="active" label={t('admin.users.active')} defaultChecked={isChecked(values.active)} />
      ) : null}
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        label={mode === 'new' ? t('admin.users.initialPassword') : t('admin.users.newPassword')}
        description={mode === 'new' ? t('settings.password.rule') : t('admin.users.newPasswordHelp')}
        error={fieldErrors.password}
      />
      <div>
        <Button>{mode === 'new' ? t('admin.users.create') : t('common.save')}</Button>
      </div>
    </Form>
  )
}
