import { type Locale } from '#app/utils/i18n.ts'

/**
 * A place's or body's name as a reader of `locale` reads it: in bilingual areas the Swedish form (Vasa, Korsholm,
 * Österbottens välfärdsområde) for readers using Swedish where one is given, otherwise the name as it is.
 */
export function displayName(locale: Locale, name: string, nameSv: string | null | undefined): string {
  return locale === 'sv' && nameSv ? nameSv : name
}

/** A place or body with its optional Swedish name, as the models select it. */
export interface NamedPlace {
  name: string
  name_sv: string | null
}

/**
 * How a municipality reads for `locale` where only its name is at hand, as in figures grouped by municipality:
 * looked up among the organisation's places.
 */
export function placeNamer(locale: Locale, places: readonly NamedPlace[]): (name: string) => string {
  const swedish = new Map(places.map((place) => [place.name, place.name_sv]))
  return (name) => displayName(locale, name, swedish.get(name))
}
