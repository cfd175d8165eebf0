import { beforeAll, describe, expect, test } from 'vitest'
import {
  createCommittee,
  createMunicipality,
  createOrganisation,
  createTeam,
  createUser,
} from '#tests/factories/index.ts'
import { formRequest, getRequest, payloadOf, redirectTarget, signIn, statusOf, thrownBy } from '#tests/utils.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getUserInOrganisation } from '#app/models/user.server.ts'
import { ReportContentSchema } from '#app/domain/report-form.ts'
import { isEditable } from '#app/domain/report-status.ts'
import { reportStatuses } from '#app/models/database.ts'
import { applyTransition, saveReportContent } from '#app/services/reports.server.ts'
import * as newReport from '#app/routes/reports.new.tsx'
import * as editReport from '#app/routes/reports.$reportId_.edit.tsx'
import * as reportPage from '#app/routes/reports.$reportId.tsx'
import * as phenomenonPage from '#app/routes/phenomena.$phenomenonId.tsx'

const context = { clientIp: '192.0.2.20' }
let organisationId: string
let municipalityIds: string[]
let worker: { id: string; session: string }
let otherWorker: { id: string; session: string }
let lead: { id: string; session: string }
let secondLead: { id: string; session: string }
let committeeId: string

const completeReport = () => ({
  title: 'Nuorten aikuisten ensimmäinen vuokra-asunto on vaarassa',
  description:
    'Havainnot:\n\n- vuokrarästit kertyvät ensimmäisen vuoden aikana\n- vuokrasopimuksen ehdot ovat vieraita',
  observedSince: '2026-01',
  supportNeeds: ['housing', 'financial'],
  clientGroups: ['young_adults'],
  ageBands: ['18-29'],
  genders: [],
  clientCount: '12',
  trend: 'growing',
  municipalityId: municipalityIds[0]!,
  sectors: ['housing'],
  causes: 'Raha-asioiden hoidon taidot puuttuvat.',
  consequences: 'Häätö ja luottotietojen menetys.',
  actionDescription: ['Asumisinfot yhdessä vuokrataloyhtiön kanssa.'],
  actionLevel: ['organisation'],
  noIdentifyingDataConfirmed: 'on',
})

async function person(roles: ('worker' | 'team_lead')[], teamIds: string[]) {
  const user = await createUser(getDb(), { organisationId, roles, teamIds })
  return { id: user.id, session: await signIn(user.email) }
}

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db)
  organisationId = organisation.id
  municipalityIds = [
    (await createMunicipality(db, organisationId, 'Vaasa')).id,
    (await createMunicipality(db, organisationId, 'Kaskinen')).id,
  ]
  const teamA = await createTeam(db, organisationId, 'Tiimi A')
  const teamB = await createTeam(db, organisationId, 'Tiimi B')
  worker = await person(['worker'], [teamA.id])
  otherWorker = await person(['worker'], [teamB.id])
  lead = await person(['team_lead'], [teamA.id, teamB.id])
  secondLead = await person(['team_lead'], [teamA.id])
  committeeId = (await createCommittee(db, organisationId, 'Perusturvalautakunta')).id
})

async function post(
  path: string,
  session: string,
  fields: Record<string, string | string[]>,
  params: Record<string, string> = {},
) {
  const request = await formRequest(path, fields, { session })
  if (path === '/reports/new') return newReport.action({ request, params, context })
  if (path.endsWith('/edit')) return editReport.action({ request, params, context })
  return reportPage.action({ request, params, context })
}

async function submitNewReport(session: string, fields = completeReport()) {
  const response = await post('/reports/new', session, { ...fields, intent: 'submit' })
  expect(statusOf(response)).toBe(302)
  return redirectTarget(response)!.match(/\/reports\/([0-9a-f-]+)/)![1]!
}

/** Sends what the page's transition form sends: the comment box always, empty unless filled in. */
async function transition(session: string, reportId: string, fields: Record<string, string>) {
  return post(`/reports/${reportId}`, session, { intent: 'transition', comment: '', ...fields }, { reportId })
}

async function statusOfReport(reportId: string) {
  return (await getDb().selectFrom('reports').select('status').where('id', '=', reportId).executeTakeFirstOrThrow())
    .status
}

