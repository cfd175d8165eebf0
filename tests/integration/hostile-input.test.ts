import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  addCommitteeMember,
  createCommittee,
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
  baseUrl,
  formRequest,
  getRequest,
  payloadOf,
  postRequest,
  statusOf,
  testCsrfToken,
  thrownBy,
} from '#tests/utils.ts'
import { type Role, roles } from '#app/domain/roles.ts'
import { startSession } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

/**
 * Hostile and malformed input gets a 4xx (or a redirect), never a 5xx: every loader and action of every route
 * module is called with the same battery, anonymously and as a user of each role. A row fails when the call
 * answers 5xx or throws anything but a response.
 */

type Params = Record<string, string | undefined>
type Handler = (args: { request: Request; params: Params; context: { clientIp: string } }) => Promise<unknown>
interface RouteModule {
  loader?: Handler
  action?: Handler
}

const routeModules = import.meta.glob<RouteModule>('/app/routes/*.{ts,tsx}', { eager: true })
const context = { clientIp: '192.0.2.77' }

// Some begin with a slash, so that they also reach redirects as a path would.
const hostileText: Record<string, string> = {
  'a NUL byte': '/a\u0000b',
  'a lone surrogate': '/a\uD800b',
  'a path with a line break': '/a\r\nSet-Cookie: b=c',
  'a path beyond Latin-1': '/€',
  'a path a browser reads as another site': '/\t/evil.example',
  '100,000 characters': 'x'.repeat(100_000),
  'control characters': '\u0001\u0008\u001b\u007f',
  'tab and line breaks': '\t/\r\n/',
  'not a uuid': 'not-a-uuid',
  'an empty value': '',
}

const hostileDates: Record<string, string> = {
  'year 0000': '0000-01-01',
  '31 February': '2026-02-31',
  'year 99999': '99999-01-01',
  'no date': 'x',
  'month of year 0000': '0000-01',
  'local time in year 0000': '0000-01-01T12:00',
  'instant in year 0000': '0000-01-01T00:00:00.000Z',
  'local time on 31 February': '2026-02-31T12:00',
}

/** The parameters' own hostile values: one that names no row, and text no id can hold. */
const hostileParams: Record<string, string> = {
  'not a uuid': 'not-a-uuid',
  'the nil uuid': '00000000-0000-0000-0000-000000000000',
  'a NUL byte': `${randomUUID()}\u0000`,
  'a lone surrogate': '\uD800',
  '100,000 characters': 'x'.repeat(100_000),
  'an empty value': '',
}

/** Form fields whose free text is stored, searched or shown. */
const textFields = [
  'title',
  'description',
  'body',
  'comment',
  'name',
  'summary',
  'proposal',
  'text',
  'reason',
  'introduction',
  'names',
  'place',
  'causes',
  'consequences',
  'actionDescription',
  'coveringNote',
  'answer',
  'answeredByName',
  'contactEmail',
  'email',
  'currentPassword',
  'newPassword',
  'confirmPassword',
  'password',
  'redirectTo',
]
const dateFields = ['periodStart', 'periodEnd', 'observedSince', 'startsAt', 'version']
const queryNames = [
  'q',
  'status',
  'positive',
  'page',
  'supportNeed',
  'clientGroup',
  'municipalityId',
  'from',
  'to',
  'period',
  'category',
  'groupBy',
  'exclude',
  'limit',
  'offset',
  'lang',
  'redirectTo',
]

interface Fixture {
  organisationId: string
  users: Record<Role, { id: string }>
  apiTokens: Record<Role, string>
  ids: Record<string, string[]>
  form: Record<string, string | string[]>
}
let fixture: Fixture

