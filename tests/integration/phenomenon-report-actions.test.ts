import { beforeAll, expect, test } from 'vitest'
import { createOrganisation, createPhenomenon, createReport, createTeam, createUser } from '#tests/factories/index.ts'
import { getRequest, payloadOf, signIn } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'

const context = { clientIp: '192.0.2.31' }

let phenomenonId: string
let kelaReport: string
let housingReport: string
let coordinatorSession: string
let leadASession: string

beforeAll(async () => {
  const db = getDb()
  const organisationId = (await createOrganisation(db)).id
  const teamA = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  const teamB = (await createTeam(db, organisationId, 'Nuorten palvelut')).id
  const authorA = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamA] })
  const authorB = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamB] })
  const leadA = await createUser(db, { organisationId, roles: ['team_lead'], teamIds: [teamA] })
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'], teamIds: [] })
  kelaReport = (
    await createReport(db, {
      organisation_id: organisationId,
      team_id: teamA,
      author_id: authorA.id,
      status: 'forwarded',
      title: 'Kelan päätöksistä puuttuu ohje',
      description: 'Päätöksissä ei kerrota, miten täydentävää toimeentulotukea haetaan kunnasta.',
      actions: [
        { description: 'Päätösten sanamuoto uusitaan asiakasraadin kanssa.', level: 'national' },
        { description: 'Neuvontaa täydentävän toimeentulotuen hakemisesta.', level: 'team' },
      ],
    })
  ).id
  housingReport = (
    await createReport(db, {
      organisation_id: organisationId,
      team_id: teamB,
      author_id: authorB.id,
      status: 'in_review',
      title: 'Nuorten ensimmäinen vuokra-asunto',
      description: 'Vuokrarästit kasvavat ensimmäisen vuoden aikana.',
      actions: [{ description: 'Asumisen infot vuokrataloyhtiön kanssa.', level: 'organisation' }],
    })
  ).id
  // A linked report without proposals adds no group.
  const silentReport = (
    await createReport(db, {
      organisation_id: organisationId,
      team_id: teamA,
      author_id: authorA.id,
      status: 'submitted',
      title: 'Ilman ehdotuksia',
    })
  ).id
  phenomenonId = (
    await createPhenomenon(db, {
      organisationId,
      createdBy: coordinator.id,
      title: 'Toimeentulo ja asuminen',
      reportIds: [kelaReport, housingReport, silentReport],
    })
  ).id
  await db
    .updateTable('proposed_actions')
    .set({ outcome: 'accepted', outcome_by: coordinator.id, outcome_at: new Date(), outcome_reason: 'Aloitetaan.' })
    .where('report_id', '=', kelaReport)
    .where('position', '=', 1)
    .execute()
  coordinatorSession = await signIn(coordinator.email)
  leadASession = await signIn(leadA.email)
})

async function loadAs(session: string) {
  return payloadOf(
    await phenomenonPage.loader({
      request: await getRequest(`/phenomena/${phenomenonId}`, session),
      params: { phenomenonId },
      context,
    }),
  )
}

test("the phenomenon page lists its reports' proposed actions under each report, with each action's state", async () => {
  const loaded = await loadAs(coordinatorSession)
  const groups = loaded.reportsWithActions.map((report: { id: string; title: string; status: string }) => ({
    id: report.id,
    title: report.title,
    status: report.status,
  }))
  expect(groups).toEqual(
    expect.arrayContaining([
      { id: kelaReport, title: 'Kelan päätöksistä puuttuu ohje', status: 'forwarded' },
      { id: housingReport, title: 'Nuorten ensimmäinen vuokra-asunto', status: 'in_review' },
    ]),
  )
  expect(groups).toHaveLength(2)
  const kela = loaded.reportsWithActions.find((report: { id: string }) => report.id === kelaReport)
  expect(kela.actions).toEqual([
    expect.objectContaining({
      description: 'Päätösten sanamuoto uusitaan asiakasraadin kanssa.',
      outcome: 'accepted',
      outcomeReason: 'Aloitetaan.',
    }),
    expect.objectContaining({ description: 'Neuvontaa täydentävän toimeentulotuen hakemisesta.', outcome: null }),
  ])
})

test("a team lead sees only the proposals of the phenomenon's reports they may open", async () => {
  const loaded = await loadAs(leadASession)
  expect(loaded.reportsWithActions.map((report: { id: string }) => report.id)).toEqual([kelaReport])
  expect(JSON.stringify(loaded.reportsWithActions)).not.toContain('Asumisen infot')
})
