import { type MessageKey } from '#app/utils/i18n.ts'
import { SwitchSetting } from './switch-setting.tsx'

/** Whether the organisation's staff may still sign in with a password; shown only when single sign-on is set up. */
export function PasswordLoginSetting({
  allowed,
  result,
}: {
  allowed: boolean
  result: { ok: boolean; message: MessageKey | null } | undefined
}) {
  return (
    <SwitchSetting
      intent="passwordLogin"
      title="sso.admin.title"
      label="sso.admin.passwordLogin"
      help="sso.admin.passwordLoginHelp"
      on={allowed}
      result={result}
    />
  )
}
