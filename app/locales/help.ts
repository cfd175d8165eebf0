/** The help page's words in every language: what each role does here, in a few lines each. */
const fi = {
  'help.title': 'Ohjeet',
  'help.intro':
    'Sosiaalinen raportointi on sosiaalihuoltolain 7 §:n rakenteellista sosiaalityötä: asiakastyössä havaitut ilmiöt viedään tiedoksi päättäjille, ja raportoija kuulee, mitä niistä seurasi.',
  'help.privacy':
    'Raportti kuvaa ilmiötä, ei asiakasta. Älä kirjoita nimiä, henkilötunnuksia, puhelinnumeroita, sähköpostiosoitteita tai katuosoitteita: tarkistus pysäyttää ne ennen tallentamista.',
  'help.yourRoles': 'Sinun roolisi',
  'help.otherRoles': 'Muut roolit',
  'help.role.worker.1':
    'Kirjoita havaintosi kohdasta ”Uusi raportti”. Luonnos tallentuu itsestään; lähetä se tiimin vetäjälle, kun se on valmis.',
  'help.role.worker.2':
    'Jos vetäjä pyytää täydentämään, pyyntö näkyy raportin alussa. Täydennä ja lähetä raportti uudelleen.',
  'help.role.worker.3':
    '”Omat raportit” ja kello näyttävät jokaisen vaiheen: käsittely, eteenpäin vienti, vastaukset, päätökset ja seurattavat tehtävät. Asetuksissa valitset, tuleeko sähköposti heti, päivän koosteena vai ei lainkaan.',
  'help.role.team_lead.1':
    '”Käsittelyjono” kokoaa tiimiesi lähettämät raportit. Ota raportti käsittelyyn, pyydä täydennystä, sulje se tai vie se eteenpäin.',
  'help.role.team_lead.2':
    'Raportoija odottaa ensimmäistä palautetta organisaation määräajassa; ”Palauteajat” näyttää odottavat ja myöhässä olevat.',
  'help.role.team_lead.3':
    'Liitä samaa ilmiötä kuvaavat raportit yhteen ja lähetä raportti vastaanottajille, kuten työryhmälle tai kumppanille. Vastaukset näkyvät raportin sivulla.',
  'help.role.coordinator.1':
    'Kokoa ilmiöt, valmistele toimielinten esityslistat eteenpäin viedyistä raporteista ja julkaise ne jäsenille.',
  'help.role.coordinator.2':
    'Lähetä raportteja ja ilmiöitä vastaanottajille ja seuraa vastauksia. ”Seuranta” näyttää päätösten tehtävät; myöhässä olevat on merkitty.',
  'help.role.coordinator.3':
    'Kokoa hyvinvointikertomuksen aineisto: luvut, tunnusluvut ja mitä tehtiin. Pienet luvut näytetään muodossa ”<5”.',
  'help.role.committee_member.1': '”Kokoukset” näyttää toimielimesi julkaistut esityslistat ja niiden raportit.',
  'help.role.committee_member.2':
    'Puheenjohtaja tai sihteeri kirjaa päätöksen ja merkitsee, mitkä toimenpide-ehdotukset päätös hyväksyy. Niistä tulee seurattavia tehtäviä, ja raportoijat saavat tiedon.',
  'help.role.committee_member.3': '”Kojelauta” näyttää raporttien tunnusluvut ajanjaksoittain.',
  'help.role.admin.1': '”Käyttäjät”: kutsu käyttäjät, anna roolit ja tiimit ja poista käytöstä lähteneiden tunnukset.',
  'help.role.admin.2':
    '”Organisaatio”: kunnat, tiimit, toimielimet, palautteen määräaika, pienten lukujen raja ja nimet, joista asiakkaan voi tunnistaa.',
  'help.role.admin.3':
    '”Vastaanottajat”: työryhmät, johtoryhmät, kuntien hyvinvointityö ja kumppanit yhteystietoineen. ”Sähköpostit” näyttää lähetykset, jotka eivät menneet perille.',
} as const

type Catalog = Record<keyof typeof fi, string>

