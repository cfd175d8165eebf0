import { beforeAll, describe, expect, test } from 'vitest'
import { createOrganisation, createTeam, createUser } from '#tests/factories/index.ts'
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
import { type Role } from '#app/domain/roles.ts'
import { getDb } from '#app/utils/db.server.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as editReport from '#app/routes/reports.$reportId_.edit.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as reports from '#app/routes/reports._index.tsx'
import * as adminTemplates from '#app/routes/admin.templates.tsx'
import * as reportsApi from '#app/routes/api.v1.reports.ts'
import * as reportApi from '#app/routes/api.v1.reports_.$reportId.ts'

const context = { clientIp: '192.0.2.61' }
let organisationId: string
let teamId: string
let author: Person
let coAuthor: Person
let lead: Person
let outsider: Person

interface Person {
  id: string
  name: string
  session: string
}

async function person(roles: Role[], name: string, teamIds: string[]): Promise<Person> {
  const user = await createUser(getDb(), { organisationId, roles, teamIds, name })
  return { id: user.id, name, session: await signIn(user.email) }
}

const reportFields = (title: string) => ({
  title,
  description: 'Tiimipalaverissa huomasimme, että nuorten aikuisten vuokrarästit kasautuvat ensimmäisen vuoden aikana.',
  supportNeeds: 'housing',
  clientGroups: 'young_adults',
  actionDescription: 'Yhteinen infotilaisuus vuokrataloyhtiön kanssa.',
  actionLevel: 'team',
  noIdentifyingDataConfirmed: 'on',
  preparedIn: 'team_meeting',
})

async function writeTeamReport(title: string, coAuthorIds: string[]) {
  const request = await formRequest(
    '/reports/new',
    { ...reportFields(title), coAuthorIds, intent: 'submit' },
    { session: author.session },
  )
  const target = redirectTarget(await newReport.action({ request, params: {}, context }))
  return target!.match(/\/reports\/([0-9a-f-]+)/)![1]!
}

async function transition(actor: Person, reportId: string, fields: Record<string, string>) {
  const request = await formRequest(
    `/reports/${reportId}`,
    { intent: 'transition', ...fields },
    { session: actor.session },
  )
  expect(payloadOf(await reportPage.action({ request, params: { reportId }, context }))).toMatchObject({ ok: true })
}

async function ownTitles(viewer: Person) {
  const listed = payloadOf(
    await reports.loader({ request: await getRequest('/reports', viewer.session), params: {}, context }),
  )
  return (listed as { reports: { title: string }[] }).reports.map((report) => report.title)
}

function notificationsOf(userId: string, reportId: string) {
  return getDb()
    .selectFrom('notifications')
    .innerJoin('report_events', 'report_events.id', 'notifications.event_id')
    .select(['report_events.type', 'report_events.to_status', 'notifications.reason'])
    .where('notifications.user_id', '=', userId)
    .where('notifications.report_id', '=', reportId)
    .orderBy('report_events.created_at')
    .execute()
}

beforeAll(async () => {
  const db = getDb()
  organisationId = (await createOrganisation(db)).id
  teamId = (await createTeam(db, organisationId, 'Aikuissosiaalityö')).id
  const otherTeamId = (await createTeam(db, organisationId, 'Lapsiperheet')).id
  author = await person(['worker'], 'Tiina Työntekijä', [teamId])
  coAuthor = await person(['worker'], 'Sanna Sosiaaliohjaaja', [teamId])
  lead = await person(['team_lead'], 'Timo Tiiminvetäjä', [teamId])
  outsider = await person(['worker'], 'Olli Toisesta Tiimistä', [otherTeamId])
})

