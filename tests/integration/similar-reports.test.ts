import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createPhenomenon, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn } from '#tests/utils.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { findSimilarReports } from '#app/models/similar-report.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as editReport from '#app/routes/reports.$reportId_.edit.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as similarReports from '#app/routes/reports.similar.ts'

const context = { clientIp: '192.0.2.71' }
let organisationId: string
let otherOrganisationId: string
let worker: { id: string; session: string }
let colleague: { id: string }
let lead: { id: string; session: string }
const reports: Record<string, string> = {}

/** Reports of the worker's organisation and team, another team, and another organisation, in several statuses. */
const texts = [
  ['ownKela', 'Kela ei ohjaa perustoimeentulotuen asiakkaita sosiaalityöhön', 'Kela ilmoittaa harvoin asiakkaista.'],
  ['rent', 'Vuokrarästit uhkaavat nuorten ensimmäistä asuntoa', 'Nuoret menettävät vuokra-asuntonsa rästien takia.'],
  ['caregivers', 'Omaishoitajat eivät saa sijaista vapaapäivilleen', 'Omaishoidon vapaat jäävät pitämättä.'],
  ['banking', 'Asiakkaat ilman verkkopankkitunnuksia eivät pääse sähköisiin palveluihin', 'Asiointi vaikeutuu.'],
  ['kelaBills', 'Kela ei pysty maksamaan laskuja suoraan vuokranantajille', 'Vuokrat jäävät maksamatta.'],
  ['detox', 'Katkaisuhoidossa olevat asiakkaat tavoitetaan myöhään', 'Sosiaalityö ei käy katkaisuhoidossa.'],
] as const

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  organisationId = organisation.id
  const team = await createTeam(db, organisationId, 'Aikuissosiaalityö')
  const otherTeam = await createTeam(db, organisationId, 'Nuorten palvelut')
  const workerUser = await createUser(db, { organisationId, roles: ['worker'], teamIds: [team.id] })
  worker = { id: workerUser.id, session: await signIn(workerUser.email) }
  colleague = await createUser(db, { organisationId, roles: ['worker'], teamIds: [otherTeam.id] })
  const leadUser = await createUser(db, { organisationId, roles: ['team_lead'], teamIds: [team.id] })
  lead = { id: leadUser.id, session: await signIn(leadUser.email) }
  for (const [key, title, description] of texts) {
    // The worker wrote the first; the colleague in another team wrote the rest, which the worker may not open.
    const ownReport = key === 'ownKela'
    const created = await createReport(db, {
      organisation_id: organisationId,
      author_id: ownReport ? worker.id : colleague.id,
      team_id: ownReport ? team.id : otherTeam.id,
      status: 'in_review',
      title,
      description,
    })
    reports[key] = created.id
  }
  const hidden = { organisation_id: organisationId, author_id: colleague.id, team_id: otherTeam.id }
  reports.draft = (await createReport(db, { ...hidden, status: 'draft', title: 'Kela ei ohjaa luonnos' })).id
  reports.withdrawn = (await createReport(db, { ...hidden, status: 'withdrawn', title: 'Kela ei ohjaa peruttu' })).id
  const other = await createOrganisation(db)
  otherOrganisationId = other.id
  const outsider = await createUser(db, { organisationId: other.id, roles: ['worker'] })
  reports.otherOrganisation = (
    await createReport(db, {
      organisation_id: other.id,
      author_id: outsider.id,
      status: 'submitted',
      title: 'Kela ei ohjaa perustoimeentulotuen asiakkaita sosiaalityöhön',
    })
  ).id
})

const typedTexts = [
  'Kela ei ohjaa',
  'Kela ei ohjaa perustoimeentulotuen asiakkaita',
  'vuokrarästit nuoret asunto',
  'Omaishoitajat eivät saa sijaista',
  'omaishoitajien vapaapäivät',
  'Asiakkaat ilman verkkopankkitunnuksia',
  'Kelan laskut vuokranantajille',
  'katkaisuhoito',
  'Päihdeasiakkaiden asunnottomuus talvella',
]

