/**
 * Workers' shared picture (issue 16 §1): the worker's view of phenomena and the dashboard, "Havaitsen saman" and
 * the phenomenon's editable description. The Finnish keys define the rest.
 */
const fi = {
  'sharedPicture.observe.title': 'Havaitsen saman',
  'sharedPicture.observe.help':
    'Näetkö saman asiakastyössäsi? Kerro kunta, karkea asiakasmäärä ja yksi lause. Havaintosi lasketaan ilmiön näyttöön, ja saat tästä lähtien tiedon ilmiön vaiheista kuten raportoija.',
  'sharedPicture.observe.municipality': 'Kunta',
  'sharedPicture.observe.clientEstimate': 'Asiakkaita suunnilleen (vapaaehtoinen)',
  'sharedPicture.observe.clientEstimateHelp': 'Karkea arvio riittää, esimerkiksi ”noin 10”.',
  'sharedPicture.observe.sentence': 'Mitä havaitset (yksi lause)',
  'sharedPicture.observe.sentenceHelp':
    'Enintään {max} merkkiä. Kirjoita ilmiöstä, älä asiakkaasta: ei nimiä, henkilötunnuksia, osoitteita eikä puhelinnumeroita.',
  'sharedPicture.observe.submit': 'Havaitsen saman',
  'sharedPicture.observe.done': 'Havaintosi on kirjattu ilmiön näyttöön. Seuraat nyt ilmiötä.',
  'sharedPicture.observe.refused':
    'Lause näyttää sisältävän asiakkaan tunnistetietoja, joten havaintoa ei tallennettu.',
  'sharedPicture.observe.refusedHelp':
    'Poista tai yleistä merkityt kohdat ja tallenna uudelleen. Kirjoittamasi teksti on tallessa kentässä.',
  'sharedPicture.validation.sentenceRequired': 'Kirjoita yksi lause siitä, mitä havaitset.',
  'sharedPicture.validation.oneSentence': 'Kirjoita vain yksi lause.',
  'sharedPicture.observations.title': 'Työntekijät havaitsevat saman',
  'sharedPicture.observations.none': 'Kukaan ei ole vielä kertonut havaitsevansa samaa.',
  'sharedPicture.observations.clients': 'noin {count, plural, one {# asiakas} other {# asiakasta}}',
  'sharedPicture.observations.own': 'oma havaintosi',
  'sharedPicture.evidence.observations':
    '{count, plural, one {# työntekijä havaitsee saman} other {# työntekijää havaitsee saman}}',
  'sharedPicture.evidence.title': 'Ilmiön näyttö',
  'sharedPicture.evidence.reports': 'Raportteja',
  'sharedPicture.evidence.teams': 'Tiimejä',
  'sharedPicture.evidence.municipalities': 'Kuntia',
  'sharedPicture.evidence.observers': 'Havaitsee saman',
  'sharedPicture.evidence.since': 'Havaittu alkaen',
  'sharedPicture.evidence.suppressed': 'alle {threshold}',
  'sharedPicture.evidence.note':
    'Pienet luvut (alle {threshold}) näytetään vain tiimin sisällä, ja luvut on pyöristetty satunnaisesti muutamalla.',
  'sharedPicture.workerIntro':
    'Organisaation ilmiöt: mitä muut työntekijät näkevät samaan aikaan. Voit avata raportit, jotka näet muutenkin, ja kertoa havaitsevasi saman.',
  'sharedPicture.column.observations': 'Havaitsee saman',
  'sharedPicture.description.title': 'Kuvaus',
  'sharedPicture.description.none': 'Ilmiölle ei ole vielä kirjoitettu kuvausta.',
  'sharedPicture.description.edit': 'Muokkaa kuvausta',
  'sharedPicture.description.field': 'Ilmiön kuvaus',
  'sharedPicture.description.help':
    'Markdown on käytössä. Kuvaus kulkee ilmiön mukana toimielimille, joten siinä ei saa olla asiakkaan tunnistetietoja.',
  'sharedPicture.description.save': 'Tallenna kuvaus',
  'sharedPicture.description.saved': 'Kuvaus on tallennettu.',
  'sharedPicture.description.stale':
    'Joku muu muutti kuvausta sillä välin. Tekstisi on tallessa kentässä: kopioi se, lataa sivu ja tee muutoksesi uusimpaan kuvaukseen.',
  'sharedPicture.description.refused':
    'Kuvaus näyttää sisältävän asiakkaan tunnistetietoja, joten sitä ei tallennettu.',
  'sharedPicture.openPhenomenon': 'Avaa ilmiö {title}',
  'sharedPicture.similar.observe': 'Havaitsen saman: {title}',
  'sharedPicture.dashboard.teamIntro':
    'Omien tiimiesi raporttien luvut vuosineljänneksittäin tai vuosittain, kunnittain ja tuen tarpeen mukaan. Pienet luvut eivät näy, ja muut on pyöristetty satunnaisesti muutamalla.',
}