describe('team reports', () => {
  test('the form offers the author’s own team members, not other teams’', async () => {
    const loaded = payloadOf(
      await newReport.loader({ request: await getRequest('/reports/new', author.session), params: {}, context }),
    )
    const names = (loaded as { coAuthorCandidates: { name: string }[] }).coAuthorCandidates.map((c) => c.name)
    expect(names).toContain(coAuthor.name)
    expect(names).not.toContain(outsider.name)
    expect(names).not.toContain(author.name)
  })

  test('a co-author sees the report among their own, is named on it and hears of every step', async () => {
    // Someone outside the author's teams cannot be named, whatever the form sends.
    const reportId = await writeTeamReport('Vuokrarästit tiimipalaverista', [coAuthor.id, outsider.id])
    expect(await ownTitles(coAuthor)).toContain('Vuokrarästit tiimipalaverista')
    expect(await ownTitles(outsider)).not.toContain('Vuokrarästit tiimipalaverista')

    const page = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}`, lead.session),
        params: { reportId },
        context,
      }),
    ) as { report: { coAuthors: { name: string }[]; prepared_in: string } }
    expect(page.report.coAuthors.map((c) => c.name)).toEqual([coAuthor.name])
    expect(page.report.prepared_in).toBe('team_meeting')

    await transition(lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    await transition(lead, reportId, {
      to: 'closed',
      expectedStatus: 'in_review',
      resolution: 'no_further_action',
      comment: 'Asia on jo työn alla organisaatiossa.',
    })
    const heard = (await notificationsOf(coAuthor.id, reportId)).map((n) => [n.to_status, n.reason])
    const authorHeard = (await notificationsOf(author.id, reportId)).map((n) => [n.to_status, n.reason])
    expect(authorHeard).toEqual([
      ['in_review', 'author'],
      ['closed', 'author'],
    ])
    // The co-author hears of every step the reporter does, submission included, because they did not submit it.
    expect(heard).toEqual([['submitted', 'author'], ...authorHeard])
    const emails = await getDb()
      .selectFrom('email_jobs')
      .select('id')
      .where('recipient_id', '=', coAuthor.id)
      .where('kind', '=', 'notification')
      .execute()
    expect(emails.length).toBeGreaterThanOrEqual(heard.length)
  })

  test('a co-author may edit the draft; once removed from the report it is no longer theirs', async () => {
    const request = await formRequest(
      '/reports/new',
      { ...reportFields('Yhteinen luonnos'), coAuthorIds: [coAuthor.id], intent: 'save' },
      { session: author.session },
    )
    const reportId = redirectTarget(await newReport.action({ request, params: {}, context }))!.match(
      /\/reports\/([0-9a-f-]+)/,
    )![1]!
    const save = async (who: Person, fields: Record<string, string | string[]>) =>
      editReport.action({
        request: await formRequest(
          `/reports/${reportId}/edit`,
          { ...fields, intent: 'save' },
          { session: who.session },
        ),
        params: { reportId },
        context,
      })
    expect(
      redirectTarget(
        await save(coAuthor, { ...reportFields('Yhteinen luonnos, täydennetty'), coAuthorIds: [coAuthor.id] }),
      ),
    ).toContain(`/reports/${reportId}/edit`)
    expect(await ownTitles(coAuthor)).toContain('Yhteinen luonnos, täydennetty')
    // The author leaves the co-author out: the draft is no longer theirs to see or edit.
    await save(author, reportFields('Yhteinen luonnos, täydennetty'))
    expect(await ownTitles(coAuthor)).not.toContain('Yhteinen luonnos, täydennetty')
    expect(statusOf(await thrownBy(save(coAuthor, reportFields('Yritys muokata'))))).toBe(404)
  })
})

describe('questions on a report', () => {
  async function post(who: Person, reportId: string, fields: Record<string, string>) {
    const request = await formRequest(`/reports/${reportId}`, fields, { session: who.session })
    return reportPage.action({ request, params: { reportId }, context })
  }
  async function pageFor(who: Person, reportId: string) {
    return payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}`, who.session),
        params: { reportId },
        context,
      }),
    ) as {
      report: { status: string }
      questions: { id: string; question: string; answer: string | null }[]
      events: { type: string; comment: string | null }[]
      mayAsk: boolean
      mayAnswer: boolean
    }
  }

  test('the lead asks, a co-author answers; the status stays and both are in the timeline and notified', async () => {
    const reportId = await writeTeamReport('Kelan päätösten sanamuoto', [coAuthor.id])
    await transition(lead, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    expect((await pageFor(lead, reportId)).mayAsk).toBe(true)
    expect((await pageFor(author, reportId)).mayAsk).toBe(false)

    // Identifying data is refused with 422 and the text typed comes back to the form.
    const refusedText = 'Onko asiakas 131052-308T mukana havainnossa?'
    const refused = await post(lead, reportId, { intent: 'ask', question: refusedText })
    expect(statusOf(refused)).toBe(422)
    expect(payloadOf(refused)).toMatchObject({ ok: false, text: refusedText })
    expect((await pageFor(lead, reportId)).questions).toEqual([])

    const question = 'Kuinka monessa tiimin asiakkaassa tämä näkyi viime kuussa?'
    expect(payloadOf(await post(lead, reportId, { intent: 'ask', question }))).toMatchObject({ ok: true })
    const asked = await pageFor(coAuthor, reportId)
    expect(asked.report.status).toBe('in_review')
    expect(asked.mayAnswer).toBe(true)
    expect(asked.questions).toMatchObject([{ question, answer: null }])
    expect(await ownOpenQuestions(coAuthor)).toEqual([{ title: 'Kelan päätösten sanamuoto', open: 1 }])
    for (const reporter of [author, coAuthor]) {
      expect((await notificationsOf(reporter.id, reportId)).map((n) => n.type)).toContain('question_asked')
    }

    const answer = 'Noin kymmenellä asiakkaalla kuukaudessa.'
    const questionId = asked.questions[0]!.id
    expect(payloadOf(await post(coAuthor, reportId, { intent: 'answer', questionId, answer }))).toMatchObject({
      ok: true,
    })
    const answered = await pageFor(lead, reportId)
    expect(answered.report.status).toBe('in_review')
    expect(answered.questions).toMatchObject([{ question, answer }])
    expect(answered.events.filter((e) => e.type.startsWith('question_')).map((e) => [e.type, e.comment])).toEqual([
      ['question_asked', question],
      ['question_answered', answer],
    ])
    expect(await ownOpenQuestions(coAuthor)).toEqual([])
    expect((await notificationsOf(lead.id, reportId)).map((n) => n.type)).toContain('question_answered')
    expect((await notificationsOf(author.id, reportId)).map((n) => n.type)).toContain('question_answered')
    // Answering twice is refused; nothing is overwritten.
    expect(statusOf(await post(author, reportId, { intent: 'answer', questionId, answer: 'Toinen vastaus' }))).toBe(409)
  })

  test('someone from another organisation gets 404; a worker outside the report cannot ask', async () => {
    const reportId = await writeTeamReport('Nuorten aikuisten tulottomuus', [])
    const otherOrganisationId = (await createOrganisation(getDb())).id
    const stranger = await createUser(getDb(), { organisationId: otherOrganisationId, roles: ['coordinator'] })
    const strangerPerson = { id: stranger.id, name: 'Vieras', session: await signIn(stranger.email) }
    const question = 'Mistä kunnista havainnot ovat?'
    expect(statusOf(await thrownBy(post(strangerPerson, reportId, { intent: 'ask', question })))).toBe(404)
    expect(statusOf(await thrownBy(post(outsider, reportId, { intent: 'ask', question })))).toBe(404)
    expect(statusOf(await thrownBy(post(coAuthor, reportId, { intent: 'ask', question })))).toBe(404)
  })
})

