import { type FormEvent, useEffect, useRef } from 'react'

/**
 * Keeps the keyboard with an item the user moved up or down. After the move the pressed button may be gone (an
 * item moved to the top has no "up") and moving the item's element in the list drops the focus, so once the item
 * stands in its new place the focus goes to the button of the same direction, or else to its first button.
 * Spread `containerProps` on the element that holds the item's move forms.
 */
export function useFocusAfterMove(justMoved: boolean, position: number) {
  const container = useRef<HTMLDivElement>(null)
  const direction = useRef<string | null>(null)
  useEffect(() => {
    if (!justMoved || !container.current) return
    const same = direction.current
      ? container.current.querySelector<HTMLButtonElement>(
          `button[value="${direction.current}"], form:has(input[name="direction"][value="${direction.current}"]) button`,
        )
      : null
    ;(same ?? container.current.querySelector('button'))?.focus()
  }, [justMoved, position])
  const onSubmitCapture = (event: FormEvent<HTMLDivElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    const form = event.target as HTMLFormElement
    direction.current =
      submitter?.getAttribute('value') ?? form.querySelector<HTMLInputElement>('input[name="direction"]')?.value ?? null
  }
  return { containerProps: { ref: container, onSubmitCapture } }
}