const sv: Record<keyof typeof fi, string> = {
  'sharedPicture.observe.title': 'Jag ser samma sak',
  'sharedPicture.observe.help':
    'Ser du samma sak i ditt klientarbete? Ange kommun, ett ungefärligt antal klienter och en mening. Din observation räknas in i fenomenets belägg, och från och med nu får du veta om fenomenets steg som en rapportör.',
  'sharedPicture.observe.municipality': 'Kommun',
  'sharedPicture.observe.clientEstimate': 'Ungefär antal klienter (frivilligt)',
  'sharedPicture.observe.clientEstimateHelp': 'En grov uppskattning räcker, till exempel ”ca 10”.',
  'sharedPicture.observe.sentence': 'Vad du ser (en mening)',
  'sharedPicture.observe.sentenceHelp':
    'Högst {max} tecken. Skriv om fenomenet, inte om klienten: inga namn, personbeteckningar, adresser eller telefonnummer.',
  'sharedPicture.observe.submit': 'Jag ser samma sak',
  'sharedPicture.observe.done': 'Din observation är registrerad i fenomenets belägg. Du följer nu fenomenet.',
  'sharedPicture.observe.refused':
    'Meningen verkar innehålla uppgifter som kan identifiera en klient, så observationen sparades inte.',
  'sharedPicture.observe.refusedHelp':
    'Ta bort eller generalisera de markerade ställena och spara igen. Det du skrev finns kvar i fältet.',
  'sharedPicture.validation.sentenceRequired': 'Skriv en mening om vad du ser.',
  'sharedPicture.validation.oneSentence': 'Skriv bara en mening.',
  'sharedPicture.observations.title': 'Anställda ser samma sak',
  'sharedPicture.observations.none': 'Ingen har ännu sagt att de ser samma sak.',
  'sharedPicture.observations.clients': 'ca {count, plural, one {# klient} other {# klienter}}',
  'sharedPicture.observations.own': 'din egen observation',
  'sharedPicture.evidence.observations':
    '{count, plural, one {# anställd ser samma sak} other {# anställda ser samma sak}}',
  'sharedPicture.evidence.title': 'Fenomenets belägg',
  'sharedPicture.evidence.reports': 'Rapporter',
  'sharedPicture.evidence.teams': 'Team',
  'sharedPicture.evidence.municipalities': 'Kommuner',
  'sharedPicture.evidence.observers': 'Ser samma sak',
  'sharedPicture.evidence.since': 'Observerat sedan',
  'sharedPicture.evidence.suppressed': 'färre än {threshold}',
  'sharedPicture.evidence.note':
    'Små tal (färre än {threshold}) visas bara inom teamet, och talen är slumpvis avrundade med några enheter.',
  'sharedPicture.workerIntro':
    'Organisationens fenomen: vad andra anställda ser just nu. Du kan öppna de rapporter du annars ser och säga att du ser samma sak.',
  'sharedPicture.column.observations': 'Ser samma sak',
  'sharedPicture.description.title': 'Beskrivning',
  'sharedPicture.description.none': 'Fenomenet har ännu ingen beskrivning.',
  'sharedPicture.description.edit': 'Redigera beskrivningen',
  'sharedPicture.description.field': 'Fenomenets beskrivning',
  'sharedPicture.description.help':
    'Markdown kan användas. Beskrivningen följer med fenomenet till organen, så den får inte innehålla uppgifter som identifierar klienter.',
  'sharedPicture.description.save': 'Spara beskrivningen',
  'sharedPicture.description.saved': 'Beskrivningen är sparad.',
  'sharedPicture.description.stale':
    'Någon annan ändrade beskrivningen under tiden. Din text finns kvar i fältet: kopiera den, ladda om sidan och gör din ändring i den senaste beskrivningen.',
  'sharedPicture.description.refused':
    'Beskrivningen verkar innehålla uppgifter som kan identifiera en klient, så den sparades inte.',
  'sharedPicture.openPhenomenon': 'Öppna fenomenet {title}',
  'sharedPicture.similar.observe': 'Jag ser samma sak: {title}',
  'sharedPicture.dashboard.teamIntro':
    'Siffrorna för dina egna teams rapporter per kvartal eller år, per kommun och behov av stöd. Små tal visas inte, och de andra är slumpvis avrundade med några enheter.',
}

