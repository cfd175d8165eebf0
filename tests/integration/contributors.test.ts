import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createReport, createTeam, createUser, testPassword } from '#tests/factories/index.ts'
import {
  apiRequest,
  apiTokenFor,
  formRequest,
  getRequest,
  payloadOf,
  redirectTarget,
  signIn,
  statusOf,
  thrownBy,
} from '#tests/utils.ts'
import { login } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as home from '#app/routes/_index.tsx'
import * as reports from '#app/routes/reports._index.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as newReport from '#app/routes/reports.new.tsx'
import * as review from '#app/routes/review.tsx'
import * as phenomena from '#app/routes/phenomena._index.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'
import * as dashboard from '#app/routes/dashboard.tsx'
import * as meetings from '#app/routes/meetings._index.tsx'
import * as welfareReports from '#app/routes/welfare-reports._index.tsx'
import * as settings from '#app/routes/settings.tsx'
import * as notifications from '#app/routes/notifications._index.tsx'
import * as admin from '#app/routes/admin.tsx'
import * as help from '#app/routes/help.tsx'
import * as reportsApi from '#app/routes/api.v1.reports.ts'
import * as contribute from '#app/routes/contribute._index.tsx'
import * as contributeOnPhenomenon from '#app/routes/contribute.phenomenon.$phenomenonId.tsx'
import * as ownContributions from '#app/routes/contribute.own.tsx'
import * as adminOrganisation from '#app/routes/admin.organisation.tsx'
import * as phenomenonViews from '#app/routes/phenomena.$phenomenonId_.views.tsx'
import * as clientView from '#app/routes/phenomena.$phenomenonId_.client-view.tsx'

const context = { clientIp: '192.0.2.1' }

let organisationId: string
let reportId: string
let openPhenomenonId: string
let closedPhenomenonId: string
let contributorEmail: string
let contributorSession: string
let otherContributorSession: string
let workerSession: string
let adminSession: string
let coordinatorSession: string

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db, 'Osallistujien alue')
  organisationId = organisation.id
  const team = await createTeam(db, organisation.id, 'Aikuissosiaalityö')
  const worker = await createUser(db, {
    organisationId,
    roles: ['worker'],
    teamIds: [team.id],
    name: 'Raili Raportoija',
  })
  const report = await createReport(db, {
    organisation_id: organisationId,
    team_id: team.id,
    author_id: worker.id,
    status: 'decided',
    title: 'Vuokrarästit kasautuvat',
    description: 'Luonnosteksti, jota osallistuja ei saa nähdä',
  })
  reportId = report.id
  const [open, closed] = await db
    .insertInto('phenomena')
    .values([
      {
        organisation_id: organisationId,
        title: 'Nuoret menettävät asuntonsa',
        description: 'Sisäinen kuvaus, jota osallistuja ei näe',
        public_summary: 'Nuoret aikuiset menettävät ensimmäisen vuokra-asuntonsa.',
        open_for_views: true,
        created_by: worker.id,
      },
      { organisation_id: organisationId, title: 'Suljettu ilmiö', created_by: worker.id },
    ])
    .returning('id')
    .execute()
  openPhenomenonId = open!.id
  closedPhenomenonId = closed!.id
  await db
    .insertInto('phenomenon_reports')
    .values({ phenomenon_id: openPhenomenonId, report_id: reportId, linked_by: worker.id })
    .execute()
  const contributor = await createUser(db, { organisationId, roles: ['contributor'], name: 'Outi Osallistuja' })
  const otherContributor = await createUser(db, { organisationId, roles: ['contributor'] })
  const adminUser = await createUser(db, { organisationId, roles: ['admin'] })
  const coordinator = await createUser(db, { organisationId, roles: ['coordinator'] })
  coordinatorSession = await signIn(coordinator.email)
  contributorEmail = contributor.email
  contributorSession = await signIn(contributor.email)
  otherContributorSession = await signIn(otherContributor.email)
  workerSession = await signIn(worker.email)
  adminSession = await signIn(adminUser.email)
})

const get = async (path: string, session: string, params: Record<string, string> = {}) => ({
  request: await getRequest(path, session),
  params,
  context,
})