/** The lookup as it was before the stored search vector: every row's text stemmed anew, every title compared. */
async function foundBefore(text: string) {
  const query = text.trim().slice(0, 500)
  const document = sql`to_tsvector('finnish', reports.title || ' ' || reports.description)`
  const tsQuery = sql`websearch_to_tsquery('finnish', ${query})`
  const rows = await getDb()
    .selectFrom('reports')
    .select('reports.id')
    .where('reports.organisation_id', '=', organisationId)
    .where('reports.status', 'not in', ['draft', 'withdrawn'])
    .where((eb) => eb.or([sql<boolean>`${document} @@ ${tsQuery}`, sql<boolean>`reports.title % ${query}`]))
    .orderBy(sql`greatest(similarity(reports.title, ${query}), ts_rank(${document}, ${tsQuery}))`, 'desc')
    .limit(5)
    .execute()
  return rows.map((row) => row.id).sort()
}

describe('the similar-report lookup on the stored search vector', () => {
  test('finds for each text what the lookup found before, never drafts, withdrawn or other organisations', async () => {
    const viewer = (await getUserInOrganisation(getDb(), worker.id, organisationId))!
    for (const text of typedTexts) {
      const found = await findSimilarReports(getDb(), viewer, { text, title: text, reportId: null })
      expect(found.map((hit) => hit.id).sort(), text).toEqual(await foundBefore(text))
      expect(found.map((hit) => hit.id)).not.toContain(reports.draft)
      expect(found.map((hit) => hit.id)).not.toContain(reports.withdrawn)
      expect(found.map((hit) => hit.id)).not.toContain(reports.otherOrganisation)
    }
    const kela = await findSimilarReports(getDb(), viewer, {
      text: 'Kela ei ohjaa',
      title: 'Kela ei ohjaa',
      reportId: null,
    })
    expect(kela[0]?.id).toBe(reports.ownKela)
    expect(await foundBefore('Päihdeasiakkaiden asunnottomuus talvella')).toEqual([])
  })

  test('compares the title typed with titles when the route is given it apart from the description', async () => {
    const viewer = (await getUserInOrganisation(getDb(), worker.id, organisationId))!
    const typed = {
      title: 'Omaishoitajat eivät saa sijaista vapaapäivilleen',
      text: 'Omaishoitajat eivät saa sijaista vapaapäivilleen. Kunnassa ei ole sijaishoitajia, ja lomat kertyvät.',
      reportId: null,
    }
    expect((await findSimilarReports(getDb(), viewer, typed)).map((hit) => hit.id)).toEqual([reports.caregivers])
  })

  test('a stored text edited later is found by its new words, not its old ones', async () => {
    await getDb()
      .updateTable('reports')
      .set({ description: 'Asiakkaat odottavat katkaisuhoitoon viikkoja.' })
      .where('id', '=', reports.detox!)
      .execute()
    const viewer = (await getUserInOrganisation(getDb(), worker.id, organisationId))!
    const lookUp = async (text: string) =>
      (await findSimilarReports(getDb(), viewer, { text, title: text, reportId: null })).map((hit) => hit.id)
    expect(await lookUp('odottavat viikkoja')).toEqual([reports.detox])
    expect(await lookUp('sosiaalityö käy')).not.toContain(reports.detox)
  })
})

async function lookUp(fields: Record<string, string>) {
  const request = await formRequest('/reports/similar', fields, { session: worker.session })
  return payloadOf(await similarReports.action({ request, params: {}, context })).similar as {
    id: string
    may_open: boolean
    marked_same: boolean
  }[]
}