beforeAll(async () => {
  const db = getDb()
  const organisation = await createOrganisation(db, 'Vihamielinen alue')
  const team = await createTeam(db, organisation.id, 'Tiimi')
  const municipality = await createMunicipality(db, organisation.id, 'Kunta')
  const committee = await createCommittee(db, organisation.id, 'Lautakunta')
  const user = (role: Role) =>
    createUser(db, { organisationId: organisation.id, roles: [role], teamIds: [team.id], name: `Testi ${role}` })
  const users = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await user(role)]))) as Record<
    Role,
    { id: string }
  >
  await addCommitteeMember(db, { committeeId: committee.id, userId: users.committee_member.id, role: 'chair' })
  const target = await createUser(db, { organisationId: organisation.id, roles: ['worker'], teamIds: [team.id] })
  const report = (status: 'draft' | 'submitted' | 'decided') =>
    createReport(db, {
      organisation_id: organisation.id,
      team_id: team.id,
      author_id: users.worker.id,
      municipality_id: municipality.id,
      status,
      title: `Raportti ${status}`,
      description: 'Vuokrarästit kasautuvat nuorille aikuisille kaikissa kunnissa.',
      support_needs: ['housing'],
      client_groups: ['young_adults'],
      actions: [{ description: 'Lisää asumisneuvontaa', level: 'team' }],
    })
  const [draft, submitted, decided] = [await report('draft'), await report('submitted'), await report('decided')]
  const phenomenon = await createPhenomenon(db, {
    organisationId: organisation.id,
    createdBy: users.coordinator.id,
    reportIds: [submitted.id],
    actions: [{ description: 'Kunnan asuntopolitiikka', level: 'organisation' }],
  })
  const proposedAction = await db
    .selectFrom('proposed_actions')
    .select('id')
    .where('report_id', '=', submitted.id)
    .executeTakeFirstOrThrow()
  const meeting = await db
    .insertInto('meetings')
    .values({
      organisation_id: organisation.id,
      committee_id: committee.id,
      starts_at: new Date('2026-05-20T14:00:00Z'),
      place: 'Sali',
      created_by: users.coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const item = await db
    .insertInto('agenda_items')
    .values({
      organisation_id: organisation.id,
      meeting_id: meeting.id,
      position: 1,
      title: 'Asia',
      summary: 'Tiivistelmä',
      proposal: 'Ehdotus',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const welfareReport = await db
    .insertInto('welfare_reports')
    .values({
      organisation_id: organisation.id,
      title: 'Hyvinvointikertomus',
      period_start: '2025-01-01',
      period_end: '2025-12-31',
      introduction: 'Johdanto',
      created_by: users.coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const section = await db
    .insertInto('welfare_report_sections')
    .values({
      organisation_id: organisation.id,
      welfare_report_id: welfareReport.id,
      position: 1,
      title: 'Asuminen',
      category: 'housing',
      body: 'Teksti',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A working group the worker answers for, and a sending to it, so rows reach the answering code.
  const recipient = await db
    .insertInto('recipients')
    .values({ organisation_id: organisation.id, kind: 'working_group', name: 'Työryhmä' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('recipient_members').values({ recipient_id: recipient.id, user_id: users.worker.id }).execute()
  const sending = await db
    .insertInto('sendings')
    .values({
      organisation_id: organisation.id,
      recipient_id: recipient.id,
      report_id: decided.id,
      sent_by: users.coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A follow-up the worker answers for, concerning the decided report, so updates reach the updating code.
  const followUp = await db
    .insertInto('follow_ups')
    .values({
      organisation_id: organisation.id,
      title: 'Seurattava tehtävä',
      responsible_user_id: users.worker.id,
      decided_on: '2026-05-12',
      target_date: '2027-03-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('follow_up_reports').values({ follow_up_id: followUp.id, report_id: decided.id }).execute()
  const apiTokens = Object.fromEntries(
    await Promise.all(roles.map(async (role) => [role, await apiTokenFor(users[role], organisation.id)])),
  ) as Record<Role, string>

  fixture = {
    organisationId: organisation.id,
    users,
    apiTokens,
    // Real ids for the route parameters, so that rows also reach the code behind the id check.
    ids: {
      reportId: [submitted.id, draft.id, decided.id],
      meetingId: [meeting.id],
      welfareReportId: [welfareReport.id],
      phenomenonId: [phenomenon.id],
      sendingId: [sending.id],
      followUpId: [followUp.id],
      userId: [target.id],
      emailId: [randomUUID()],
      notificationId: [randomUUID()],
      compiledReportId: [randomUUID()],
      organisation: [organisation.id],
      locale: ['fi', 'sv'],
      token: ['unknown-link-token'],
      '*': ['no/such/page'],
    },
    // A plausible value for every field any form of the app has, so that one hostile field is all that is wrong.
    form: {
      title: 'Otsikko',
      description: 'Vuokrarästit kasautuvat nuorille aikuisille kaikissa kunnissa.',
      body: 'Teksti',
      comment: 'Kommentti',
      name: 'Nimi',
      summary: 'Tiivistelmä',
      proposal: 'Ehdotus',
      text: 'Päätös',
      reason: 'Perustelu',
      introduction: 'Johdanto',
      names: 'Matti Meikäläinen',
      place: 'Sali',
      causes: 'Syyt',
      consequences: 'Seuraukset',
      actionDescription: 'Toimenpide',
      email: 'ei-ketaan@example.org',
      currentPassword: 'väärä-nykyinen-salasana',
      newPassword: 'uusi-pitkä-salasana-123',
      confirmPassword: 'uusi-pitkä-salasana-123',
      redirectTo: '/reports',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      observedSince: '2025-01',
      startsAt: '2026-06-01T14:00',
      version: new Date().toISOString(),
      reportId: draft.id,
      phenomenonId: phenomenon.id,
      itemId: item.id,
      sectionId: section.id,
      committeeId: committee.id,
      userId: target.id,
      tokenId: randomUUID(),
      notificationId: randomUUID(),
      proposedActionId: proposedAction.id,
      jobId: randomUUID(),
      id: municipality.id,
      municipalityId: municipality.id,
      reportIds: [decided.id],
      phenomenonIds: [phenomenon.id],
      teamIds: [team.id],
      to: 'in_review',
      expectedStatus: 'submitted',
      resolution: 'resolved_in_team',
      role: 'member',
      roles: ['worker'],
      direction: 'down',
      unit: 'teams',
      locale: 'sv',
      kind: 'report',
      onboarding: 'invitation',
      confirm: 'on',
      active: 'on',
      emailDelivery: 'daily',
      days: '14',
      threshold: '5',
      level: 'team',
      actionLevel: 'team',
      category: 'housing',
      outcome: 'accepted',
      trend: 'growing',
      supportNeeds: ['housing'],
      clientGroups: ['young_adults'],
      ageBands: ['18-29'],
      genders: ['women'],
      sectors: [],
      clientCount: '3',
      clientsParticipated: 'on',
      positive: 'on',
      noIdentifyingDataConfirmed: 'on',
      coveringNote: 'Saate',
      answer: 'Vastaus',
      answeredByName: 'Vastaaja',
      contactEmail: 'kumppani@example.org',
      recipientIds: [recipient.id],
    },
  }
})

/** A route module's URL path and parameter names, read from its file name as Remix's flat routes do. */
function routeShape(file: string): { path: string; paramNames: string[] } {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split(/\.(?![^[]*\])/)
    .map((segment) => segment.replace(/\[(.*?)\]/g, '$1').replace(/_$/, ''))
  const paramNames = segments.filter((s) => s.startsWith('$')).map((s) => (s === '$' ? '*' : s.slice(1)))
  const path = segments
    .filter((s) => s !== '_index')
    .map((s) => (s.startsWith('$') ? `{${s === '$' ? '*' : s.slice(1)}}` : s))
    .join('/')
  return { path: `/${path}`, paramNames }
}

const intentPatterns = [
  /name="intent" value="(\w+)"/g,
  /intent: (?:z\.literal\()?'(\w+)'/g,
  /intent="(\w+)"/g,
  /intent\)? === '(\w+)'/g,
]

/**
 * The intents a route's forms send, read from its source and the app modules it imports (shared forms and their
 * handlers), so a new intent is walked without this table being edited.
 */
function intentsOf(file: string): (string | null)[] {
  const found = new Set<string>()
  const scan = (source: string) => {
    for (const pattern of intentPatterns) for (const match of source.matchAll(pattern)) found.add(match[1]!)
    for (const list of source.matchAll(/intent(?:s = |: z\.enum\()\[([^\]]*)\]/g)) {
      for (const quoted of list[1]!.matchAll(/'(\w+)'/g)) found.add(quoted[1]!)
    }
  }
  const source = readFileSync(`app/routes/${file}`, 'utf8')
  scan(source)
  for (const imported of source.matchAll(/from '#app\/((?:components|utils)\/[\w.-]+)'/g)) {
    const path = `app/${imported[1]}`
    if (existsSync(path)) scan(readFileSync(path, 'utf8'))
  }
  return [null, ...found]
}

interface Caller {
  label: string
  session: string | null
  token: string | null
}

async function signedIn(role: Role): Promise<string> {
  return (await startSession(getDb(), fixture.users[role].id, fixture.organisationId)).split(';')[0]!
}

/** Fresh sessions for every route, since a row may end one (logout) or change its user. */
async function callers(): Promise<Caller[]> {
  const users = await Promise.all(
    roles.map(async (role) => ({ label: role, session: await signedIn(role), token: fixture.apiTokens[role] })),
  )
  return [{ label: 'anonymous', session: null, token: null }, ...users]
}

type Fields = Record<string, string | string[]>

function urlEncoded(fields: Fields, { csrf = true } = {}): URLSearchParams {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item)
  if (csrf) body.append('csrf', testCsrfToken)
  return body
}

function multipart(fields: Fields): FormData {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(key, item)
  body.append('csrf', testCsrfToken)
  return body
}

function withIntent(fields: Fields, intent: string | null): Fields {
  return intent === null ? fields : { ...fields, intent }
}

function replaced(fields: Fields, names: readonly string[], value: string): Fields {
  return { ...fields, ...Object.fromEntries(names.filter((name) => name in fields).map((name) => [name, value])) }
}

interface Row {
  input: string
  call: (caller: Caller) => Promise<unknown>
}

/** The rows of one route module: its loader and action under every input of the battery. */
function rowsFor(file: string, module: RouteModule): Row[] {
  const { path, paramNames } = routeShape(file)
  const isApi = file.startsWith('api.')
  const realParams: Params[] = paramNames.reduce<Params[]>(
    (combinations, name) =>
      combinations.flatMap((params) => fixture.ids[name]!.map((id) => ({ ...params, [name]: id }))),
    [{}],
  )
  // A lone surrogate cannot be percent-encoded; the handler still gets it through params.
  const pathOf = (params: Params) =>
    path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name]!.replace(/\p{Cs}/gu, '\uFFFD')))
  const paramRows: { label: string; params: Params }[] = [
    ...realParams.map((params) => ({ label: 'real ids', params })),
    ...paramNames.flatMap((name) =>
      Object.entries(hostileParams).map(([label, value]) => ({
        label: `param ${name}: ${label}`,
        params: { ...realParams[0], [name]: value },
      })),
    ),
  ]
  const headersFor = (caller: Caller, extra: Record<string, string> = {}) =>
    isApi
      ? { ...(caller.token ? { Authorization: `Bearer ${caller.token}` } : {}), ...extra }
      : { Cookie: caller.session ?? '', ...extra }
  const get =
    (params: Params, query = '') =>
    (caller: Caller) =>
      module.loader!({
        request: new Request(baseUrl + pathOf(params) + query, { headers: headersFor(caller) }),
        params,
        context,
      })
  const rows: Row[] = []

  if (module.loader) {
    const queries: [string, string][] = [
      ['no query', ''],
      ...[...Object.entries(hostileText), ...Object.entries(hostileDates)].map(([label, value]): [string, string] => [
        `every query parameter ${label}`,
        `?${new URLSearchParams(queryNames.map((name) => [name, value]))}`,
      ]),
      ['duplicate query parameters', `?${queryNames.map((name) => `${name}=1&${name}=2`).join('&')}`],
      ['a broken percent escape', '?q=%&from=%ZZ&page=%'],
      ['an encoded NUL byte', '?q=%00&from=%00&redirectTo=%00'],
      ['an encoded lone surrogate', '?q=%ED%A0%80&status=%ED%A0%80'],
      ['huge numbers', '?page=99999999999999999999&offset=1e308&limit=-1&period=1e999'],
    ]
    for (const [label, query] of queries) rows.push({ input: `GET ${label}`, call: get(realParams[0]!, query) })
    for (const { label, params } of paramRows.slice(1)) rows.push({ input: `GET ${label}`, call: get(params) })
  }

  if (module.action && isApi) {
    const reportContent = {
      title: 'Otsikko',
      description: 'Vuokrarästit kasautuvat nuorille aikuisille kaikissa kunnissa.',
      observedSince: '2025-01',
      supportNeeds: ['housing'],
      clientGroups: ['young_adults'],
      municipalityId: fixture.form.municipalityId,
      causes: 'Syyt',
      actions: [{ description: 'Toimenpide', level: 'team' }],
    }
    const transition = { to: 'in_review', expectedStatus: 'submitted', comment: 'Kommentti' }
    const deep = (open: string, close: string, inner = '1') => open.repeat(10_000) + inner + close.repeat(10_000)
    const bodies: [string, string | null, string | null][] = [
      ['a report', JSON.stringify(reportContent), 'application/json'],
      ['a transition', JSON.stringify(transition), 'application/json'],
      ['10,000 nested arrays', deep('[', ']'), 'application/json'],
      ['10,000 nested objects', deep('{"a":', '}'), 'application/json'],
      ['10,000 nested arrays in a field', `{"title":${deep('[', ']')}}`, 'application/json'],
      ['10,000 nested objects in a field', `{"actions":${deep('[{"description":', '}]', '"x"')}}`, 'application/json'],
      [
        'duplicate keys',
        '{"title":"a","title":"b","to":"closed","to":"in_review","expectedStatus":"submitted"}',
        'application/json',
      ],
      ['a date in year 0000', JSON.stringify({ ...reportContent, observedSince: '0000-01' }), 'application/json'],
      ['an impossible month', JSON.stringify({ ...reportContent, observedSince: '99999-13' }), 'application/json'],
      ['a NUL byte escaped', JSON.stringify({ ...reportContent, title: 'a\u0000b' }), 'application/json'],
      ['a NUL byte in a transition', JSON.stringify({ ...transition, comment: 'a\u0000b' }), 'application/json'],
      ['a lone surrogate escaped', '{"title":"a\\ud800b","comment":"\\udfff"}', 'application/json'],
      ['a NUL byte in a key', '{"ti\\u0000tle":"x"}', 'application/json'],
      [
        '100,000 characters',
        JSON.stringify({ ...reportContent, description: 'x'.repeat(100_000) }),
        'application/json',
      ],
      ['not JSON', '{"title":', 'application/json'],
      ['JSON null', 'null', 'application/json'],
      ['a JSON string', '"x"', 'application/json'],
      ['a huge number', '{"clientCount":1e999}', 'application/json'],
      ['an empty body', '', 'application/json'],
      ['no body', null, null],
      ['JSON as text/plain', JSON.stringify(reportContent), 'text/plain'],
      ['a form body', 'title=x', 'application/x-www-form-urlencoded'],
      ['garbage multipart', '--x\r\ngarbage', 'multipart/form-data; boundary=x'],
    ]
    const send =
      (method: string, params: Params, body: string | null, contentType: string | null) => (caller: Caller) =>
        module.action!({
          request: new Request(baseUrl + pathOf(params), {
            method,
            body,
            headers: headersFor(caller, contentType ? { 'Content-Type': contentType } : {}),
          }),
          params,
          context,
        })
    for (const method of ['POST', 'PATCH', 'PUT']) {
      for (const [label, body, contentType] of bodies) {
        rows.push({ input: `${method} ${label}`, call: send(method, realParams[0]!, body, contentType) })
      }
      for (const { label, params } of paramRows.slice(realParams.length)) {
        rows.push({
          input: `${method} a report (${label})`,
          call: send(method, params, JSON.stringify(reportContent), 'application/json'),
        })
      }
    }
  } else if (module.action) {
    const posted =
      (params: Params, body: BodyInit | null, contentType: string | null, csrf = true) =>
      async (caller: Caller) =>
        module.action!({
          request: await postRequest(pathOf(params), { session: caller.session, csrf, body, contentType }),
          params,
          context,
        })
    const intents = intentsOf(file)
    const base = withIntent(fixture.form, intents.at(-1)!)
    const encoded = urlEncoded(base).toString()
    const bodies: [string, BodyInit | null, string | null, boolean?][] = [
      ['a JSON body', JSON.stringify(Object.fromEntries(urlEncoded(base))), 'application/json'],
      ['a text/plain body', encoded, 'text/plain'],
      ['multipart without a boundary', encoded, 'multipart/form-data'],
      ['garbage multipart', '--x\r\nContent-Disposition: garbage\r\n\r\n\u0000', 'multipart/form-data; boundary=x'],
      [
        'an unterminated multipart',
        `--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${testCsrfToken}`,
        'multipart/form-data; boundary=x',
      ],
      ['no content type', new TextEncoder().encode(encoded), null],
      ['an empty form body', '', 'application/x-www-form-urlencoded'],
      ['no body', null, null],
      ['no body with a form content type', null, 'application/x-www-form-urlencoded'],
      ['a form content type in odd case', encoded, 'Application/X-WWW-Form-Urlencoded; Charset=UTF-8'],
      [
        'no CSRF cookie and 1 MB',
        urlEncoded({ ...base, body: 'x'.repeat(1_000_000) }).toString(),
        'application/x-www-form-urlencoded',
        false,
      ],
    ]
    for (const [label, body, contentType, csrf = true] of bodies) {
      rows.push({ input: `POST ${label}`, call: posted(realParams[0]!, body, contentType, csrf) })
    }
    for (const { label, params } of paramRows) {
      for (const intent of intents) {
        const fields = withIntent(fixture.form, intent)
        const inputs: [string, Fields | FormData][] = [
          ...Object.entries(hostileText).map(([value, text]): [string, Fields] => [
            `text fields ${value}`,
            replaced(fields, textFields, text),
          ]),
          ...Object.entries(hostileDates).map(([value, date]): [string, Fields] => [
            `date fields ${value}`,
            replaced(fields, dateFields, date),
          ]),
          ...Object.entries({ ...hostileText, ...hostileDates })
            .filter(([value]) => value !== '100,000 characters')
            .map(([value, text]): [string, Fields] => [
              `every field ${value}`,
              replaced(fields, Object.keys(fields), text),
            ]),
          [
            'every field twice',
            Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, [value, value].flat()])),
          ],
          ['multipart with a NUL byte in text fields', multipart(replaced(fields, textFields, 'a\u0000b'))],
          ['multipart with a file in every field', fileInEveryField(fields)],
        ]
        // Hostile parameters are tried with the plain form only; the real ids carry the whole battery.
        const forParams = label === 'real ids' ? inputs : [['the plain form', fields] as [string, Fields]]
        for (const [input, body] of forParams) {
          rows.push({
            input: `POST intent ${intent ?? '(none)'}, ${input}${paramNames.length > 0 ? ` (${label})` : ''}`,
            call: posted(
              params,
              body instanceof FormData ? body : urlEncoded(body),
              body instanceof FormData ? null : 'application/x-www-form-urlencoded',
            ),
          })
        }
      }
    }
  }
  return rows
}

function fileInEveryField(fields: Fields): FormData {
  const body = new FormData()
  for (const key of Object.keys(fields)) body.append(key, new File(['a\u0000b'], 'liite.txt', { type: 'text/plain' }))
  body.append('csrf', testCsrfToken)
  return body
}

/** Why a row failed, or null when the answer was a 4xx, a redirect or success. */
async function failureOf(call: () => Promise<unknown>): Promise<string | null> {
  let status: number
  try {
    status = statusOf(await call())
  } catch (thrown) {
    if (thrown instanceof Error) return `threw ${thrown.name}: ${thrown.message.slice(0, 300)}`
    status = statusOf(thrown)
  }
  return status >= 500 ? `answered ${status}` : null
}

const files = readdirSync('app/routes').sort()
const route = (file: string) => routeModules[`/app/routes/${file}`]!

describe('hostile and malformed input gets a 4xx, never a 5xx', () => {
  test('every route module is walked', () => {
    expect(
      Object.keys(routeModules)
        .map((key) => key.replace('/app/routes/', ''))
        .sort(),
    ).toEqual(files)
  })

  for (const file of files) {
    test(file, { timeout: 600_000 }, async () => {
      const rows = rowsFor(file, route(file))
      const failures: string[] = []
      for (const caller of await callers()) {
        for (const row of rows) {
          const failure = await failureOf(() => row.call(caller))
          if (failure) failures.push(`${file} as ${caller.label}, ${row.input}: ${failure}`)
        }
      }
      expect(failures).toEqual([])
    })
  }
})

describe('how malformed input is answered', () => {
  test('a body that is no form gets 415, one that does not parse 400, and none is read without the CSRF cookie', async () => {
    const session = await signedIn('worker')
    const post = async (body: BodyInit, contentType: string, csrf = true) => {
      const request = await postRequest('/settings', { session, csrf, body, contentType })
      return {
        status: statusOf(await thrownBy(route('settings.tsx').action!({ request, params: {}, context }))),
        request,
      }
    }
    const json = await post(JSON.stringify({ csrf: testCsrfToken, name: 'Nimi' }), 'application/json')
    expect(json.status).toBe(415)
    expect((await post('--x\r\ngarbage', 'multipart/form-data; boundary=x')).status).toBe(400)
    const withoutCookie = await post(`name=${'x'.repeat(1_000_000)}`, 'application/x-www-form-urlencoded', false)
    expect(withoutCookie.status).toBe(403)
    expect(withoutCookie.request.bodyUsed).toBe(false)
  })

  test('text that cannot be stored is a field error in the form, and what was typed comes back', async () => {
    const request = await formRequest('/forgot-password', { email: 'matti\u0000@example.org' })
    const result = await route('forgot-password.tsx').action!({ request, params: {}, context })
    expect(statusOf(result)).toBe(400)
    expect(payloadOf(result)).toMatchObject({
      fieldErrors: { email: 'validation.unstorableText' },
      values: { email: 'matti\u0000@example.org' },
    })
  })

  test('a query string with text that cannot be stored is a 400 on a page and a 422 naming it in the API', async () => {
    const page = await getRequest('/reports?q=%00', await signedIn('worker'))
    expect(statusOf(await thrownBy(route('reports._index.tsx').loader!({ request: page, params: {}, context })))).toBe(
      400,
    )
    const api = apiRequest('/api/v1/reports?status=%00', { token: fixture.apiTokens.worker })
    const answer = (await route('api.v1.reports.ts').loader!({ request: api, params: {}, context })) as Response
    expect(answer.status).toBe(422)
    expect((await answer.json()).errors).toEqual([
      { field: 'status', code: 'validation.unstorableText', message: expect.any(String) },
    ])
  })

  test('a JSON body is refused when it holds text that cannot be stored or nests too deep', async () => {
    const post = async (body: string) => {
      const request = apiRequest('/api/v1/reports', { token: fixture.apiTokens.worker, method: 'POST', body })
      const answer = (await route('api.v1.reports.ts').action!({ request, params: {}, context })) as Response
      return { status: answer.status, body: await answer.json() }
    }
    const nul = await post(JSON.stringify({ title: 'x', actions: [{ description: 'a\u0000b', level: 'team' }] }))
    expect(nul.status).toBe(422)
    expect(nul.body.errors[0]).toMatchObject({ field: 'actions.0.description', code: 'validation.unstorableText' })
    const surrogate = await post('{"title":"\\ud800"}')
    expect(surrogate.status).toBe(422)
    const deep = await post(`{"title":"x","actions":${'['.repeat(10_000)}${']'.repeat(10_000)}}`)
    expect(deep.status).toBe(400)
    expect(deep.body.detail).toContain('32')
  })

  test('a date outside the calendar or the plausible years is a field error, or no filter in a list', async () => {
    const session = await signedIn('worker')
    for (const [observedSince, message] of [
      ['0000-01', 'validation.dateYears'],
      ['2026-13', 'report.validation.month'],
    ] as const) {
      const request = await formRequest('/reports/new', { title: 'Otsikko', observedSince }, { session })
      const result = await route('reports.new.tsx').action!({ request, params: {}, context })
      expect(statusOf(result)).toBe(400)
      expect(payloadOf(result).fieldErrors).toEqual({ observedSince: message })
    }
    const review = await getRequest('/review?from=0000-01-01&to=2026-02-31', await signedIn('team_lead'))
    const loaded = payloadOf(await route('review.tsx').loader!({ request: review, params: {}, context }))
    expect(loaded.filters).toMatchObject({ from: null, to: null })
  })

  test('only readProtectedForm reads a request body as a form', () => {
    const readers = readdirSync('app', { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.tsx?$/.test(path) && readFileSync(`app/${path}`, 'utf8').includes('.formData()'))
      .filter((path) => !path.endsWith('.test.ts'))
    // The report form's client action runs in the browser and reads the form it is about to send, not a request.
    expect(readers.sort()).toEqual(['components/report-form.tsx', 'utils/csrf.server.ts'])
  })
})
