import { useRootData } from '#app/utils/use-i18n.ts'

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useRootData()?.csrfToken ?? ''} />
}
