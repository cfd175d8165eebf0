import { beforeAll, describe, expect, test } from 'vitest'
import {
  createMunicipality,
  createOrganisation,
  createPhenomenon,
  createReport,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import {
  apiRequest,
  apiTokenFor,
  formRequest,
  getRequest,
  payloadOf,
  signIn,
  statusOf,
  thrownBy,
} from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as phenomenaPage from '#app/routes/phenomena._index.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as phenomenaApi from '#app/routes/api.v1.phenomena.ts'
import * as observationsApi from '#app/routes/api.v1.phenomena_.$phenomenonId_.observations.ts'
import * as openApi from '#app/routes/api.v1.openapi[.json].ts'
import * as dashboard from '#app/routes/dashboard.tsx'
import * as notificationsPage from '#app/routes/notifications._index.tsx'

const context = { clientIp: '192.0.2.77' }
// A valid Finnish personal identity code: the guard must stop it.
const identityCode = '131052-308T'

let organisationId: string
let municipalityId: string
let phenomenonId: string
let ownReportId: string
let othersReportId: string
const names = { author: 'Aapo Kirjoittaja', other: 'Outi Muu Työntekijä', coordinator: 'Kaija Koordinaattori' }
let worker: { id: string; session: string; token: string }
let secondWorker: { id: string; session: string }
let coordinatorSession: string

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  municipalityId = (await createMunicipality(db, organisationId, 'Vaasa')).id
  const teamA = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  const teamB = (await createTeam(db, organisationId, 'Nuorten palvelut')).id
  const author = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamA], name: names.author })
  const other = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamB], name: names.other })
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'], name: names.coordinator })
  const second = await createUser(db, { organisationId, roles: ['worker'], teamIds: [teamB] })
  ownReportId = (
    await createReport(db, {
      organisation_id: organisationId,
      team_id: teamA,
      author_id: author.id,
      municipality_id: municipalityId,
      status: 'forwarded',
      title: 'Kelan päätöksistä puuttuu ohje',
      actions: [{ description: 'Päätösten sanamuoto uusitaan asiakasraadin kanssa.', level: 'national' }],
    })
  ).id
  othersReportId = (
    await createReport(db, {
      organisation_id: organisationId,
      team_id: teamB,
      author_id: other.id,
      status: 'in_review',
      title: 'Toisen tiimin raportti',
    })
  ).id
  phenomenonId = (
    await createPhenomenon(db, {
      organisationId,
      createdBy: coordinator.id,
      title: 'Kelan päätökset eivät neuvo',
      reportIds: [ownReportId, othersReportId],
    })
  ).id
  // The coordinator's name is on the outcome; a worker's view must leave it out.
  await db
    .updateTable('proposed_actions')
    .set({ outcome: 'accepted', outcome_by: coordinator.id, outcome_at: new Date(), outcome_reason: 'Aloitetaan.' })
    .where('report_id', '=', ownReportId)
    .execute()
  worker = {
    id: author.id,
    session: await signIn(author.email),
    token: await apiTokenFor(author, organisationId),
  }
  secondWorker = { id: second.id, session: await signIn(second.email) }
  coordinatorSession = await signIn(coordinator.email)
})

async function loadPage(session: string) {
  return payloadOf(
    await phenomenonPage.loader({
      request: await getRequest(`/phenomena/${phenomenonId}`, session),
      params: { phenomenonId },
      context,
    } as never),
  )
}

async function observe(session: string, fields: Record<string, string>) {
  const request = await formRequest(`/phenomena/${phenomenonId}`, { intent: 'observe', ...fields }, { session })
  return phenomenonPage.action({ request, params: { phenomenonId }, context } as never)
}