export const helpMessages: { fi: typeof fi; sv: Catalog; en: Catalog } = {
  fi,
  sv: {
    'help.title': 'Anvisningar',
    'help.intro':
      'Social rapportering är strukturellt socialt arbete enligt 7 § i socialvårdslagen: fenomen som observeras i klientarbetet förs till beslutsfattarna, och rapportören får veta vad som följde av dem.',
    'help.privacy':
      'En rapport beskriver ett fenomen, inte en klient. Skriv inte namn, personbeteckningar, telefonnummer, e-postadresser eller gatuadresser: kontrollen stoppar dem innan något sparas.',
    'help.yourRoles': 'Dina roller',
    'help.otherRoles': 'Andra roller',
    'help.role.worker.1':
      'Skriv din observation under ”Ny rapport”. Utkastet sparas av sig självt; skicka det till teamledaren när det är klart.',
    'help.role.worker.2':
      'Om teamledaren ber om komplettering syns begäran överst i rapporten. Komplettera och skicka rapporten på nytt.',
    'help.role.worker.3':
      '”Mina rapporter” och klockan visar varje steg: behandling, vidarebefordran, svar, beslut och uppgifter som följs upp. I inställningarna väljer du om e-post kommer genast, som en daglig sammanfattning eller inte alls.',
    'help.role.team_lead.1':
      '”Behandlingskön” samlar rapporterna från dina team. Ta upp en rapport till behandling, be om komplettering, stäng den eller för den vidare.',
    'help.role.team_lead.2':
      'Rapportören väntar på första återkoppling inom organisationens tidsgräns; ”Återkopplingstider” visar väntande och försenade.',
    'help.role.team_lead.3':
      'Koppla samman rapporter om samma fenomen och skicka en rapport till mottagare, till exempel arbetsgruppen eller en samarbetspartner. Svaren syns på rapportens sida.',
    'help.role.coordinator.1':
      'Sammanställ fenomen, bered organens föredragningslistor av vidarebefordrade rapporter och publicera dem för ledamöterna.',
    'help.role.coordinator.2':
      'Skicka rapporter och fenomen till mottagare och följ svaren. ”Uppföljning” visar besluten uppgifter; försenade är markerade.',
    'help.role.coordinator.3':
      'Sammanställ materialet till välfärdsberättelsen: kapitel, nyckeltal och vad som gjordes. Små tal visas som ”<5”.',
    'help.role.committee_member.1': '”Möten” visar ditt organs publicerade föredragningslistor och deras rapporter.',
    'help.role.committee_member.2':
      'Ordföranden eller sekreteraren för in beslutet och markerar vilka åtgärdsförslag beslutet godkänner. De blir uppgifter som följs upp, och rapportörerna får besked.',
    'help.role.committee_member.3': '”Översikten” visar rapporternas nyckeltal per period.',
    'help.role.admin.1':
      '”Användare”: bjud in användare, ge roller och team och inaktivera konton för dem som har slutat.',
    'help.role.admin.2':
      '”Organisation”: kommuner, team, organ, tidsgränsen för återkoppling, gränsen för små tal och namn som kan identifiera en klient.',
    'help.role.admin.3':
      '”Mottagare”: arbetsgrupper, ledningsgrupper, kommunernas välfärdsarbete och samarbetspartner med kontaktuppgifter. ”E-post” visar meddelanden som inte kom fram.',
  },
  en: {
    'help.title': 'Help',
    'help.intro':
      'Social reporting is the structural social work of section 7 of the Social Welfare Act: phenomena seen in client work reach decision-makers, and the reporter hears what became of them.',
    'help.privacy':
      'A report describes a phenomenon, not a client. Do not write names, personal identity codes, phone numbers, email addresses or street addresses: the check stops them before anything is saved.',
    'help.yourRoles': 'Your roles',
    'help.otherRoles': 'Other roles',
    'help.role.worker.1':
      'Write what you have seen under “New report”. The draft saves itself; send it to your team lead when it is ready.',
    'help.role.worker.2':
      'If your lead asks for changes, the request shows at the top of the report. Make the changes and send the report again.',
    'help.role.worker.3':
      '“My reports” and the bell show every step: review, forwarding, answers, decisions and tasks being followed up. In settings you choose whether email comes at once, as a daily digest or not at all.',
    'help.role.team_lead.1':
      'The “Review queue” gathers the reports your teams send. Take a report into review, ask for changes, close it or send it on.',
    'help.role.team_lead.2':
      'Reporters wait for first feedback within the organisation’s limit; “Feedback times” shows who is waiting and who is overdue.',
    'help.role.team_lead.3':
      'Link reports about the same phenomenon and send a report to recipients such as the working group or a partner. Their answers appear on the report’s page.',
    'help.role.coordinator.1':
      'Gather phenomena, prepare committee agendas from forwarded reports and publish them to the members.',
    'help.role.coordinator.2':
      'Send reports and phenomena to recipients and follow their answers. “Follow-ups” shows the tasks decisions set; overdue ones are marked.',
    'help.role.coordinator.3':
      'Compile the welfare report material: chapters, figures and what was done. Small counts are shown as “<5”.',
    'help.role.committee_member.1': '“Meetings” shows your committee’s published agendas and their reports.',
    'help.role.committee_member.2':
      'The chair or secretary records the decision and marks which proposed actions it adopts. They become tasks that are followed up, and the reporters are told.',
    'help.role.committee_member.3': 'The “Dashboard” shows the reports’ figures by period.',
    'help.role.admin.1':
      '“Users”: invite users, give them roles and teams, and deactivate the accounts of people who have left.',
    'help.role.admin.2':
      '“Organisation”: municipalities, teams, committees, the feedback limit, the small-count threshold and names that could identify a client.',
    'help.role.admin.3':
      '“Recipients”: working groups, management groups, municipalities’ welfare work and partners with their contact details. “Emails” shows messages that did not get through.',
  },
}
