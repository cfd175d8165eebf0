/**
 * People in several organisations and a person's own data, in every language; the Finnish keys define the rest
 * (fi.ts spreads them in).
 */
const fi = {
  'people.credentials.elsewhereTitle': 'Tunnukset ovat henkilön omat',
  'people.credentials.elsewhere':
    'Henkilö työskentelee myös toisessa organisaatiossa. Hänen nimeään ja salasanaansa voi muuttaa vain hän itse tai kertakirjautuminen: muuten yhden organisaation ylläpitäjä pääsisi hänen tunnuksillaan toisen organisaation tietoihin. Rooleja, tiimejä ja jäsenyyttä organisaatiossanne voit muuttaa.',
  'people.credentials.elsewhereField':
    'Et voi muuttaa tätä: henkilö työskentelee myös toisessa organisaatiossa, joten nimi ja salasana ovat hänen omiaan.',
  'people.invitation.elsewhere':
    'Kutsua ei voi lähettää uudelleen: henkilö työskentelee myös toisessa organisaatiossa ja asettaa salasanansa itse.',
  'people.joined':
    'Henkilöllä oli jo tunnus toisessa organisaatiossa. Hänet lisättiin organisaatioonne valituilla rooleilla ja tiimeillä; hänen nimensä ja salasanansa pysyivät ennallaan, eikä kutsua lähetetty.',

  'people.switcher.label': 'Organisaatio',
  'people.switcher.submit': 'Vaihda',

  'people.ownData.title': 'Omat tietosi',
  'people.ownData.help':
    'Lataa JSON-tiedostona kaikki, mitä sovellus on tallentanut sinusta kaikissa organisaatioissasi: profiili, jäsenyydet, roolit, tiimit ja lautakuntapaikat, kirjoittamasi raportit tapahtumineen sekä ilmoituksesi.',
  'people.ownData.download': 'Lataa omat tietoni',

  'people.removedName': 'Entinen työntekijä',
  'people.remove.title': 'Lähteneen henkilön tietojen poisto',
  'people.remove.help':
    'Kun henkilö on lähtenyt, hänen henkilötietonsa voi poistaa: nimi, sähköposti, salasana, istunnot, tunnukset, seuraamiset ja ilmoitukset. Raportit ja niiden tapahtumat jäävät organisaation tiedoksi, ja niissä lukee tekijänä ”Entinen työntekijä”.',
  'people.remove.button': 'Poista henkilötiedot',
  'people.remove.confirm':
    'Henkilön {name} henkilötiedot poistetaan pysyvästi, eikä hän voi enää kirjautua. Raportit ja tapahtumat jäävät, ja niissä lukee ”Entinen työntekijä”. Tätä ei voi perua.',
  'people.remove.yes': 'Kyllä, poista henkilötiedot',
  'people.remove.elsewhere':
    'Henkilö työskentelee myös toisessa organisaatiossa, joten hänen tietojaan ei voi poistaa täältä. Poista valinta ”Aktiivinen” ja tallenna: hänen pääsynsä organisaatioonne päättyy.',
  'people.remove.self': 'Et voi poistaa omia tietojasi.',
  'people.removed': 'Henkilötiedot poistettiin. Raportit jäivät organisaation tiedoksi.',

  'audit.action.user.removed': 'Poisti lähteneen henkilön tiedot',
  'audit.action.organisation.switched': 'Vaihtoi organisaatioon',
} as const

type Catalog = Record<keyof typeof fi, string>