describe('a worker’s view of phenomena', () => {
  test('the phenomenon page names no other worker, suppresses small counts and links only reports the worker may open', async () => {
    const page = await loadPage(worker.session)
    const text = JSON.stringify(page)
    for (const name of Object.values(names)) expect(text).not.toContain(name)
    expect(page.threshold).toBe(5)
    expect(page.phenomenon.report_count).toBeNull()
    expect(page.phenomenon.team_count).toBeNull()
    expect(page.phenomenon.reports.map((report: { id: string }) => report.id)).toEqual([ownReportId])
    expect(text).not.toContain(othersReportId)
    expect(page.chain).toBeNull()
    expect(page.mayObserve).toBe(true)
    expect(page.mayEditDescription).toBe(false)
    // A coordinator still sees the figures as counted and who recorded the outcome.
    const full = await loadPage(coordinatorSession)
    expect(full.phenomenon.report_count).toBe(2)
    expect(JSON.stringify(full)).toContain(names.coordinator)
  })

  test('the phenomena list shows a worker suppressed counts and no dates', async () => {
    const list = payloadOf(
      await phenomenaPage.loader({
        request: await getRequest('/phenomena', worker.session),
        params: {},
        context,
      } as never),
    )
    const row = list.phenomena.find((phenomenon: { id: string }) => phenomenon.id === phenomenonId)
    expect(row).toMatchObject({ report_count: null, team_count: null, first_observed: null, latest_report: null })
  })
})

describe('"Havaitsen saman"', () => {
  test('identifying data in the sentence is refused, nothing is stored and the sentence is kept', async () => {
    const sentence = `Asiakas ${identityCode} kertoi samasta`
    const answer = await observe(secondWorker.session, { municipalityId, clientEstimate: 'noin 4', sentence })
    expect(statusOf(answer)).toBe(422)
    const payload = payloadOf(answer)
    expect(payload.values.sentence).toBe(sentence)
    expect(payload.findings.map((finding: { kind: string }) => finding.kind)).toContain('personal_identity_code')
    expect((await loadPage(secondWorker.session)).phenomenon.observation_count).toBe(0)
    expect((await loadPage(secondWorker.session)).following).toBe(false)
  })

  test('more than one sentence is refused with a message, and what was typed stays', async () => {
    const answer = await observe(secondWorker.session, { sentence: 'Näemme saman. Ja paljon muuta.' })
    expect(statusOf(answer)).toBe(400)
    expect(payloadOf(answer).fieldErrors.sentence).toBe('sharedPicture.validation.oneSentence')
  })

  test('an observation counts in the evidence and the worker follows the phenomenon from then on', async () => {
    const answer = await observe(secondWorker.session, {
      municipalityId,
      clientEstimate: 'noin 12',
      sentence: 'Samoja päätöksiä näkyy meilläkin viikoittain',
    })
    expect(statusOf(answer)).toBe(200)
    const page = await loadPage(secondWorker.session)
    expect(page.phenomenon.observation_count).toBe(1)
    expect(page.observations).toMatchObject([{ client_estimate: 12, own: true, municipality: 'Vaasa' }])
    expect(page.following).toBe(true)
    // The other worker sees it without its author.
    const seen = await loadPage(worker.session)
    expect(seen.observations).toMatchObject([{ own: false, sentence: 'Samoja päätöksiä näkyy meilläkin viikoittain' }])
    expect(JSON.stringify(seen.observations)).not.toContain(secondWorker.id)
  })

  test('a committee member may read but not say "Havaitsen saman"', async () => {
    const member = await createUser(getDb(), { organisationId, roles: ['committee_member'] })
    const thrown = await thrownBy(observe(await signIn(member.email), { sentence: 'Näen saman' }))
    expect(statusOf(thrown)).toBe(403)
  })
})

describe('the description', () => {
  test('a coordinator edits it; an edit over a newer one is refused as stale and a worker may not edit', async () => {
    const before = await loadPage(coordinatorSession)
    const save = async (session: string, description: string, version: string) =>
      phenomenonPage.action({
        request: await formRequest(
          `/phenomena/${phenomenonId}`,
          { intent: 'description', description, version },
          { session },
        ),
        params: { phenomenonId },
        context,
      } as never)
    expect(
      statusOf(await save(coordinatorSession, 'Kelan **päätöksistä** puuttuu ohje.', before.phenomenon.version)),
    ).toBe(200)
    const after = await loadPage(worker.session)
    expect(after.phenomenon.descriptionHtml).toContain('<strong>päätöksistä</strong>')
    const stale = await save(coordinatorSession, 'Vanhan päälle', before.phenomenon.version)
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale).values.description).toBe('Vanhan päälle')
    const guarded = await save(coordinatorSession, `Asiakas ${identityCode}`, after.phenomenon.version)
    expect(statusOf(guarded)).toBe(422)
    expect(statusOf(await thrownBy(save(worker.session, 'Työntekijän teksti', after.phenomenon.version)))).toBe(403)
  })
})

