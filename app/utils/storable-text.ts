/**
 * PostgreSQL text cannot hold a NUL character (the statement fails), and a lone UTF-16 surrogate has no UTF-8
 * form (it would be stored silently replaced). Neither can come from a keyboard, only from a broken or hostile
 * client, so such text is refused where it enters: form fields get a field error, query strings and JSON bodies a
 * 4xx. Nothing further in needs to think about it.
 */
const unstorable = /[\u0000\p{Cs}]/u

export function isStorableText(text: string): boolean {
  return !unstorable.test(text)
}

/** The fields of a form or query string whose name or text cannot be stored; files are not text. */
export function unstorableFields(entries: Iterable<[string, FormDataEntryValue]>): string[] {
  const fields = new Set<string>()
  for (const [name, value] of entries) {
    if (!isStorableText(name) || (typeof value === 'string' && !isStorableText(value))) fields.add(name)
  }
  return [...fields]
}
