/** Single sign-on's messages in every language; the Finnish keys define the rest (fi.ts spreads them in). */
const fi = {
  'sso.button': 'Kirjaudu organisaation tunnuksella',
  'sso.or': 'tai kirjaudu sähköpostilla ja salasanalla',
  'sso.refused.title': 'Kirjautuminen ei onnistunut',
  'sso.refused.not_added':
    'Organisaation tunnuksesi on kunnossa, mutta kukaan ylläpitäjä ei ole lisännyt sinua tähän palveluun. Pyydä organisaatiosi ylläpitäjää lisäämään sinut samalla sähköpostiosoitteella, ja kirjaudu sitten uudelleen.',
  'sso.refused.deactivated':
    'Käyttäjätilisi on poistettu käytöstä. Jos tarvitset pääsyn, ota yhteyttä organisaatiosi ylläpitäjään.',
  'sso.refused.email_unverified':
    'Tunnistuspalvelu ei vahvistanut sähköpostiosoitettasi, joten emme voi yhdistää sitä käyttäjätiliin. Ota yhteyttä organisaatiosi IT-tukeen.',
  'sso.refused.email_domain_not_allowed':
    'Sähköpostiosoitteesi ei ole organisaation osoite, jolla tähän palveluun voi kirjautua. Kirjaudu työtunnuksellasi.',
  'sso.refused.denied': 'Kirjautuminen peruttiin tunnistuspalvelussa. Voit yrittää uudelleen.',
  'sso.refused.expired':
    'Kirjautuminen vanhentui tai aloitettiin toisessa selaimessa. Aloita kirjautuminen uudelleen tästä selaimesta.',
  'sso.refused.failed': 'Tunnistuspalvelun vastausta ei voitu tarkistaa. Yritä uudelleen hetken kuluttua.',
  'sso.refused.unavailable': 'Tunnistuspalveluun ei juuri nyt saada yhteyttä. Yritä uudelleen hetken kuluttua.',
  'sso.refused.back': 'Takaisin kirjautumiseen',
  'sso.passwordLoginOff':
    'Organisaatiosi käyttäjät kirjautuvat organisaation tunnuksella. Valitse ”Kirjaudu organisaation tunnuksella”.',
  'sso.admin.title': 'Kirjautuminen',
  'sso.admin.passwordLogin': 'Salli kirjautuminen salasanalla',
  'sso.admin.passwordLoginHelp':
    'Kun salasanakirjautuminen on pois päältä, organisaation käyttäjät kirjautuvat vain organisaation tunnuksella, eikä salasanan palautuslinkkejä lähetetä.',
  'sso.admin.needsIdentity':
    'Kirjaudu ensin itse organisaation tunnuksella, jotta kukaan ei jää ilman pääsyä. Salasanakirjautuminen on yhä päällä.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const ssoMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'sso.button': 'Logga in med organisationens konto',
    'sso.or': 'eller logga in med e-post och lösenord',
    'sso.refused.title': 'Inloggningen misslyckades',
    'sso.refused.not_added':
      'Ditt organisationskonto fungerar, men ingen administratör har lagt till dig i tjänsten. Be organisationens administratör lägga till dig med samma e-postadress och logga sedan in igen.',
    'sso.refused.deactivated':
      'Ditt användarkonto har inaktiverats. Kontakta organisationens administratör om du behöver tillgång.',
    'sso.refused.email_unverified':
      'Identifieringstjänsten bekräftade inte din e-postadress, så vi kan inte koppla den till ett konto. Kontakta organisationens IT-stöd.',
    'sso.refused.email_domain_not_allowed':
      'Din e-postadress är inte en organisationsadress som kan användas för att logga in i tjänsten. Logga in med ditt arbetskonto.',
    'sso.refused.denied': 'Inloggningen avbröts i identifieringstjänsten. Du kan försöka igen.',
    'sso.refused.expired':
      'Inloggningen gick ut eller påbörjades i en annan webbläsare. Börja logga in på nytt i den här webbläsaren.',
    'sso.refused.failed': 'Identifieringstjänstens svar kunde inte kontrolleras. Försök igen om en stund.',
    'sso.refused.unavailable': 'Identifieringstjänsten kan inte nås just nu. Försök igen om en stund.',
    'sso.refused.back': 'Tillbaka till inloggningen',
    'sso.passwordLoginOff':
      'Organisationens användare loggar in med organisationens konto. Välj ”Logga in med organisationens konto”.',
    'sso.admin.title': 'Inloggning',
    'sso.admin.passwordLogin': 'Tillåt inloggning med lösenord',
    'sso.admin.passwordLoginHelp':
      'När inloggning med lösenord är avstängd loggar organisationens användare in endast med organisationens konto, och inga länkar för att återställa lösenord skickas.',
    'sso.admin.needsIdentity':
      'Logga först själv in med organisationens konto så att ingen blir utan tillgång. Inloggning med lösenord är fortfarande på.',
  },
  en: {
    'sso.button': 'Sign in with your organisation account',
    'sso.or': 'or sign in with email and password',
    'sso.refused.title': 'Signing in did not succeed',
    'sso.refused.not_added':
      'Your organisation account works, but no admin has added you to this service. Ask your organisation’s admin to add you with the same email address, then sign in again.',
    'sso.refused.deactivated':
      'Your account has been deactivated. Contact your organisation’s admin if you need access.',
    'sso.refused.email_unverified':
      'The sign-in service did not confirm your email address, so it cannot be matched to an account. Contact your organisation’s IT support.',
    'sso.refused.email_domain_not_allowed':
      'Your email address is not one of the organisation addresses that can sign in to this service. Sign in with your work account.',
    'sso.refused.denied': 'Signing in was cancelled at the sign-in service. You can try again.',
    'sso.refused.expired':
      'The sign-in expired or was started in another browser. Start signing in again from this browser.',
    'sso.refused.failed': 'The sign-in service’s answer could not be checked. Try again in a moment.',
    'sso.refused.unavailable': 'The sign-in service cannot be reached right now. Try again in a moment.',
    'sso.refused.back': 'Back to signing in',
    'sso.passwordLoginOff':
      'Your organisation’s users sign in with their organisation account. Choose “Sign in with your organisation account”.',
    'sso.admin.title': 'Signing in',
    'sso.admin.passwordLogin': 'Allow signing in with a password',
    'sso.admin.passwordLoginHelp':
      'With password sign-in off, the organisation’s users sign in only with their organisation account, and no password reset links are sent.',
    'sso.admin.needsIdentity':
      'Sign in with your organisation account yourself first, so nobody is left without access. Password sign-in is still on.',
  },
}