describe('API', () => {
  test('GET /phenomena gives a worker the worker’s view', async () => {
    const response = await phenomenaApi.loader({
      request: apiRequest('/api/v1/phenomena', { token: worker.token }),
      params: {},
      context,
    } as never)
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.view).toBe('worker')
    expect(body.smallCountThreshold).toBe(5)
    expect(body.phenomena.find((phenomenon: { id: string }) => phenomenon.id === phenomenonId)).toMatchObject({
      reportCount: null,
      latestReport: null,
    })
  })

  test('POST /phenomena/{id}/observations records one, and refuses identifying data with 422 problem+json', async () => {
    const post = (body: unknown) =>
      observationsApi.action({
        request: apiRequest(`/api/v1/phenomena/${phenomenonId}/observations`, {
          token: worker.token,
          method: 'POST',
          body,
        }),
        params: { phenomenonId },
        context,
      } as never)
    const refused = await post({ sentence: `Puhelin 040 123 4567 ja ${identityCode}` })
    expect(refused.status).toBe(422)
    expect(refused.headers.get('Content-Type')).toContain('application/problem+json')
    expect((await refused.json()).code).toBe('identifying_data')
    const invalid = await post({ sentence: '', clientEstimate: -1 })
    expect(invalid.status).toBe(422)
    const created = await post({ municipalityId, clientEstimate: 3, sentence: 'Meilläkin sama' })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ observation: { phenomenonId }, following: true })
    const unknown = await observationsApi.action({
      request: apiRequest(`/api/v1/phenomena/${ownReportId}/observations`, {
        token: worker.token,
        method: 'POST',
        body: { sentence: 'Sama' },
      }),
      params: { phenomenonId: ownReportId },
      context,
    } as never)
    expect(unknown.status).toBe(404)
  })

  test('the OpenAPI document describes the observations endpoint', async () => {
    const response = openApi.loader()
    const document = await response.json()
    expect(document.paths['/phenomena/{id}/observations'].post.responses).toHaveProperty('422')
    expect(
      document.paths['/phenomena'].get.responses['200'].content['application/json'].schema.properties,
    ).toHaveProperty('view')
  })
})

describe('the dashboard', () => {
  test('a worker reads it, counting only their own teams’ reports, with small counts suppressed', async () => {
    const year = new Date().getFullYear()
    const path = `/dashboard?from=${year}-01-01&to=${year}-12-31`
    const page = payloadOf(
      await dashboard.loader({ request: await getRequest(path, worker.session), params: {}, context } as never),
    )
    expect(page.ownTeams).toBe(true)
    expect(page.figures.threshold).toBe(5)
    expect(page.figures.total).toBeNull()
    const full = payloadOf(
      await dashboard.loader({ request: await getRequest(path, coordinatorSession), params: {}, context } as never),
    )
    expect(full.ownTeams).toBe(false)
  })
})

test('a notification that the worker’s report was linked to a phenomenon names the phenomenon to open', async () => {
  const db = getDb()
  const event = await db
    .insertInto('report_events')
    .values({
      report_id: ownReportId,
      organisation_id: organisationId,
      actor_id: null,
      type: 'phenomenon_linked',
      from_status: null,
      to_status: null,
      comment: null,
      resolution: null,
      committee_id: null,
      phenomenon_id: phenomenonId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('notifications')
    .values({
      organisation_id: organisationId,
      user_id: worker.id,
      event_id: event.id,
      report_id: ownReportId,
      reason: 'author',
    })
    .execute()
  const page = payloadOf(
    await notificationsPage.loader({
      request: await getRequest('/notifications', worker.session),
      params: {},
      context,
    } as never),
  )
  expect(page.notifications[0]).toMatchObject({
    type: 'phenomenon_linked',
    phenomenon_id: phenomenonId,
    phenomenon_title: 'Kelan päätökset eivät neuvo',
  })
})