describe('writing a report', () => {
  test('a draft saves with only a title, and the edit page shows everything typed', async () => {
    const response = await post('/reports/new', worker.session, {
      ...completeReport(),
      intent: 'save',
      noIdentifyingDataConfirmed: '',
    })
    const target = redirectTarget(response)!
    expect(target).toMatch(/\/reports\/[0-9a-f-]+\/edit\?saved=1$/)
    const reportId = target.split('/')[2]!
    const loaded = payloadOf(
      await editReport.loader({ request: await getRequest(target, worker.session), params: { reportId }, context }),
    )
    expect(loaded.status).toBe('draft')
    expect(loaded.values).toMatchObject({
      title: completeReport().title,
      observedSince: '2026-01',
      supportNeeds: ['housing', 'financial'],
      clientCount: '12',
      actionDescription: ['Asumisinfot yhdessä vuokrataloyhtiön kanssa.'],
      actionLevel: ['organisation'],
    })
  })

  test('submitting an incomplete report names each missing part and keeps every value', async () => {
    const result = await post('/reports/new', worker.session, {
      title: 'Puolivalmis',
      description: 'Lyhyt',
      intent: 'submit',
      actionDescription: [''],
      actionLevel: ['team'],
      causes: 'Tämä teksti ei saa kadota',
    })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result).fieldErrors).toEqual({
      description: 'report.validation.descriptionRequired',
      supportNeeds: 'report.validation.supportNeedsRequired',
      clientGroups: 'report.validation.clientGroupsRequired',
      actions: 'report.validation.actionRequired',
      noIdentifyingDataConfirmed: 'report.validation.confirmRequired',
    })
    expect(payloadOf(result).values).toMatchObject({ title: 'Puolivalmis', causes: 'Tämä teksti ei saa kadota' })
  })

  test('identifying data blocks submission, quoting the fragment and keeping the text', async () => {
    const fields = {
      ...completeReport(),
      description: 'Asiakas 131052-308T soitti numerosta 040 123 4567 useita kertoja viikossa.',
    }
    const result = await post('/reports/new', worker.session, { ...fields, intent: 'submit' })
    expect(statusOf(result)).toBe(422)
    expect(payloadOf(result).findings).toEqual([
      { field: 'description', kind: 'personal_identity_code', fragment: '131052-308T' },
      { field: 'description', kind: 'phone_number', fragment: '040 123 4567' },
    ])
    expect(payloadOf(result).values.description).toBe(fields.description)
    expect(
      await getDb().selectFrom('reports').select('id').where('description', '=', fields.description).execute(),
    ).toEqual([])
  })

  test('a draft with identifying data is not saved; names from the organisation list count too', async () => {
    await getDb()
      .updateTable('organisations')
      .set({ identifying_names: ['Virtanen'] })
      .where('id', '=', organisationId)
      .execute()
    const response = await post('/reports/new', worker.session, {
      ...completeReport(),
      title: 'Perhe Virtanen',
      intent: 'save',
    })
    expect(statusOf(response)).toBe(422)
    expect(payloadOf(response).findings).toEqual([{ field: 'title', kind: 'name', fragment: 'Virtanen' }])
    expect(payloadOf(response).values.title).toBe('Perhe Virtanen')
    expect(await getDb().selectFrom('reports').select('id').where('title', '=', 'Perhe Virtanen').execute()).toEqual([])
  })

  test('Markdown is rendered without anything executable', async () => {
    const reportId = await submitNewReport(worker.session, {
      ...completeReport(),
      description: 'Havainnot:\n\n- ensimmäinen\n- toinen <script>alert(1)</script> [x](javascript:alert(1))',
    })
    const page = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}`, worker.session),
        params: { reportId },
        context,
      }),
    )
    expect(page.descriptionHtml).toContain('<li>ensimmäinen</li>')
    expect(page.descriptionHtml).not.toMatch(/script|javascript:/)
  })
})

describe('the lifecycle', () => {
  test('submit, review, request changes, resubmit, link to a phenomenon, forward — all on the timeline', async () => {
    const reportId = await submitNewReport(worker.session)
    expect(await statusOfReport(reportId)).toBe('submitted')

    expect(
      statusOf(await thrownBy(transition(worker.session, reportId, { to: 'in_review', expectedStatus: 'submitted' }))),
    ).toBe(403)
    expect(
      payloadOf(await transition(lead.session, reportId, { to: 'in_review', expectedStatus: 'submitted' })).ok,
    ).toBe(true)

    const noComment = await transition(lead.session, reportId, { to: 'changes_requested', expectedStatus: 'in_review' })
    expect(statusOf(noComment)).toBe(400)
    // The error names the form that was sent, so only its comment box is marked, not every comment box on the page.
    expect(payloadOf(noComment)).toMatchObject({
      field: 'comment',
      message: 'report.transition.commentRequired',
      sentTo: 'changes_requested',
    })
    await transition(lead.session, reportId, {
      to: 'changes_requested',
      expectedStatus: 'in_review',
      comment: 'Kuinka monta asiakasta?',
    })
    expect(await statusOfReport(reportId)).toBe('changes_requested')

    const resubmit = await post(
      `/reports/${reportId}/edit`,
      worker.session,
      { ...completeReport(), clientCount: '20', intent: 'submit' },
      { reportId },
    )
    expect(redirectTarget(resubmit)).toBe(`/reports/${reportId}?submitted=1`)
    await transition(lead.session, reportId, { to: 'in_review', expectedStatus: 'submitted' })

    expect(
      payloadOf(
        await post(
          `/reports/${reportId}`,
          lead.session,
          { intent: 'create', title: 'Ensimmäinen vuokra-asunto' },
          { reportId },
        ),
      ).ok,
    ).toBe(true)
    const withoutCommittee = await transition(lead.session, reportId, { to: 'forwarded', expectedStatus: 'in_review' })
    expect(payloadOf(withoutCommittee)).toMatchObject({ field: 'committeeId' })
    await transition(lead.session, reportId, {
      to: 'forwarded',
      expectedStatus: 'in_review',
      committeeId,
      comment: 'Toistuva ilmiö.',
    })

    const page = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}`, worker.session),
        params: { reportId },
        context,
      }),
    )
    expect(page.report.status).toBe('forwarded')
    expect(page.report.committee_name).toBe('Perusturvalautakunta')
    expect(page.events.map((e: { type: string; to_status: string | null }) => e.to_status ?? e.type)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'changes_requested',
      'submitted',
      'in_review',
      'phenomenon_linked',
      'forwarded',
    ])
    expect(page.events.find((e: { to_status: string | null }) => e.to_status === 'changes_requested').comment).toBe(
      'Kuinka monta asiakasta?',
    )
    expect(page.transitions).toEqual([])
  })

  test('closing needs a resolution and a reason, and the reporter sees both', async () => {
    const reportId = await submitNewReport(worker.session)
    await transition(lead.session, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    const missing = await transition(lead.session, reportId, {
      to: 'closed',
      expectedStatus: 'in_review',
      comment: 'Hoidettu',
    })
    expect(payloadOf(missing)).toMatchObject({ field: 'resolution' })
    await transition(lead.session, reportId, {
      to: 'closed',
      expectedStatus: 'in_review',
      resolution: 'resolved_in_team',
      comment: 'Sovittu tiimissä.',
    })
    const page = payloadOf(
      await reportPage.loader({
        request: await getRequest(`/reports/${reportId}`, worker.session),
        params: { reportId },
        context,
      }),
    )
    expect(page.events.at(-1)).toMatchObject({
      to_status: 'closed',
      resolution: 'resolved_in_team',
      comment: 'Sovittu tiimissä.',
    })
  })

  test('a stale form gets 409 with the current status, and nothing is overwritten', async () => {
    const reportId = await submitNewReport(worker.session)
    await transition(lead.session, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    const stale = await transition(secondLead.session, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    expect(statusOf(stale)).toBe(409)
    expect(payloadOf(stale)).toMatchObject({ error: 'conflict', currentStatus: 'in_review' })
  })

  test('two leads acting at once: exactly one wins', async () => {
    const reportId = await submitNewReport(worker.session)
    const [first, second] = await Promise.all(
      [lead, secondLead].map(async (person) => {
        const user = (await getUserInOrganisation(getDb(), person.id, organisationId))!
        return applyTransition(user, {
          reportId,
          to: 'in_review',
          expectedStatus: 'submitted',
          comment: '',
          resolution: null,
          committeeId: null,
          phenomenonId: null,
        })
      }),
    )
    const outcomes = [first!, second!]
    expect(outcomes.filter((result) => result.ok)).toHaveLength(1)
    expect(outcomes.filter((result) => !result.ok && result.reason === 'stale')).toHaveLength(1)
    const events = await getDb()
      .selectFrom('report_events')
      .select('id')
      .where('report_id', '=', reportId)
      .where('to_status', '=', 'in_review')
      .execute()
    expect(events).toHaveLength(1)
  })

  test('the author withdraws before forwarding; another worker cannot even see the report', async () => {
    const reportId = await submitNewReport(worker.session)
    expect(
      statusOf(
        await thrownBy(transition(otherWorker.session, reportId, { to: 'withdrawn', expectedStatus: 'submitted' })),
      ),
    ).toBe(404)
    await transition(worker.session, reportId, { to: 'withdrawn', expectedStatus: 'submitted', confirmed: 'yes' })
    expect(await statusOfReport(reportId)).toBe('withdrawn')
  })

  test('withdrawing asks first in words, and the reporter who withdrew is not told they will be told', async () => {
    const reportId = await submitNewReport(worker.session)
    const asked = await transition(worker.session, reportId, { to: 'withdrawn', expectedStatus: 'submitted' })
    expect(statusOf(asked)).toBe(200)
    expect(payloadOf(asked)).toMatchObject({
      ok: false,
      error: 'confirm',
      confirmation: {
        message: 'report.withdraw.confirm',
        yes: 'report.withdraw.yes',
        intent: 'transition',
        fields: expect.arrayContaining([
          ['to', 'withdrawn'],
          ['expectedStatus', 'submitted'],
        ]),
      },
    })
    expect(await statusOfReport(reportId)).toBe('submitted')

    const done = await transition(worker.session, reportId, {
      to: 'withdrawn',
      expectedStatus: 'submitted',
      confirmed: 'yes',
    })
    expect(payloadOf(done)).toEqual({ ok: true, done: 'report.withdraw.done' })
    expect(await statusOfReport(reportId)).toBe('withdrawn')
  })

  test('a step the reporter takes is "saved"; a step someone else takes tells the reporter', async () => {
    const reportId = await submitNewReport(worker.session)
    const taken = await transition(lead.session, reportId, { to: 'in_review', expectedStatus: 'submitted' })
    expect(payloadOf(taken)).toEqual({ ok: true, done: 'report.transition.done' })
  })

  test('events cannot be changed or deleted, even directly in the database', async () => {
    const reportId = await submitNewReport(worker.session)
    await expect(
      getDb().updateTable('report_events').set({ comment: 'muutettu' }).where('report_id', '=', reportId).execute(),
    ).rejects.toThrow(/immutable/)
    await expect(getDb().deleteFrom('report_events').where('report_id', '=', reportId).execute()).rejects.toThrow(
      /immutable/,
    )
  })
})

describe('phenomena', () => {
  test('shows how many reports, teams and municipalities stand behind it; unlinking is recorded', async () => {
    const first = await submitNewReport(worker.session)
    const second = await submitNewReport(otherWorker.session, {
      ...completeReport(),
      municipalityId: municipalityIds[1]!,
    })
    await post(`/reports/${first}`, lead.session, { intent: 'create', title: 'Vuokrarästit' }, { reportId: first })
    const phenomenonId = (
      await getDb().selectFrom('phenomena').select('id').where('title', '=', 'Vuokrarästit').executeTakeFirstOrThrow()
    ).id
    await post(`/reports/${second}`, lead.session, { intent: 'link', phenomenonId }, { reportId: second })
    const loaded = payloadOf(
      await phenomenonPage.loader({
        request: await getRequest(`/phenomena/${phenomenonId}`, lead.session),
        params: { phenomenonId },
        context,
      }),
    )
    expect(loaded.phenomenon).toMatchObject({
      report_count: 2,
      team_count: 2,
      municipality_count: 2,
      first_observed: '2026-01-01',
    })

    await post(`/reports/${second}`, lead.session, { intent: 'unlink', phenomenonId }, { reportId: second })
    const events = await getDb()
      .selectFrom('report_events')
      .select('type')
      .where('report_id', '=', second)
      .where('phenomenon_id', '=', phenomenonId)
      .execute()
    expect(events.map((e) => e.type)).toEqual(['phenomenon_linked', 'phenomenon_unlinked'])
  })
})

describe('linking to a phenomenon', () => {
  test('nothing is chosen for the lead: linking without choosing asks to choose and links nothing', async () => {
    const reportId = await submitNewReport(worker.session)
    const answer = await post(`/reports/${reportId}`, lead.session, { intent: 'link', phenomenonId: '' }, { reportId })
    expect(statusOf(answer)).toBe(400)
    expect(payloadOf(answer)).toMatchObject({ field: 'phenomenonId', message: 'phenomenon.validation.choose' })
    const links = await getDb().selectFrom('phenomenon_reports').where('report_id', '=', reportId).execute()
    expect(links).toEqual([])
  })
})

describe('editing', () => {
  // The editable statuses live in the domain; the write must refuse every other status, whatever the page offers.
  test.each(reportStatuses)('the author saving a report in status %s', async (status) => {
    const author = (await getUserInOrganisation(getDb(), worker.id, organisationId))!
    const draft = ReportContentSchema.parse({ title: 'Alkuperäinen otsikko' })
    const created = await saveReportContent(author, { reportId: null, content: draft })
    if (!created.ok) throw new Error('the draft was not created')
    const reportId = created.reportId
    await getDb().updateTable('reports').set({ status }).where('id', '=', reportId).execute()

    const saved = await saveReportContent(author, { reportId, content: { ...draft, title: 'Muutettu otsikko' } })
    const stored = await getDb()
      .selectFrom('reports')
      .select('title')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow()
    if (isEditable(status)) {
      expect(saved).toMatchObject({ ok: true, reportId })
      expect(stored.title).toBe('Muutettu otsikko')
    } else {
      expect(saved).toEqual({ ok: false, reason: 'not_editable' })
      expect(stored.title).toBe('Alkuperäinen otsikko')
    }
  })
})