async function ownOpenQuestions(viewer: Person) {
  const listed = payloadOf(
    await reports.loader({ request: await getRequest('/reports', viewer.session), params: {}, context }),
  ) as { openQuestions: { title: string; open: number }[] }
  return listed.openQuestions.map(({ title, open }) => ({ title, open }))
}

describe('response templates', () => {
  test('an admin adds, changes and archives templates; a lead fills a question from one in the author’s language', async () => {
    const admin = await person(['admin'], 'Aino Pääkäyttäjä', [])
    const post = async (fields: Record<string, string>) =>
      adminTemplates.action({
        request: await formRequest('/admin/templates', fields, { session: admin.session }),
        params: {},
        context,
      })
    const listed = async () =>
      (
        payloadOf(
          await adminTemplates.loader({
            request: await getRequest('/admin/templates', admin.session),
            params: {},
            context,
          }),
        ) as { templates: { id: string; name: string; text_fi: string; text_sv: string }[] }
      ).templates

    // Finnish is required; what was typed comes back.
    const refused = await post({ intent: 'create', name: 'Lisätietoa', textSv: 'Kan du berätta mer?' })
    expect(statusOf(refused)).toBe(400)
    expect(payloadOf(refused)).toMatchObject({ values: { textSv: 'Kan du berätta mer?' } })

    await post({ intent: 'create', name: 'Lisätietoa', textFi: 'Voitko kertoa lisää?', textSv: 'Kan du berätta mer?' })
    const [created] = await listed()
    expect(created).toMatchObject({ name: 'Lisätietoa', text_fi: 'Voitko kertoa lisää?' })
    await post({ intent: 'update', templateId: created!.id, name: 'Lisätietoa', textFi: 'Kerrotko lisää?', textSv: '' })
    expect((await listed())[0]).toMatchObject({ text_fi: 'Kerrotko lisää?', text_sv: '' })
    await post({
      intent: 'update',
      templateId: created!.id,
      name: 'Lisätietoa',
      textFi: 'Kerrotko lisää?',
      textSv: 'Berättar du mer?',
    })

    const reportId = await writeTeamReport('Verkkopankkitunnukset puuttuvat', [])
    await getDb().updateTable('users').set({ locale: 'sv' }).where('id', '=', author.id).execute()
    const page = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}?template=${created!.id}`, lead.session),
        params: { reportId },
        context,
      }),
    ) as { responds: { text: string; templates: { name: string }[] } | null }
    await getDb().updateTable('users').set({ locale: 'fi' }).where('id', '=', author.id).execute()
    expect(page.responds).toMatchObject({ text: 'Berättar du mer?', templates: [{ name: 'Lisätietoa' }] })
    const authorsPage = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}?template=${created!.id}`, author.session),
        params: { reportId },
        context,
      }),
    ) as { responds: unknown }
    expect(authorsPage.responds).toBeNull()

    await post({ intent: 'archive', templateId: created!.id })
    expect(await listed()).toEqual([])
  })
})