describe('hits say whether the writer may open them, and the writer says which is the same phenomenon', () => {
  test('the own report opens; a report of another team is shown but may not be opened', async () => {
    const hits = await lookUp({ q: 'Kela ei ohjaa perustoimeentulotuen', title: 'Kela ei ohjaa perustoimeentulotuen' })
    expect(hits.find((hit) => hit.id === reports.ownKela)?.may_open).toBe(true)
    const kelaBills = await lookUp({ q: 'Kela ei pysty maksamaan laskuja' })
    expect(kelaBills.find((hit) => hit.id === reports.kelaBills)?.may_open).toBe(false)
  })

  test('"this is the same phenomenon" saves a new draft with its text; the lead sees it and links in one click', async () => {
    const db = getDb()
    const phenomenon = await createPhenomenon(db, {
      organisationId,
      createdBy: lead.id,
      title: 'Vuokranmaksu Kelan kautta',
      reportIds: [reports.kelaBills!],
    })
    const draft = {
      title: 'Kelan suoramaksut vuokranantajille eivät toimi',
      description: 'Vuokrat jäävät maksamatta, vaikka Kela on myöntänyt tuen.',
      actionDescription: '',
      actionLevel: 'team',
    }
    const request = await formRequest(
      '/reports/new',
      { ...draft, reportId: '', intent: `same:${reports.kelaBills}` },
      { session: worker.session },
    )
    const target = redirectTarget(await newReport.action({ request, params: {}, context }))
    const draftId = /^\/reports\/([0-9a-f-]{36})\/edit\?same=marked#similar-reports$/.exec(target ?? '')?.[1]
    expect(draftId, String(target)).toBeDefined()
    const stored = await db.selectFrom('reports').select(['title', 'status']).where('id', '=', draftId!).execute()
    expect(stored).toEqual([{ title: draft.title, status: 'draft' }])

    const edit = payloadOf(
      await editReport.loader({
        request: await getRequest(`/reports/${draftId}/edit?same=marked`, worker.session),
        params: { reportId: draftId },
        context,
      }),
    )
    expect(edit.samePhenomenon).toEqual([
      expect.objectContaining({ id: reports.kelaBills, may_open: false, title: texts[4][1] }),
    ])
    const hits = await lookUp({ q: draft.title, title: draft.title, exclude: draftId! })
    expect(hits.find((hit) => hit.id === reports.kelaBills)?.marked_same).toBe(true)

    // Submitted to the team, the lead sees the writer's word on the report page with the phenomenon to link to.
    await db.updateTable('reports').set({ status: 'submitted' }).where('id', '=', draftId!).execute()
    const loadAsLead = async () =>
      payloadOf(
        await reportPage.loader({
          request: await getRequest(`/reports/${draftId}`, lead.session),
          params: { reportId: draftId },
          context,
        }),
      )
    expect((await loadAsLead()).samePhenomenon).toEqual([
      expect.objectContaining({
        id: reports.kelaBills,
        phenomena: [{ id: phenomenon.id, title: 'Vuokranmaksu Kelan kautta' }],
      }),
    ])
    const link = await formRequest(
      `/reports/${draftId}`,
      { intent: 'link', phenomenonId: phenomenon.id },
      { session: lead.session },
    )
    expect(payloadOf(await reportPage.action({ request: link, params: { reportId: draftId }, context })).ok).toBe(true)
    expect((await loadAsLead()).report.phenomena).toEqual([{ id: phenomenon.id, title: 'Vuokranmaksu Kelan kautta' }])
  })

  test('a report of another organisation, a draft or the report itself cannot be marked; taking a mark back works', async () => {
    const db = getDb()
    const post = async (reportId: string, intent: string) => {
      const request = await formRequest(
        `/reports/${reportId}/edit`,
        { title: 'Oma luonnos Kelasta', description: '', actionDescription: '', actionLevel: 'team', intent },
        { session: worker.session },
      )
      return redirectTarget(await editReport.action({ request, params: { reportId }, context }))
    }
    const own = await createReport(db, {
      organisation_id: organisationId,
      author_id: worker.id,
      status: 'draft',
      title: 'Oma luonnos Kelasta',
    })
    for (const refused of [reports.otherOrganisation, reports.draft, own.id]) {
      expect(await post(own.id, `same:${refused}`)).toBe(`/reports/${own.id}/edit?same=unavailable#similar-reports`)
    }
    expect(await post(own.id, `same:${reports.rent}`)).toBe(`/reports/${own.id}/edit?same=marked#similar-reports`)
    expect(await post(own.id, `notSame:${reports.rent}`)).toBe(`/reports/${own.id}/edit?same=unmarked#similar-reports`)
    const marks = await db
      .selectFrom('report_same_phenomenon')
      .select('same_as_report_id')
      .where('report_id', '=', own.id)
      .execute()
    expect(marks).toEqual([])
    expect(otherOrganisationId).not.toBe(organisationId)
  })
})