describe('contributors', () => {
  test('a contributor gets 403 on every staff page and the API, and the home page leads to their own page', async () => {
    const staffPages = [
      ['/reports', reports.loader, {}],
      [`/reports/${reportId}`, reportPage.loader, { reportId }],
      ['/reports/new', newReport.loader, {}],
      ['/review', review.loader, {}],
      ['/phenomena', phenomena.loader, {}],
      [`/phenomena/${openPhenomenonId}`, phenomenonPage.loader, { phenomenonId: openPhenomenonId }],
      ['/dashboard', dashboard.loader, {}],
      ['/meetings', meetings.loader, {}],
      ['/welfare-reports', welfareReports.loader, {}],
      ['/settings', settings.loader, {}],
      ['/notifications', notifications.loader, {}],
      ['/admin', admin.loader, {}],
      ['/help', help.loader, {}],
    ] as const
    for (const [path, loader, params] of staffPages) {
      const thrown = await thrownBy(loader(await get(path, contributorSession, params)))
      expect(statusOf(thrown), path).toBe(403)
    }
    expect(redirectTarget(await thrownBy(home.loader(await get('/', contributorSession))))).toBe('/contribute')

    const contributorUser = await getDb()
      .selectFrom('users')
      .select('id')
      .where('email', '=', contributorEmail)
      .executeTakeFirstOrThrow()
    const token = await apiTokenFor(contributorUser, organisationId)
    const response = await reportsApi.loader({ request: apiRequest('/api/v1/reports', { token }), params: {} })
    expect(response.status).toBe(403)
  })

  test('a contributor sees only phenomena open for views, and of them only the title and public summary', async () => {
    const page = payloadOf(await contribute.loader(await get('/contribute', contributorSession)))
    expect(page.phenomena).toEqual([
      {
        id: openPhenomenonId,
        title: 'Nuoret menettävät asuntonsa',
        public_summary: 'Nuoret aikuiset menettävät ensimmäisen vuokra-asuntonsa.',
      },
    ])
    const closed = await thrownBy(
      contributeOnPhenomenon.loader(
        await get(`/contribute/phenomenon/${closedPhenomenonId}`, contributorSession, {
          phenomenonId: closedPhenomenonId,
        }),
      ),
    )
    expect(statusOf(closed)).toBe(404)
    expect(JSON.stringify(page)).not.toContain('Sisäinen kuvaus')
  })

  test('a view is stored, shown in "Omat näkemykset" with the public step, never to another contributor', async () => {
    const sent = await contributeOnPhenomenon.action({
      request: await formRequest(
        `/contribute/phenomenon/${openPhenomenonId}`,
        { forum: 'asiakasraati', text: 'Asiakasraati toivoo vuokraneuvontaa ennen häätöä.' },
        { session: contributorSession },
      ),
      params: { phenomenonId: openPhenomenonId },
      context,
    })
    expect(redirectTarget(sent)).toBe('/contribute/own?sent=1')

    const own = payloadOf(await ownContributions.loader(await get('/contribute/own', contributorSession)))
    expect(own.contributions).toHaveLength(1)
    expect(own.contributions[0]).toMatchObject({
      phenomenon_title: 'Nuoret menettävät asuntonsa',
      forum: 'asiakasraati',
      text: 'Asiakasraati toivoo vuokraneuvontaa ennen häätöä.',
      step: 'decided',
    })
    // Nothing of the report behind the phenomenon: not its author, title or text.
    const shown = JSON.stringify(own)
    for (const hidden of ['Raili Raportoija', 'Vuokrarästit kasautuvat', 'Luonnosteksti']) {
      expect(shown).not.toContain(hidden)
    }
    const others = payloadOf(await ownContributions.loader(await get('/contribute/own', otherContributorSession)))
    expect(others.contributions).toEqual([])
  })

  test('identifying data is refused with 422, the text kept; a missing text is a 400 with a plain message', async () => {
    const text = 'Matti Meikäläinen, puh. 040 123 4567, ei saanut apua.'
    const refused = await contribute.action({
      request: await formRequest('/contribute', { forum: 'kela', text }, { session: contributorSession }),
      params: {},
      context,
    })
    expect(statusOf(refused)).toBe(422)
    expect(payloadOf(refused).values.text).toBe(text)
    expect(payloadOf(refused).findings.map((finding: { kind: string }) => finding.kind)).toContain('phone_number')

    const empty = await contribute.action({
      request: await formRequest('/contribute', { forum: 'kela', text: ' ' }, { session: contributorSession }),
      params: {},
      context,
    })
    expect(statusOf(empty)).toBe(400)
    expect(payloadOf(empty).fieldErrors.text).toBe('contributors.validation.textRequired')
  })

  test('staff cannot use the contributor pages', async () => {
    const thrown = await thrownBy(contribute.loader(await get('/contribute', workerSession)))
    expect(statusOf(thrown)).toBe(403)
  })

  test('when the organisation turns contributors off, they cannot sign in or act, and are told why', async () => {
    const turnOff = await adminOrganisation.action({
      request: await formRequest('/admin/organisation', { intent: 'contributorsEnabled' }, { session: adminSession }),
      params: {},
      context,
    })
    expect(statusOf(turnOff)).toBe(200)
    try {
      const refused = await thrownBy(contribute.loader(await get('/contribute', contributorSession)))
      expect(statusOf(refused)).toBe(403)
      expect(payloadOf(refused).code).toBe('contributors_off')
      const signedIn = await login(getDb(), { email: contributorEmail, password: testPassword, clientIp: '192.0.2.2' })
      expect(signedIn).toMatchObject({ ok: false, reason: 'contributors_off' })
    } finally {
      await adminOrganisation.action({
        request: await formRequest(
          '/admin/organisation',
          { intent: 'contributorsEnabled', allowed: 'on' },
          { session: adminSession },
        ),
        params: {},
        context,
      })
    }
    expect(statusOf(await contribute.loader(await get('/contribute', contributorSession)))).toBe(200)
  })
  test('a coordinator opens a phenomenon for views with a guarded summary and reads the views without names', async () => {
    const params = { phenomenonId: closedPhenomenonId }
    const path = `/phenomena/${closedPhenomenonId}/views`
    const post = async (fields: Record<string, string>, session = coordinatorSession) =>
      phenomenonViews.action({ request: await formRequest(path, fields, { session }), params, context })
    const guarded = await post({ open: 'on', publicSummary: 'Soita 040 123 4567' })
    expect(statusOf(guarded)).toBe(422)
    expect(payloadOf(guarded).values.publicSummary).toBe('Soita 040 123 4567')
    expect(statusOf(await thrownBy(post({ open: 'on', publicSummary: 'x' }, workerSession)))).toBe(403)

    expect(statusOf(await post({ open: 'on', publicSummary: 'Asiointi ilman pankkitunnuksia.' }))).toBe(200)
    const page = payloadOf(await contribute.loader(await get('/contribute', contributorSession)))
    expect(page.phenomena.map((p: { id: string }) => p.id)).toContain(closedPhenomenonId)

    await contributeOnPhenomenon.action({
      request: await formRequest(
        `/contribute/phenomenon/${closedPhenomenonId}`,
        { forum: 'kela', text: 'Kelan asiakkaat eivät pääse asioimaan.' },
        { session: contributorSession },
      ),
      params,
      context,
    })
    const views = payloadOf(await phenomenonViews.loader(await get(path, coordinatorSession, params)))
    expect(views.contributions.map((c: { text: string }) => c.text)).toEqual(['Kelan asiakkaat eivät pääse asioimaan.'])
    expect(JSON.stringify(views)).not.toContain('Outi Osallistuja')
  })
  test("a worker records a client's view on the client's behalf, guarded, and the coordinator reads it", async () => {
    const params = { phenomenonId: openPhenomenonId }
    const path = `/phenomena/${openPhenomenonId}/client-view`
    const post = async (text: string, session: string) =>
      clientView.action({ request: await formRequest(path, { text }, { session }), params, context })
    const guarded = await post('Asiakas Matti Virtanen, 040 765 4321', workerSession)
    expect(statusOf(guarded)).toBe(422)
    expect(payloadOf(guarded).values.text).toBe('Asiakas Matti Virtanen, 040 765 4321')
    expect(statusOf(await thrownBy(post('Näkemys', contributorSession)))).toBe(403)
    expect(statusOf(await post('Asiakas toivoo, että vuokrarästeistä kerrotaan ajoissa.', workerSession))).toBe(200)
    const views = payloadOf(
      await phenomenonViews.loader(await get(`/phenomena/${openPhenomenonId}/views`, coordinatorSession, params)),
    )
    expect(views.contributions).toContainEqual(
      expect.objectContaining({
        kind: 'client_view',
        forum: 'asiakas',
        text: 'Asiakas toivoo, että vuokrarästeistä kerrotaan ajoissa.',
      }),
    )
    expect(JSON.stringify(views)).not.toContain('Raili Raportoija')
  })
})
