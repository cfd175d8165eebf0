/**
 * Long lists kept short in every language: the bell past 99 unread, and the searched, paged pickers of what may go
 * on an agenda or into a welfare report's section. The Finnish keys define the rest.
 */
const fi = {
  'notifications.bellMany': 'Päivitykset, yli {count, plural, one {# lukematon} other {# lukematonta}}',
  'candidates.search.label': 'Hae otsikon sanalla',
  'candidates.search.submit': 'Hae',
  'candidates.search.clear': 'Näytä kaikki',
  'candidates.search.help':
    'Näytetään {count, plural, one {# osuma} other {# osumaa}} kerrallaan, otsikon mukaan aakkosjärjestyksessä.',
  'candidates.search.showing': 'Haku "{q}", sivu {page}.',
  'candidates.search.nothingFound': 'Haulla "{q}" ei löytynyt yhtään.',
  'candidates.pager.label': 'Valittavien sivut: {name}',
  'candidates.pager.previous': 'Edelliset',
  'candidates.pager.next': 'Seuraavat',
  'candidates.pager.page': 'Sivu {page}',
  'candidates.pager.keepChoices':
    'Valitse ja tallenna ennen kuin siirryt toiselle sivulle: valinnat eivät siirry sivulta toiselle.',
}

const sv: Record<keyof typeof fi, string> = {
  'notifications.bellMany': 'Aviseringar, över {count, plural, one {# oläst} other {# olästa}}',
  'candidates.search.label': 'Sök med ett ord i rubriken',
  'candidates.search.submit': 'Sök',
  'candidates.search.clear': 'Visa alla',
  'candidates.search.help':
    '{count, plural, one {# träff} other {# träffar}} visas åt gången, i bokstavsordning efter rubrik.',
  'candidates.search.showing': 'Sökning "{q}", sida {page}.',
  'candidates.search.nothingFound': 'Sökningen "{q}" gav inga träffar.',
  'candidates.pager.label': 'Sidor att välja från: {name}',
  'candidates.pager.previous': 'Föregående',
  'candidates.pager.next': 'Följande',
  'candidates.pager.page': 'Sida {page}',
  'candidates.pager.keepChoices':
    'Välj och spara innan du går till en annan sida: valen följer inte med mellan sidorna.',
}

const en: Record<keyof typeof fi, string> = {
  'notifications.bellMany': 'Notifications, more than {count, plural, one {# unread} other {# unread}}',
  'candidates.search.label': 'Search by a word in the title',
  'candidates.search.submit': 'Search',
  'candidates.search.clear': 'Show all',
  'candidates.search.help':
    '{count, plural, one {# match} other {# matches}} shown at a time, in alphabetical order of title.',
  'candidates.search.showing': 'Search "{q}", page {page}.',
  'candidates.search.nothingFound': 'Nothing found for "{q}".',
  'candidates.pager.label': 'Pages to choose from: {name}',
  'candidates.pager.previous': 'Previous',
  'candidates.pager.next': 'Next',
  'candidates.pager.page': 'Page {page}',
  'candidates.pager.keepChoices':
    'Choose and save before moving to another page: choices do not carry over between pages.',
}

export const boundedListsMessages = { fi, sv, en }