export const peopleMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'people.credentials.elsewhereTitle': 'Inloggningsuppgifterna är personens egna',
    'people.credentials.elsewhere':
      'Personen arbetar också i en annan organisation. Namnet och lösenordet kan ändras endast av personen själv eller genom enkel inloggning: annars kunde en organisations administratör med personens uppgifter komma åt en annan organisations data. Roller, team och medlemskapet i er organisation kan du ändra.',
    'people.credentials.elsewhereField':
      'Du kan inte ändra detta: personen arbetar också i en annan organisation, så namnet och lösenordet är personens egna.',
    'people.invitation.elsewhere':
      'Inbjudan kan inte skickas igen: personen arbetar också i en annan organisation och väljer sitt lösenord själv.',
    'people.joined':
      'Personen hade redan ett konto i en annan organisation. Hen lades till i er organisation med de valda rollerna och teamen; namnet och lösenordet förblev oförändrade och ingen inbjudan skickades.',

    'people.switcher.label': 'Organisation',
    'people.switcher.submit': 'Byt',

    'people.ownData.title': 'Dina uppgifter',
    'people.ownData.help':
      'Ladda ner som JSON-fil allt som appen har sparat om dig i alla dina organisationer: profil, medlemskap, roller, team och nämndplatser, rapporter du skrivit med deras händelser samt dina aviseringar.',
    'people.ownData.download': 'Ladda ner mina uppgifter',

    'people.removedName': 'Entinen työntekijä',
    'people.remove.title': 'Radera en person som slutat',
    'people.remove.help':
      'När en person har slutat kan hens personuppgifter raderas: namn, e-post, lösenord, sessioner, nycklar, bevakningar och aviseringar. Rapporterna och deras händelser stannar kvar som organisationens kunskap, och som rapportör står ”Entinen työntekijä” (tidigare anställd).',
    'people.remove.button': 'Radera personuppgifterna',
    'people.remove.confirm':
      'Personuppgifterna för {name} raderas för gott och hen kan inte längre logga in. Rapporterna och händelserna stannar kvar med ”Entinen työntekijä” som namn. Detta kan inte ångras.',
    'people.remove.yes': 'Ja, radera personuppgifterna',
    'people.remove.elsewhere':
      'Personen arbetar också i en annan organisation, så hens uppgifter kan inte raderas här. Avmarkera ”Aktiv” och spara: då upphör hens åtkomst till er organisation.',
    'people.remove.self': 'Du kan inte radera dina egna uppgifter.',
    'people.removed': 'Personuppgifterna raderades. Rapporterna stannade kvar hos organisationen.',

    'audit.action.user.removed': 'Raderade uppgifterna om en person som slutat',
    'audit.action.organisation.switched': 'Bytte till organisationen',
  },
  en: {
    'people.credentials.elsewhereTitle': 'The sign-in details are the person’s own',
    'people.credentials.elsewhere':
      'This person also works in another organisation. Only they themselves, or single sign-on, can change their name and password: otherwise one organisation’s admin could use their account to read another organisation’s data. You can change their roles, teams and membership in your organisation.',
    'people.credentials.elsewhereField':
      'You cannot change this: the person also works in another organisation, so their name and password are their own.',
    'people.invitation.elsewhere':
      'The invitation cannot be sent again: the person also works in another organisation and sets their password themselves.',
    'people.joined':
      'This person already had an account in another organisation. They were added to your organisation with the chosen roles and teams; their name and password stayed as they were and no invitation was sent.',

    'people.switcher.label': 'Organisation',
    'people.switcher.submit': 'Switch',

    'people.ownData.title': 'Your data',
    'people.ownData.help':
      'Download as a JSON file everything the app has stored about you in all your organisations: profile, memberships, roles, teams and committee seats, the reports you wrote with their events, and your notifications.',
    'people.ownData.download': 'Download my data',

    'people.removedName': 'Entinen työntekijä',
    'people.remove.title': 'Remove a departed person’s data',
    'people.remove.help':
      'When someone has left, their personal data can be removed: name, email, password, sessions, tokens, follows and notifications. Their reports and the reports’ events stay as the organisation’s knowledge, with “Entinen työntekijä” (former employee) as the reporter.',
    'people.remove.button': 'Remove personal data',
    'people.remove.confirm':
      'The personal data of {name} will be removed for good and they can no longer sign in. The reports and events stay, naming them “Entinen työntekijä”. This cannot be undone.',
    'people.remove.yes': 'Yes, remove the personal data',
    'people.remove.elsewhere':
      'This person also works in another organisation, so their data cannot be removed here. Untick “Active” and save: their access to your organisation ends.',
    'people.remove.self': 'You cannot remove your own data.',
    'people.removed': 'The personal data was removed. The reports stayed with the organisation.',

    'audit.action.user.removed': 'Removed a departed person’s data',
    'audit.action.organisation.switched': 'Switched to the organisation',
  },
}
