import { type ActionLevel, type ClientGroup, type Sector, type SupportNeed } from '#app/domain/report-fields.ts'
import { type ReportStatus } from '#app/domain/report-status.ts'

export interface DemoPhenomenon {
  title: string
  description: string
  causes: string
  consequences: string
  supportNeeds: SupportNeed[]
  clientGroups: ClientGroup[]
  sectors: Sector[]
  actions: { description: string; level: ActionLevel }[]
  positive?: boolean
}

/** Phenomena reported in the PRO SOS pilots (2016–2019); none describes an identifiable person. */
export const demoPhenomena: DemoPhenomenon[] = [
  {
    title: 'Kela ei ohjaa perustoimeentulotuen asiakkaita sosiaalityöhön',
    description:
      'Perustoimeentulotuen siirryttyä Kelaan (2017) Kela ilmoittaa sosiaalityölle vain harvoin asiakkaista, jotka tarvitsisivat sosiaalityön tukea. Moni tukea tarvitseva jää tavoittamatta.',
    causes: 'Ohjauskäytännöt puuttuvat, eikä Kelan henkilöstöllä ole suoraa yhteyttä sosiaalityöhön.',
    consequences: 'Asiakkaiden tilanne ehtii kriisiytyä ennen kuin heihin saadaan yhteys.',
    supportNeeds: ['daily_living', 'financial'],
    clientGroups: ['adults'],
    sectors: ['kela', 'social_care'],
    actions: [
      {
        description: 'Puhelinpäivystys Kelan työntekijöille sosiaalityön konsultaatiota varten.',
        level: 'organisation',
      },
      { description: 'Säännölliset yhteispalaverit Kelan kanssa.', level: 'team' },
    ],
  },
  {
    title: 'Kela ei pysty maksamaan laskuja suoraan vuokranantajille',
    description:
      'Kela ei pysty luotettavasti maksamaan vuokria ja energialaskuja suoraan vuokranantajille ja yhtiöille. Maksamattomat laskut palautuvat kunnan täydentävän toimeentulotuen maksettaviksi.',
    causes: 'Suoramaksukäytäntö ei ole vakiintunut, ja tieto kulkee hitaasti.',
    consequences: 'Vuokravelkaa kertyy ja asunto on vaarassa; kunnalle tulee päällekkäistä työtä.',
    supportNeeds: ['housing', 'financial'],
    clientGroups: ['adults', 'families_with_children'],
    sectors: ['kela', 'housing'],
    actions: [
      { description: 'Pysyvä suoramaksukäytäntö Kelan kanssa.', level: 'organisation' },
      { description: 'Kaksisuuntainen viestintäkanava Kelan kanssa.', level: 'national' },
    ],
  },
  {
    title: 'Kelan päätökset eivät kerro, miten täydentävää tukea haetaan',
    description:
      'Kelan päätöksissä asiakasta kehotetaan hakemaan täydentävää toimeentulotukea kunnalta, mutta ei kerrota miten ja mistä. Asiakkaat soittavat useaan paikkaan tai jättävät hakematta.',
    causes: 'Päätöspohjien sanamuodot on kirjoitettu viranomaisnäkökulmasta.',
    consequences: 'Tuki jää hakematta ja neuvontatyö lisääntyy.',
    supportNeeds: ['daily_living'],
    clientGroups: ['adults', 'older_people'],
    sectors: ['kela'],
    actions: [{ description: 'Päätösten sanamuotojen uudistaminen yhdessä asiakasraadin kanssa.', level: 'national' }],
  },
  {
    title: 'Asiakkaat ilman verkkopankkitunnuksia eivät pääse sähköisiin palveluihin',
    description:
      'Asiakkaat, joilla ei ole internetyhteyttä tai verkkopankkitunnuksia, eivät pysty käyttämään sähköisiä palveluja. Sähköisiä kanavia käyttävät asiakkaat saavat palvelun nopeammin.',
    causes: 'Palvelut ovat siirtyneet verkkoon ilman korvaavaa asiointitapaa.',
    consequences: 'Eriarvoisuus kasvaa ja asiointi viivästyy.',
    supportNeeds: ['social_inclusion', 'functional_capacity'],
    clientGroups: ['older_people', 'immigrants'],
    sectors: ['social_care', 'kela'],
    actions: [
      { description: 'Ohjausta digitaalisten kanavien käyttöön.', level: 'team' },
      { description: 'Verkkopankin käytön harjoittelua yhdessä asiakkaan kanssa.', level: 'team' },
    ],
  },
  {
    title: 'Nuorten aikuisten ensimmäinen vuokra-asunto on vaarassa',
    description:
      'Nuoret aikuiset menettävät ensimmäisen vuokra-asuntonsa usein vuoden sisällä vuokrarästien takia. Ensimmäisen vuokrasopimuksen velvollisuudet eivät ole tuttuja.',
    causes: 'Raha-asioiden hoidon taidot ja tieto vuokrasuhteesta puuttuvat.',
    consequences: 'Häätö, luottotietojen menetys ja asunnottomuus.',
    supportNeeds: ['housing', 'financial'],
    clientGroups: ['young_adults'],
    sectors: ['housing', 'social_care'],
    actions: [{ description: 'Kohdennetut asumisinfot yhdessä vuokrataloyhtiön kanssa.', level: 'organisation' }],
  },
  {
    title: 'Tulottomat nuoret aikuiset eivät ole minkään palvelun piirissä',
    description: 'Nuoret aikuiset, joilla ei ole mitään tuloja, eivät ole minkään palvelun piirissä eivätkä hae tukia.',
    causes: 'Nuori ei tiedä oikeuksistaan, eikä kukaan ota häneen yhteyttä.',
    consequences: 'Syrjäytymisen riski kasvaa.',
    supportNeeds: ['social_inclusion', 'daily_living'],
    clientGroups: ['young_adults'],
    sectors: ['kela', 'employment'],
    actions: [
      { description: 'Tiiviimpi yhteistyö Kelan kanssa tulottomien nuorten tavoittamiseksi.', level: 'organisation' },
    ],
  },
  {
    title: 'Luku- ja kirjoitustaidottomat maahanmuuttajat jäävät palvelutarpeen arvioinnin ulkopuolelle',
    description:
      'Luku- ja kirjoitustaidottomat maahanmuuttajat jäävät palvelutarpeen arvioinnin ulkopuolelle. Pienet kieliryhmät eivät avaudu tulkin välityksellä.',
    causes: 'Kirjalliset lomakkeet ja tulkkauksen luottamuskysymykset.',
    consequences: 'Tuen tarve jää tunnistamatta.',
    supportNeeds: ['social_inclusion', 'child_development'],
    clientGroups: ['immigrants', 'families_with_children'],
    sectors: ['social_care'],
    actions: [
      { description: 'Arviointi toistetaan määräajoin.', level: 'team' },
      { description: 'Suulliset arviointimuodot käyttöön.', level: 'organisation' },
    ],
  },
  {
    title: 'Yhteistaloudessa asuvien asumistuki ratkaistaan epäyhtenäisesti',
    description: 'Yhteistaloudessa asuvien asumistukipäätökset vaihtelevat samanlaisissa tilanteissa.',
    causes: 'Ohjeistus jättää tulkinnanvaraa.',
    consequences: 'Asiakkaat ovat eriarvoisessa asemassa ja valituksia tehdään paljon.',
    supportNeeds: ['housing', 'financial'],
    clientGroups: ['adults', 'young_adults'],
    sectors: ['kela', 'housing'],
    actions: [{ description: 'Asia nostetaan Kelan laatutyöpajaan.', level: 'national' }],
  },
  {
    title: 'Eläkeläiset eivät pysty hakemaan etuuksia itsenäisesti',
    description: 'Eläkeläiset eivät pysty hakemaan heille kuuluvia etuuksia itsenäisesti, ja etuuksia jää saamatta.',
    causes: 'Hakemukset ovat monimutkaisia ja sähköisiä.',
    consequences: 'Toimeentulo heikkenee ja tarve kalliimmille palveluille kasvaa.',
    supportNeeds: ['financial', 'functional_capacity'],
    clientGroups: ['older_people'],
    sectors: ['kela', 'social_care'],
    actions: [{ description: 'Etuusneuvonta eläkeläisille.', level: 'organisation' }],
  },
  {
    title: 'Paikkakunnilla ilman Kelan toimistoa palvelu on heikompaa',
    description: 'Paikkakunnilla, joilla ei ole Kelan toimistoa, asiakkaat saavat vähemmän palvelua ja neuvontaa.',
    causes: 'Toimistoverkko on harventunut.',
    consequences: 'Pitkät matkat ja asioinnin viivästyminen.',
    supportNeeds: ['daily_living', 'functional_capacity'],
    clientGroups: ['older_people', 'adults'],
    sectors: ['kela'],
    actions: [{ description: 'Kelan käynnit ja pop up -päivät kunnissa.', level: 'organisation' }],
  },
  {
    title: 'Katkaisuhoidossa olevat asiakkaat tavoitetaan myöhään',
    description: 'Katkaisuhoidossa olevat asiakkaat tavoitetaan sosiaalityössä vasta hoidon jälkeen tai ei lainkaan.',
    causes: 'Katkaisuhoidon ja sosiaalityön välillä ei ole sovittua yhteistyötä.',
    consequences: 'Hoidon jälkeinen tilanne jää suunnittelematta.',
    supportNeeds: ['health_and_disability'],
    clientGroups: ['adults'],
    sectors: ['health_care', 'social_care'],
    actions: [{ description: 'Sosiaalityöntekijä käy katkaisuhoitoyksikössä viikoittain.', level: 'team' }],
  },
  {
    title: 'Ikääntyneet odottavat pitkään ympärivuorokautista palveluasumista',
    description:
      'Ikääntyneet odottavat ympärivuorokautiseen palveluasumiseen pitkään, usein terveyskeskuksen osastolla.',
    causes: 'Paikkoja on liian vähän ja arviointi viivästyy.',
    consequences: 'Toimintakyky heikkenee odotuksen aikana.',
    supportNeeds: ['health_and_disability', 'functional_capacity'],
    clientGroups: ['older_people'],
    sectors: ['health_care', 'social_care'],
    actions: [{ description: 'Lisää sosiaalityöntekijän työaikaa terveyskeskukseen.', level: 'committee' }],
  },
  {
    title: 'Työttömien ristiriitaiset säännöt aktivoinnissa ja etuuksissa',
    description: 'Työttömiä koskevat aktivointi- ja etuussäännöt ovat keskenään ristiriitaisia.',
    causes: 'Eri lakien ja viranomaisten vaatimukset eivät ole yhteensovitettuja.',
    consequences: 'Asiakkaat menettävät etuuksia ja luottamus palveluihin heikkenee.',
    supportNeeds: ['financial', 'social_inclusion'],
    clientGroups: ['adults', 'young_adults'],
    sectors: ['employment', 'kela'],
    actions: [{ description: 'Asia nostetaan päättäjien tietoon.', level: 'committee' }],
  },
  {
    title: 'Opintolaina estää nuoria opiskelemasta toimeentulotuen aikana',
    description: 'Opintolainan ensisijaisuus saa toimeentulotukea saavat nuoret luopumaan opiskelusta.',
    causes: 'Velkaantumisen pelko.',
    consequences: 'Koulutus jää kesken ja työllistyminen vaikeutuu.',
    supportNeeds: ['financial', 'social_inclusion'],
    clientGroups: ['young_adults'],
    sectors: ['education', 'kela'],
    actions: [{ description: 'Asia nostetaan päättäjien tietoon.', level: 'national' }],
  },
  {
    title: 'Hyvä käytäntö: seurakunnan, sosiaalityön ja Kelan viikoittainen yhteispäivystys',
    description:
      'Seurakunnan, sosiaalityön ja Kelan yhteinen viikoittainen matalan kynnyksen päivystys tavoittaa ihmisiä, jotka eivät koskaan tule toimistolle.',
    causes: 'Yhteinen paikka ja aika ilman ajanvarausta.',
    consequences: 'Ihmiset saavat apua aikaisemmin.',
    supportNeeds: ['social_inclusion', 'daily_living'],
    clientGroups: ['adults', 'older_people'],
    sectors: ['ngo_parish', 'kela', 'social_care'],
    actions: [{ description: 'Mallin levittäminen muihin kuntiin.', level: 'organisation' }],
    positive: true,
  },
  {
    title: 'Hyvä käytäntö: sosiaalityöntekijä kirjastossa ilman ajanvarausta',
    description:
      'Sosiaalityöntekijä on tavattavissa kirjastossa ilman ajanvarausta. Apua saadaan varhain ja ilman leimautumista.',
    causes: 'Kirjasto on tuttu ja neutraali paikka.',
    consequences: 'Kynnys hakea apua madaltuu.',
    supportNeeds: ['social_inclusion'],
    clientGroups: ['adults', 'young_adults', 'immigrants'],
    sectors: ['social_care', 'education'],
    actions: [{ description: 'Kirjastopäivystys vakinaiseksi ja muihin kuntiin.', level: 'organisation' }],
    positive: true,
  },
]