describe('API', () => {
  async function call(
    route: { loader: unknown; action: unknown },
    path: string,
    options: Parameters<typeof apiRequest>[1],
    params = {},
  ) {
    const request = apiRequest(path, options)
    const handler = (request.method === 'GET' ? route.loader : route.action) as (args: unknown) => Promise<Response>
    const response = await handler({ request, params, context })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  test('a report carries its co-authors and meeting; create and update take them', async () => {
    const token = await apiTokenFor(author, organisationId)
    const created = await call(reportsApi, '/api/v1/reports', {
      token,
      method: 'POST',
      body: { title: 'Työnohjauksessa havaittu', preparedIn: 'supervision', coAuthorIds: [coAuthor.id] },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      preparedIn: 'supervision',
      coAuthors: [{ id: coAuthor.id, name: coAuthor.name }],
    })
    const reportId = String(created.body.id)
    const coAuthorToken = await apiTokenFor(coAuthor, organisationId)
    const patched = await call(
      reportApi,
      `/api/v1/reports/${reportId}`,
      { token: coAuthorToken, method: 'PATCH', body: { title: 'Työnohjauksessa havaittu, täydennetty' } },
      { reportId },
    )
    // A change that leaves co-authors out keeps them.
    expect(patched.body).toMatchObject({
      title: 'Työnohjauksessa havaittu, täydennetty',
      coAuthors: [{ id: coAuthor.id }],
    })
    const cleared = await call(
      reportApi,
      `/api/v1/reports/${reportId}`,
      { token, method: 'PATCH', body: { coAuthorIds: [], preparedIn: null } },
      { reportId },
    )
    expect(cleared.body).toMatchObject({ coAuthors: [], preparedIn: null })
  })
})
