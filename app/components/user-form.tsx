import { Form } from '@remix-run/react'
import { useId } from 'react'
import { z } from 'zod'
import { displayName } from '#app/domain/display-name.ts'
import { PasswordSchema } from '#app/domain/password-policy.ts'
import { contributorRole, roles } from '#app/domain/roles.ts'
import { type FieldErrors, isChecked, listValue, textValue } from '#app/utils/forms.ts'
import { locales } from '#app/utils/i18n.ts'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'
import { Checkbox, CheckboxGroup, PasswordField, SelectField, TextField } from './ui/field.tsx'

export const userFormArrayFields = ['roles', 'teamIds'] as const

const membershipFields = {
  name: z.string().trim().min(1, 'validation.nameRequired').max(200, 'validation.tooLong'),
  roles: z
    .array(z.enum(roles, { error: 'validation.invalid' }))
    .min(1, 'admin.users.rolesRequired')
    // A contributor sees only their own pages, so the role given with another would take the other away.
    .refine((chosen) => !chosen.includes(contributorRole) || chosen.length === 1, 'contributors.validation.roleAlone'),
  teamIds: z.array(z.uuid({ error: 'validation.invalid' })),
}

export const onboardings = ['invitation', 'password'] as const

export const NewUserSchema = z
  .object({
    ...membershipFields,
    email: z.email({ error: 'validation.emailInvalid' }).trim().max(254, 'validation.tooLong'),
    locale: z.enum(locales, { error: 'validation.invalid' }),
    onboarding: z.enum(onboardings, { error: 'validation.invalid' }).nullish(),
    password: z.string().nullish(),
  })
  // The password is checked only when one is being set: a hidden field may still carry what was typed before.
  .check((ctx) => {
    const { onboarding, password } = ctx.value
    if (chosenOnboarding(onboarding, password) === 'invitation') return
    const checked = password ? PasswordSchema.safeParse(password) : null
    if (checked?.success) return
    const message = checked ? checked.error.issues[0]!.message : 'validation.passwordRequired'
    ctx.issues.push({ code: 'custom', path: ['password'], message, input: password })
  })
  .transform(({ onboarding, password, ...user }) =>
    chosenOnboarding(onboarding, password) === 'invitation'
      ? { ...user, onboarding: 'invitation' as const, password: null }
      : { ...user, onboarding: 'password' as const, password: password ?? '' },
  )

/**
 * How a new user gets their first password. A form without the choice (an older page, a script) means what it
 * sends: a password if it has one. (The field name avoids "password", which failed forms never echo back.)
 */
function chosenOnboarding(setup: string | null | undefined, password: string | null | undefined) {
  return setup ?? (password ? 'password' : 'invitation')
}

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
  teams: { id: string; name: string; name_sv: string | null }[]
  values: Record<string, string | string[] | boolean | undefined>
  fieldErrors: FieldErrors
  /** The person works in another organisation too: their name and password are theirs, shown but not editable. */
  ownCredentials?: boolean
}

export function UserForm({ mode, teams, values, fieldErrors, ownCredentials = false }: UserFormProps) {
  const { locale, t } = useI18n()
  return (
    <Form method="post" className="grid max-w-2xl gap-5" noValidate>
      <CsrfInput />
      <TextField
        name="name"
        label={t('common.name')}
        defaultValue={textValue(values.name)}
        error={fieldErrors.name}
        readOnly={ownCredentials}
        description={ownCredentials ? t('people.credentials.elsewhereField') : undefined}
      />
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
        options={teams.map((team) => ({ value: team.id, label: displayName(locale, team.name, team.name_sv) }))}
        selected={listValue(values.teamIds)}
        error={fieldErrors.teamIds}
      />
      {mode === 'edit' ? (
        <Checkbox name="active" label={t('admin.users.active')} defaultChecked={isChecked(values.active)} />
      ) : null}
      {mode === 'new' ? (
        <OnboardingChoice values={values} fieldErrors={fieldErrors} />
      ) : ownCredentials ? null : (
        <PasswordField
          name="password"
          purpose="new"
          label={t('admin.users.newPassword')}
          description={t('admin.users.newPasswordHelp')}
          error={fieldErrors.password}
        />
      )}
      <div>
        <Button>{mode === 'new' ? t('admin.users.create') : t('common.save')}</Button>
      </div>
    </Form>
  )
}

/**
 * Invitation first; the password field shows only when the admin chooses to set one. CSS alone does the showing,
 * so it works before the page's JavaScript has loaded.
 */
function OnboardingChoice({ values, fieldErrors }: Pick<UserFormProps, 'values' | 'fieldErrors'>) {
  const { t } = useI18n()
  const chosen = textValue(values.onboarding) || (fieldErrors.password ? 'password' : 'invitation')
  const helpId = useId()
  const options = [
    {
      value: 'invitation',
      label: t('admin.users.passwordSetup.invitation'),
      help: t('admin.users.passwordSetup.invitationHelp'),
    },
    { value: 'password', label: t('admin.users.passwordSetup.password'), help: null },
  ]
  return (
    <div className="group/onboarding grid gap-3">
      <fieldset>
        <legend className="font-semibold">{t('admin.users.passwordSetup')}</legend>
        <div className="mt-1 grid gap-1">
          {options.map((option) => (
            <div key={option.value}>
              <label className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="onboarding"
                  value={option.value}
                  defaultChecked={chosen === option.value}
                  aria-describedby={option.help ? `${helpId}-${option.value}` : undefined}
                  className="size-5 shrink-0 accent-brand-700"
                />
                {option.label}
              </label>
              {option.help ? (
                <p id={`${helpId}-${option.value}`} className="ml-7 text-sm text-slate-600">
                  {option.help}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="hidden group-has-[input[value=password]:checked]/onboarding:block">
        <PasswordField
          name="password"
          purpose="new"
          label={t('admin.users.initialPassword')}
          description={`${t('settings.password.rule')} ${t('admin.users.passwordSetup.passwordHelp')}`}
          error={fieldErrors.password}
        />
      </div>
    </div>
  )
}