/**
 * The report behind the demo's worked example of follow-through: a committee decided on it (adopting one of its two
 * proposed actions and asking for an inquiry by a date), and each step is followed up.
 */
export const caregiverRespiteReport: DemoPhenomenon = {
  title: 'Omaishoitajat eivät saa sijaista lakisääteisille vapaapäivilleen',
  description:
    'Omaishoitajat jättävät lakisääteiset vapaapäivänsä pitämättä, koska sijaishoitoa ei ole tarjolla tai se järjestyy vasta viikkojen päähän. Lyhytaikaishoidon paikat ovat täynnä.',
  causes: 'Sijaishoitajia ei ole palkattu, ja lyhytaikaishoidon paikkoja on vähennetty.',
  consequences: 'Omaishoitajat uupuvat, ja hoidettavia siirtyy raskaampiin palveluihin.',
  supportNeeds: ['close_person_support', 'functional_capacity'],
  clientGroups: ['older_people'],
  sectors: ['social_care', 'health_care'],
  actions: [
    { description: 'Sijaishoitajapooli omaishoitajien vapaapäiville.', level: 'organisation' },
    { description: 'Omaishoidon vapaiden hakuohje verkkoon selkokielellä.', level: 'team' },
  ],
}

/**
 * Reports written in Swedish by workers in the Swedish-speaking municipalities (Korsholm, Närpes), as they would be
 * in a bilingual wellbeing services county; `team` and `municipality` index the seed's teams and municipalities.
 */
