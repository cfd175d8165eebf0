import { type Locale } from '#app/utils/i18n.ts'

/**
 * A place's or body's name as a reader of `locale` reads it: in bilingual areas the Swedish form (Vasa, Korsholm,
 * Österbottens välfärdsområde) for readers using Swedish where one is given, otherwise the name as it is.
 */
export function displayName(locale: Locale, name: string, nameSv: string | null | undefined): string {
  return locale === 'sv' && nameSv ? nameSv : name
}
