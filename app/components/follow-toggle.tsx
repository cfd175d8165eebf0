import { Form } from '@remix-run/react'
import { useI18n } from '#app/utils/use-i18n.ts'
import { CsrfInput } from './csrf-input.tsx'
import { Button } from './ui/button.tsx'

/**
 * "Follow" / "Stop following" for a report or a phenomenon. The sentence beside the button says which state
 * the reader is in, so the change is never told by the button's label alone.
 */
export function FollowToggle({
  kind,
  id,
  following,
}: {
  kind: 'report' | 'phenomenon'
  id: string
  following: boolean
}) {
  const { t } = useI18n()
  const state = following ? (`follow.${kind}.on` as const) : (`follow.${kind}.off` as const)
  return (
    <Form method="post" action="/follows" preventScrollReset className="grid gap-3">
      <CsrfInput />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      <p>{t(state)}</p>
      <div>
        <Button variant={following ? 'secondary' : 'primary'}>
          {following ? t('follow.unfollow') : t('follow.follow')}
        </Button>
      </div>
    </Form>
  )
}