export const swedishDemoReports: (DemoPhenomenon & { team: number; municipality: number; status: ReportStatus })[] = [
  {
    title: 'Klienter utan nätbankskoder kan inte använda e-tjänsterna',
    description:
      'Äldre klienter som saknar nätbankskoder eller dator kan inte ansöka om förmåner eller boka tider elektroniskt. De som kan använda e-tjänster får snabbare service.',
    causes: 'Tjänsterna har flyttats till nätet utan att andra kanaler har ordnats.',
    consequences: 'Ansökningar blir gjorda sent eller inte alls, och anhöriga tvingas sköta ärendena.',
    supportNeeds: ['daily_living', 'social_inclusion'],
    clientGroups: ['older_people'],
    sectors: ['social_care', 'kela'],
    actions: [
      { description: 'Handledning i digitala tjänster på servicepunkten en gång i veckan.', level: 'team' },
      {
        description: 'En telefonkanal för ansökningar till dem som inte kan använda nätbankskoder.',
        level: 'organisation',
      },
    ],
    team: 2,
    municipality: 2,
    status: 'in_review',
  },
  {
    title: 'Pensionärer klarar inte av att ansöka om förmåner på egen hand',
    description:
      'Pensionärer med små inkomster lämnar bostadsbidrag och vårdbidrag oansökta, eftersom blanketterna och besluten är svåra att förstå.',
    causes: 'Förmånsrådgivning finns inte på svenska i regionen.',
    consequences: 'Inkomsterna räcker inte till mediciner och hyra; behovet av utkomststöd växer.',
    supportNeeds: ['financial'],
    clientGroups: ['older_people'],
    sectors: ['kela', 'social_care'],
    actions: [{ description: 'Förmånsrådgivning på svenska i Närpes och Korsholm.', level: 'organisation' }],
    team: 2,
    municipality: 2,
    status: 'forwarded',
  },
  {
    title: 'Unga vuxnas första hyresbostad är i fara',
    description:
      'Unga vuxna i Korsholm får hyresskulder redan under det första året i egen bostad. Hyresvärden tar kontakt först när vräkning hotar.',
    causes: 'Unga känner inte till hyresavtalets villkor och söker inte hjälp i tid.',
    consequences: 'Vräkningar och betalningsanmärkningar som försvårar nästa bostad.',
    supportNeeds: ['housing', 'financial'],
    clientGroups: ['young_adults'],
    sectors: ['housing', 'social_care'],
    actions: [{ description: 'Bostadsinfo för unga tillsammans med bostadsbolaget.', level: 'team' }],
    team: 1,
    municipality: 1,
    status: 'submitted',
  },
]