const en: Record<keyof typeof fi, string> = {
  'sharedPicture.observe.title': 'I see this too',
  'sharedPicture.observe.help':
    'Do you see the same in your client work? Give the municipality, a rough number of clients and one sentence. Your observation counts in the phenomenon’s evidence, and from now on you hear of the phenomenon’s steps like a reporter.',
  'sharedPicture.observe.municipality': 'Municipality',
  'sharedPicture.observe.clientEstimate': 'Roughly how many clients (optional)',
  'sharedPicture.observe.clientEstimateHelp': 'A rough estimate is enough, for example “about 10”.',
  'sharedPicture.observe.sentence': 'What you see (one sentence)',
  'sharedPicture.observe.sentenceHelp':
    'At most {max} characters. Write about the phenomenon, not the client: no names, personal identity codes, addresses or phone numbers.',
  'sharedPicture.observe.submit': 'I see this too',
  'sharedPicture.observe.done': 'Your observation counts in the phenomenon’s evidence. You now follow the phenomenon.',
  'sharedPicture.observe.refused':
    'The sentence seems to contain data that could identify a client, so the observation was not saved.',
  'sharedPicture.observe.refusedHelp':
    'Remove or generalise the marked parts and save again. What you wrote is still in the field.',
  'sharedPicture.validation.sentenceRequired': 'Write one sentence about what you see.',
  'sharedPicture.validation.oneSentence': 'Write one sentence only.',
  'sharedPicture.observations.title': 'Workers who see this too',
  'sharedPicture.observations.none': 'Nobody has said they see this too yet.',
  'sharedPicture.observations.clients': 'about {count, plural, one {# client} other {# clients}}',
  'sharedPicture.observations.own': 'your own observation',
  'sharedPicture.evidence.observations': '{count, plural, one {# worker sees this too} other {# workers see this too}}',
  'sharedPicture.evidence.title': 'Evidence behind the phenomenon',
  'sharedPicture.evidence.reports': 'Reports',
  'sharedPicture.evidence.teams': 'Teams',
  'sharedPicture.evidence.municipalities': 'Municipalities',
  'sharedPicture.evidence.observers': 'See this too',
  'sharedPicture.evidence.since': 'Observed since',
  'sharedPicture.evidence.suppressed': 'fewer than {threshold}',
  'sharedPicture.evidence.note':
    'Small counts (fewer than {threshold}) are shown only within the team, and counts are randomly rounded by a few.',
  'sharedPicture.workerIntro':
    'The organisation’s phenomena: what other workers see at the same time. You can open the reports you may see anyway and say you see this too.',
  'sharedPicture.column.observations': 'See this too',
  'sharedPicture.description.title': 'Description',
  'sharedPicture.description.none': 'The phenomenon has no description yet.',
  'sharedPicture.description.edit': 'Edit the description',
  'sharedPicture.description.field': 'Description of the phenomenon',
  'sharedPicture.description.help':
    'Markdown works. The description travels with the phenomenon to committees, so it must not contain data that identifies a client.',
  'sharedPicture.description.save': 'Save the description',
  'sharedPicture.description.saved': 'The description is saved.',
  'sharedPicture.description.stale':
    'Someone else changed the description meanwhile. Your text is still in the field: copy it, reload the page and make your change to the latest description.',
  'sharedPicture.description.refused':
    'The description seems to contain data that could identify a client, so it was not saved.',
  'sharedPicture.openPhenomenon': 'Open the phenomenon {title}',
  'sharedPicture.similar.observe': 'I see this too: {title}',
  'sharedPicture.dashboard.teamIntro':
    'The figures of your own teams’ reports by quarter or year, municipality and support need. Small counts are not shown, and the others are randomly rounded by a few.',
}

export const sharedPictureMessages = { fi, sv, en }
