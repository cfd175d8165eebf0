import { z } from 'zod'
import { ObservationSchema } from '#app/domain/shared-picture.ts'
import { ApiFollowUpUpdateSchema, followUpStatuses } from '#app/domain/follow-ups.ts'
import { notificationReasons } from '#app/domain/notifications.ts'
import { actionLevels, supportNeeds } from '#app/domain/report-fields.ts'
import { ReportContentSchema } from '#app/domain/report-form.ts'
import { resolutions, TransitionRequestSchema } from '#app/domain/report-status.ts'
import { roles } from '#app/domain/roles.ts'
import { recipientKinds } from '#app/domain/recipients.ts'
import { SendRequestSchema, sendingStates } from '#app/domain/sendings.ts'
import { statisticsDimensions, StatisticsFilterSchema } from '#app/domain/statistics.ts'
import { welfareSectionKinds } from '#app/domain/welfare-report.ts'
import { actionOutcomes, agendaDecisions, reportEventTypes, reportStatuses } from '#app/models/database.ts'
import {
  ApiCompiledReportCommentInputSchema,
  ApiCompiledReportCommentSchema,
  ApiCompiledReportListSchema,
  ApiCompiledReportSchema,
} from './api-compiled-reports.server.ts'
import { locales } from './i18n.ts'

/**
 * The contract of the integration API v1. Requests are read with these schemas and responses are built to
 * match them, and the OpenAPI document is generated from them, so the description cannot drift from the code.
 */

const Id = z.uuid()
const Timestamp = z.iso.datetime({ offset: true })
const Named = z.object({ id: Id, name: z.string() })
const Status = z.enum(reportStatuses)

/** Unknown fields are refused rather than silently ignored, so a misspelt field name is noticed. */
export const ApiReportInputSchema = ReportContentSchema.strict()
export const ApiTransitionInputSchema = TransitionRequestSchema.strict()

/** How every list is paged: `limit` rows from `offset`; the answer says whether more follow (`hasMore`). */
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}

export const ApiReportListQuerySchema = z.object({ status: Status.optional(), ...pageQuery })

export const ApiReportSummarySchema = z.object({
  id: Id,
  title: z.string(),
  status: Status,
  positive: z.boolean(),
  municipality: z.string().nullable(),
  team: z.string().nullable(),
  createdAt: Timestamp,
  submittedAt: Timestamp.nullable(),
})

export const ApiReportListSchema = z.object({
  reports: z.array(ApiReportSummarySchema),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
})

export const ApiReportSchema = ReportContentSchema.extend({
  id: Id,
  status: Status,
  author: Named,
  coAuthors: z.array(Named).describe('Team members who prepared the report with its author; set with `coAuthorIds`.'),
  team: Named.nullable(),
  municipalityName: z.string().nullable(),
  committee: Named.nullable(),
  phenomena: z.array(z.object({ id: Id, title: z.string() })),
  identifyingDataFindings: z
    .array(z.object({ field: z.string(), kind: z.string(), fragment: z.string() }))
    .describe('Text that looks client-identifying; a report with findings cannot be submitted.'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
})

export const ApiEventSchema = z.object({
  id: Id,
  type: z.enum(reportEventTypes),
  fromStatus: Status.nullable(),
  toStatus: Status.nullable(),
  comment: z.string().nullable(),
  resolution: z.enum(resolutions).nullable(),
  actor: z.object({ name: z.string() }),
  committee: z.string().nullable(),
  committeeSv: z
    .string()
    .nullable()
    .describe('The committee’s Swedish name, for readers using Swedish in bilingual areas; null when it has none.'),
  phenomenon: z.string().nullable(),
  createdAt: Timestamp,
  decision: z
    .enum(agendaDecisions)
    .nullable()
    .describe('The committee’s decision that moved the report (a `status_changed` event after a meeting); else null.'),
  actionOutcome: z
    .object({ action: z.string().describe('The proposed action.'), outcome: z.enum(actionOutcomes) })
    .nullable()
    .describe('On an `action_outcome` event: the proposed action and the outcome recorded for it; else null.'),
  welfareSection: z
    .object({ id: Id, title: z.string(), welfareReport: z.object({ id: Id, title: z.string() }) })
    .nullable()
    .describe(
      'On a `welfare_report_included` event: the welfare report section that used the report ' +
        '(GET /welfare-reports/{welfareReport.id}); else null.',
    ),
  recipient: z
    .string()
    .nullable()
    .describe(
      'On `sent_to_recipient`, `recipient_answered` and `sending_returned`: the recipient the report (or a ' +
        'phenomenon it is linked to) was sent to; else null.',
    ),
  recipientSv: z
    .string()
    .nullable()
    .describe('The recipient’s Swedish name, for readers using Swedish in bilingual areas; null when it has none.'),
  followUp: z
    .object({
      id: Id,
      title: z.string(),
      targetDate: z.iso.date().nullable(),
      status: z.enum(followUpStatuses).nullable(),
      progress: z.number().int().min(0).max(100).nullable(),
    })
    .nullable()
    .describe(
      'On `follow_up_created`, `follow_up_updated` and `follow_up_overdue`: the follow-up (GET /follow-ups/{id}); ' +
        'on an update, the status and progress that update set, else its status now; else null.',
    ),
})

export const ApiEventListSchema = z.object({ events: z.array(ApiEventSchema) })

export const ApiNotificationListQuerySchema = z.object(pageQuery)

export const ApiNotificationSchema = z.object({
  id: Id,
  reason: z
    .enum(notificationReasons)
    .describe('Why the caller hears of it: as the report’s author, its team’s lead, a coordinator or a follower.'),
  read: z.boolean(),
  readAt: Timestamp.nullable(),
  report: z.object({ id: Id, title: z.string(), status: Status }),
  event: ApiEventSchema.describe('What happened, as GET /reports/{id}/events tells it.'),
})

export const ApiNotificationListSchema = z.object({
  notifications: z.array(ApiNotificationSchema),
  unread: z.number().int().describe('How many of the caller’s notifications are unread, on every page.'),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
})

const ShownCountSchema = z
  .number()
  .int()
  .nullable()
  .describe('In a worker’s view perturbed, and null when below the small-count threshold; otherwise as counted.')

export const ApiPhenomenonSchema = z.object({
  id: Id,
  title: z.string(),
  description: z.string().describe('Markdown.'),
  reportCount: ShownCountSchema,
  teamCount: ShownCountSchema,
  municipalityCount: ShownCountSchema.describe(
    'Municipalities of its reports and of “Havaitsen saman” observations. ' + ShownCountSchema.description,
  ),
  observationCount: z.number().int().describe('How many “Havaitsen saman” observations support it.'),
  firstObserved: z.iso.date().nullable().describe('Null in a worker’s view.'),
  latestReport: Timestamp.nullable().describe('Null in a worker’s view.'),
  createdAt: Timestamp,
})

export const ApiPhenomenonListSchema = z.object({
  view: z
    .enum(['worker', 'full'])
    .describe('`worker` for a caller whose only role is worker: counts suppressed as outside the team.'),
  smallCountThreshold: z.number().int().nullable().describe('The threshold of the worker’s view; null otherwise.'),
  phenomena: z.array(ApiPhenomenonSchema),
})

export const ApiObservationInputSchema = ObservationSchema.strict()

export const ApiObservationSchema = z.object({
  observation: z.object({ id: Id, phenomenonId: Id }),
  following: z.boolean().describe('The caller now follows the phenomenon and hears of its steps.'),
})

export const ApiMeSchema = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  locale: z.enum(locales),
  organisation: Named,
  roles: z.array(z.enum(roles)),
  teams: z.array(Named),
})

export const ApiStatisticsQuerySchema = StatisticsFilterSchema.safeExtend({
  groupBy: z
    .enum(statisticsDimensions, { error: 'validation.invalid' })
    .describe('The one dimension the groups are counted by.'),
})

const suppressionNote =
  'null means fewer than `threshold` reports (zero included), or a count withheld so that such a small one ' +
  'cannot be worked out from the total and the other groups of the same response: small counts are never shown, so that no client or ' +
  'worker can be recognised from them.'

const PublicCount = z.number().int().nullable().describe(suppressionNote)

export const ApiStatisticsTotalsSchema = z.object({
  total: PublicCount,
  positive: PublicCount,
  negative: PublicCount,
  withFeedback: PublicCount.describe(
    'Reports that had feedback from someone other than their author after the latest submission; ' + suppressionNote,
  ),
  feedbackShare: z
    .number()
    .nullable()
    .describe('withFeedback / total in percent, one decimal; null when either count is suppressed.'),
  medianDaysToFeedback: z
    .number()
    .nullable()
    .describe('Median days from submission to first feedback, one decimal; null when withFeedback is suppressed.'),
})

export const ApiStatisticsGroupSchema = z.object({
  key: z
    .string()
    .nullable()
    .describe('The value counted (a code, a municipality name or YYYY-"Q"Q); null for reports that do not say.'),
  count: PublicCount,
  suppressed: z
    .boolean()
    .describe('True when `count` is null: below the threshold, or withheld so that a small one cannot be derived.'),
})

const Threshold = z.number().int().describe('The organisation’s small-count threshold.')

export const ApiStatisticsSchema = z
  .object({
    period: z
      .object({ from: z.iso.date(), to: z.iso.date() })
      .describe('Submission dates, Finnish time, inclusive: the asked period widened to its calendar quarter or year.'),
    category: z.enum(supportNeeds).nullable(),
    municipalityId: Id.nullable(),
    threshold: Threshold,
    groupBy: z.enum(statisticsDimensions),
    totals: ApiStatisticsTotalsSchema,
    groups: z
      .array(ApiStatisticsGroupSchema)
      .describe(
        'Reports with several values (e.g. client groups) count once under each, so counts may sum to more than ' +
          'the total.',
      ),
  })
  .describe(`Reports submitted in the period, except withdrawn ones. ${suppressionNote}`)

export const ApiFiguresSchema = z.object({
  threshold: Threshold,
  totals: ApiStatisticsTotalsSchema,
  byDimension: z.object(
    Object.fromEntries(
      statisticsDimensions.map((dimension) => [dimension, z.array(ApiStatisticsGroupSchema)]),
    ) as Record<(typeof statisticsDimensions)[number], z.ZodArray<typeof ApiStatisticsGroupSchema>>,
  ),
})

export const ApiWelfareReportSummarySchema = z.object({
  id: Id,
  title: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  sectionCount: z.number().int(),
  updatedAt: Timestamp,
})

export const ApiWelfareReportListSchema = z.object({ welfareReports: z.array(ApiWelfareReportSummarySchema) })

const ApiWelfareActionSchema = z.object({
  description: z.string(),
  level: z.enum(actionLevels),
  outcome: z.enum(actionOutcomes).nullable(),
  outcomeReason: z.string().nullable(),
})

const ApiWelfareDecisionSchema = z.object({
  committee: z.string(),
  meetingDate: z.iso.date(),
  decision: z.enum(agendaDecisions),
  decisionText: z.string().nullable(),
})

const ApiWelfareFollowUpSchema = z.object({
  id: Id,
  title: z.string(),
  responsible: z.string().nullable().describe('The responsible recipient or team; a public document names no person.'),
  decidedOn: z.iso.date(),
  targetDate: z.iso.date(),
  status: z.enum(followUpStatuses),
  statusReason: z.string().nullable().describe('Why it was not carried out.'),
  progress: z.number().int().min(0).max(100).nullable(),
  overdue: z.boolean().describe('Past its target date (Finnish calendar day) and neither done nor not carried out.'),
})

export const ApiWelfareReportSchema = z.object({
  id: Id,
  title: z.string(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  introduction: z.string().describe('Markdown.'),
  organisation: z.string(),
  figures: ApiFiguresSchema.describe('Every report of the period.'),
  followUpFigures: z
    .object({ threshold: Threshold, done: PublicCount, inProgress: PublicCount, overdue: PublicCount })
    .describe(
      'The follow-ups decided or due within the period, as they stand today; `inProgress` leaves out the overdue. ' +
        'Each count below the threshold is null.',
    ),
  sections: z.array(
    z.object({
      id: Id,
      position: z.number().int(),
      kind: z
        .enum(welfareSectionKinds)
        .describe('`what_was_done`: the section lists the period’s follow-ups in `followUps` by itself.'),
      title: z.string(),
      category: z
        .string()
        .nullable()
        .describe('The § 11 support need (code as in reports’ supportNeeds) the figures are limited to; null for all.'),
      body: z.string().describe('Markdown as written; sanitise it when rendering to HTML.'),
      figures: ApiFiguresSchema,
      phenomena: z.array(
        z.object({
          id: Id,
          title: z.string(),
          description: z.string(),
          reportCount: z
            .number()
            .int()
            .nullable()
            .describe('Reports linked to the phenomenon in any period; null when below the small-count threshold.'),
          reportCountSuppressed: z.boolean().describe('True when `reportCount` is null because it is small.'),
          actions: z.array(ApiWelfareActionSchema),
          decisions: z.array(ApiWelfareDecisionSchema),
        }),
      ),
      reports: z.array(
        z.object({
          id: Id,
          title: z.string(),
          status: Status,
          actions: z.array(ApiWelfareActionSchema),
          decisions: z.array(ApiWelfareDecisionSchema),
        }),
      ),
      followUps: z.array(ApiWelfareFollowUpSchema).describe('Empty unless `kind` is `what_was_done`.'),
    }),
  ),
  updatedAt: Timestamp,
})

export const ApiRecipientSchema = z.object({
  id: Id,
  kind: z.enum(recipientKinds),
  name: z.string(),
  municipality: z.string().nullable().describe('For a municipality’s welfare work: the municipality; else null.'),
  answersThrough: z
    .enum(['meeting', 'members', 'link'])
    .describe('How it answers: a committee in its meeting, an internal body through its members, a partner by link.'),
})

export const ApiRecipientListSchema = z.object({ recipients: z.array(ApiRecipientSchema) })

export const ApiSendingInputSchema = SendRequestSchema.strict()

export const ApiSendingListSchema = z.object({
  sendings: z.array(z.object({ id: Id, recipientId: Id, state: z.enum(sendingStates) })),
})

const FollowUpStatusSchema = z.enum(followUpStatuses)

/** The board's filters; unknown parameters are refused so a misspelt one is noticed. */
export const ApiFollowUpListQuerySchema = z
  .object({
    responsibleUserId: Id.optional().describe('Only follow-ups naming this person as responsible.'),
    status: FollowUpStatusSchema.optional(),
    overdue: z
      .enum(['true', 'false'])
      .optional()
      .describe('`true`: only those past their target date (Finnish calendar day) and not done or not carried out.'),
    recipientId: Id.optional().describe('Only follow-ups of this responsible recipient body.'),
    municipalityId: Id.optional().describe('Only follow-ups concerning a report of this municipality.'),
    from: z.iso.date().optional().describe('Target date on or after this day.'),
    to: z.iso.date().optional().describe('Target date on or before this day.'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export const ApiFollowUpSummarySchema = z.object({
  id: Id,
  title: z.string(),
  status: FollowUpStatusSchema,
  progress: z.number().int().nullable().describe('Percent, 0–100; null when not recorded.'),
  targetDate: z.iso.date(),
  decidedOn: z.iso.date().describe('The day of the decision that set it.'),
  overdue: z.boolean().describe('Past its target date (Finnish calendar day) and neither done nor not carried out.'),
  version: z.number().int().describe('Send it back as `expectedVersion` when posting an update.'),
  responsible: z.object({
    recipient: Named.nullable().describe('The responsible recipient body; null when none is named.'),
    team: Named.nullable(),
    person: Named.nullable(),
  }),
  origin: z.object({
    decision: z
      .object({
        agendaItem: z.object({ id: Id, title: z.string() }),
        committee: z.string(),
        meetingDate: z.iso.date(),
        decisionText: z.string().nullable(),
      })
      .nullable()
      .describe('The committee decision that set it; null for a team’s own action recorded when closing a report.'),
    proposedAction: z
      .object({ id: Id, description: z.string() })
      .nullable()
      .describe('The proposed action the decision adopted; null for a task the decision set itself.'),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

export const ApiFollowUpListSchema = z.object({
  followUps: z.array(ApiFollowUpSummarySchema),
  limit: z.number().int(),
  offset: z.number().int(),
  hasMore: z.boolean(),
})

export const ApiFollowUpSchema = ApiFollowUpSummarySchema.extend({
  statusReason: z.string().nullable().describe('Why it is not carried out; null in every other status.'),
  reports: z
    .array(z.object({ id: Id, title: z.string(), status: Status }))
    .describe('The reports it concerns that the token owner may read.'),
  reportCount: z.number().int().describe('How many reports it concerns in all.'),
  updates: z
    .array(
      z.object({
        id: Id,
        body: z.string(),
        status: FollowUpStatusSchema.nullable().describe('The status the update set; null when it kept it.'),
        progress: z.number().int().nullable(),
        author: z.object({ name: z.string() }).nullable(),
        createdAt: Timestamp,
      }),
    )
    .describe('Dated updates, oldest first.'),
  mayUpdate: z.boolean().describe('Whether the token owner may post updates.'),
})

export const ApiFollowUpUpdateInputSchema = ApiFollowUpUpdateSchema

export const ApiProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Machine-readable error code, e.g. conflict, invalid_request, identifying_data.'),
  detail: z.string().describe('What went wrong, in the token owner’s language.'),
  instance: z.string(),
  currentStatus: Status.optional().describe('On conflict: the status the report has now.'),
  currentVersion: z
    .number()
    .int()
    .optional()
    .describe('On a follow-up conflict: its version now; read it again before posting.'),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
})

const bearer = [{ bearerAuth: [] }]

const sendingDescription =
  'Each recipient gets its own sending, and every report concerned records the step, so its reporter and followers ' +
  'hear of it. A partner gets an email in its language with a single-use response link. The covering note passes ' +
  'the identifiability guard (422 `identifying_data`); an unknown or archived recipient is 422 `invalid_request`.'

function body(schema: z.ZodType) {
  return { required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } } }
}

function ok(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output' }) } } }
}

function problems(...statuses: number[]) {
  const schema = { $ref: '#/components/schemas/Problem' }
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { description: `Problem (${status})`, content: { 'application/problem+json': { schema } } },
    ]),
  )
}

const reportIdParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }

function queryParameters(schema: z.ZodObject) {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, object>; required?: string[] }
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: 'query',
    ...(json.required?.includes(name) ? { required: true } : {}),
    schema: property,
  }))
}

/** The OpenAPI 3.1 description of API v1. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sosiaalinen raportointi API',
      version: '1',
      description:
        'Social reports, their lifecycle and phenomena, statistics and welfare reports. Authenticate with a personal access token ' +
        '(Settings → API tokens, or `npm run token -- --email …`) as `Authorization: Bearer <token>`. ' +
        'Errors are application/problem+json (RFC 9457) with a machine-readable `code` and a `detail` in the ' +
        'token owner’s language. Every request sees only the token owner’s organisation and what their roles allow.',
    },
    servers: [{ url: '/api/v1' }],
    security: bearer,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: { Problem: z.toJSONSchema(ApiProblemSchema) },
    },
    paths: {
      '/reports': {
        get: {
          summary: 'Reports the token owner may read, newest first',
          parameters: queryParameters(ApiReportListQuerySchema),
          responses: { '200': ok('A page of reports', ApiReportListSchema), ...problems(401, 422) },
        },
        post: {
          summary: 'Create a draft report; its texts pass the identifiability guard (422 `identifying_data`)',
          requestBody: body(ApiReportInputSchema),
          responses: { '201': ok('The draft that was created', ApiReportSchema), ...problems(400, 401, 403, 422) },
        },
      },
      '/reports/{id}': {
        parameters: [reportIdParameter],
        get: {
          summary: 'One report',
          responses: { '200': ok('The report', ApiReportSchema), ...problems(401, 404) },
        },
        patch: {
          summary:
            'Change the author’s own draft (or report returned for changes); only the given fields change, and ' +
            'its texts pass the identifiability guard (422 `identifying_data`)',
          requestBody: body(ApiReportInputSchema.partial()),
          responses: { '200': ok('The saved report', ApiReportSchema), ...problems(400, 401, 404, 409, 422) },
        },
      },
      '/reports/{id}/transitions': {
        parameters: [reportIdParameter],
        post: {
          summary: 'Move the report to another status (submit, review, request changes, close, forward…)',
          description:
            '`expectedStatus` must be the status the caller last saw; if the report has moved on meanwhile the ' +
            'answer is 409 and nothing changes. `phenomenonId` also links the report to that phenomenon, in the ' +
            'same transaction.',
          requestBody: body(ApiTransitionInputSchema),
          responses: {
            '200': ok('The report after the transition', ApiReportSchema),
            ...problems(400, 401, 403, 404, 409, 422),
          },
        },
      },
      '/reports/{id}/events': {
        parameters: [reportIdParameter],
        get: {
          summary: 'The report’s history, oldest first',
          responses: { '200': ok('Every event', ApiEventListSchema), ...problems(401, 404) },
        },
      },
      '/notifications': {
        get: {
          summary: 'The token owner’s own notifications, newest first, with what happened and whether it is read',
          parameters: queryParameters(ApiNotificationListQuerySchema),
          responses: { '200': ok('A page of notifications', ApiNotificationListSchema), ...problems(401, 422) },
        },
      },
      '/phenomena': {
        get: {
          summary: 'Phenomena of the organisation with the evidence behind them',
          description:
            'Team leads, coordinators, committee members and admins get the figures as counted. A worker gets the ' +
            'worker’s view (`view: "worker"`): report, team and municipality counts perturbed and null below the ' +
            'small-count threshold, no dates, as on the phenomena page.',
          responses: { '200': ok('Every phenomenon', ApiPhenomenonListSchema), ...problems(401, 403) },
        },
      },
      '/phenomena/{id}/observations': {
        parameters: [{ ...reportIdParameter, description: 'The phenomenon’s id' }],
        post: {
          summary: '“Havaitsen saman” (I see this too): a short supporting observation (workers and team leads)',
          description:
            'The municipality, a rough number of clients and one sentence of at most 300 characters. The sentence ' +
            'passes the identifiability guard like report texts (422 `identifying_data`, nothing stored). The ' +
            'observation counts in the phenomenon’s evidence and the caller follows the phenomenon from then on.',
          requestBody: body(ApiObservationInputSchema),
          responses: {
            '201': ok('The recorded observation', ApiObservationSchema),
            ...problems(400, 401, 403, 404, 422),
          },
        },
      },
      '/phenomena/{id}/sendings': {
        parameters: [{ ...reportIdParameter, description: 'The phenomenon’s id' }],
        post: {
          summary: 'Send the phenomenon to one or several recipients with a covering note (coordinators)',
          description: sendingDescription,
          requestBody: body(ApiSendingInputSchema),
          responses: {
            '201': ok('One sending per recipient', ApiSendingListSchema),
            ...problems(400, 401, 403, 404, 422),
          },
        },
      },
      '/recipients': {
        get: {
          summary: 'The recipients reports and phenomena may be sent to (team leads, coordinators and admins)',
          responses: { '200': ok('Every recipient not archived', ApiRecipientListSchema), ...problems(401, 403) },
        },
      },
      '/reports/{id}/sendings': {
        parameters: [reportIdParameter],
        post: {
          summary: 'Send the report to one or several recipients with a covering note',
          description:
            'A team lead sends the reports of their teams, a coordinator any report, once it has left review ' +
            '(forwarded or later, or closed). ' +
            sendingDescription,
          requestBody: body(ApiSendingInputSchema),
          responses: {
            '201': ok('One sending per recipient', ApiSendingListSchema),
            ...problems(400, 401, 403, 404, 422),
          },
        },
      },
      '/statistics': {
        get: {
          summary: 'Figures of the reports submitted in a period, counted by one dimension, small counts suppressed',
          description:
            'Any member of the organisation may read them; workers and team leads count only their own teams’ ' +
            'reports. Figures are published for fixed periods only: a period within one quarter is widened to ' +
            'that quarter, one within one year to the year, and one spanning years is refused (422). Every count ' +
            'is perturbed by a small, fixed noise of at most ±2 decided by the reports it counts (cell-key ' +
            'perturbation: the same reports always give the same figure), so that no combination of queries can ' +
            'be subtracted into an exact small count; shares are worked out from the perturbed counts. A count ' +
            'below the organisation’s small-count threshold, before or after perturbation, comes back as `null` ' +
            'with `suppressed: true`, never as the number.',
          parameters: queryParameters(ApiStatisticsQuerySchema),
          responses: { '200': ok('The figures', ApiStatisticsSchema), ...problems(401, 422) },
        },
      },
      '/welfare-reports': {
        get: {
          summary: 'Welfare reports of the organisation, latest period first',
          responses: { '200': ok('Every welfare report', ApiWelfareReportListSchema), ...problems(401) },
        },
      },
      '/welfare-reports/{id}': {
        parameters: [{ ...reportIdParameter, description: 'The welfare report’s id' }],
        get: {
          summary: 'One welfare report: its sections with figures, phenomena, actions, decisions and reports',
          responses: { '200': ok('The welfare report', ApiWelfareReportSchema), ...problems(401, 404) },
        },
      },
      '/social-reports': {
        get: {
          summary: 'Compiled social reports: published and sent ones, and for those who compile them every stage',
          responses: { '200': ok('The compiled reports', ApiCompiledReportListSchema), ...problems(401) },
        },
      },
      '/social-reports/{id}': {
        parameters: [{ ...reportIdParameter, description: 'The compiled report’s id' }],
        get: {
          summary: 'One compiled report: narrative, phenomena, suppressed figures and indicators, no names',
          description:
            'Drafts, comment rounds and approved reports only for coordinators and working-group members; others ' +
            'get 404 until the report is published. Figures are perturbed and suppressed as in GET /statistics.',
          responses: { '200': ok('The compiled report', ApiCompiledReportSchema), ...problems(401, 404) },
        },
      },
      '/social-reports/{id}/comments': {
        parameters: [{ ...reportIdParameter, description: 'The compiled report’s id' }],
        post: {
          summary: 'Comment on a compiled report during its comment round',
          description:
            'Only the reviewers chosen for the comment round may (403 for others). The text passes the ' +
            'identifiability guard (422 `identifying_data`). Outside the comment round the answer is 409 with ' +
            '`currentStage`, and nothing is saved.',
          requestBody: body(ApiCompiledReportCommentInputSchema),
          responses: {
            '201': ok('The comment was saved', ApiCompiledReportCommentSchema),
            ...problems(400, 401, 403, 404, 409, 422),
          },
        },
      },
      '/follow-ups': {
        get: {
          summary:
            'Follow-ups of decisions: every one of the organisation for coordinators, else those the token owner answers for',
          description:
            'Team leads also see those concerning their teams’ reports. Soonest target date first. The filters are ' +
            'those of the follow-up board.',
          parameters: queryParameters(ApiFollowUpListQuerySchema),
          responses: { '200': ok('A page of follow-ups', ApiFollowUpListSchema), ...problems(401, 422) },
        },
      },
      '/follow-ups/{id}': {
        parameters: [{ ...reportIdParameter, description: 'The follow-up’s id' }],
        get: {
          summary: 'One follow-up with its dated updates and the reports it concerns',
          description:
            'Readable by whoever may read one of the reports it concerns, whoever answers for it, and coordinators.',
          responses: { '200': ok('The follow-up', ApiFollowUpSchema), ...problems(401, 404) },
        },
      },
      '/follow-ups/{id}/updates': {
        parameters: [{ ...reportIdParameter, description: 'The follow-up’s id' }],
        post: {
          summary: 'Post a dated update: text, optionally a new status and progress',
          description:
            'The responsible person, coordinators, members of the responsible body and leads of the responsible ' +
            'team may. `expectedVersion` must be the `version` last read; if someone changed the follow-up since, ' +
            'the answer is 409 with `currentVersion` and nothing is saved. Not carried out needs the reason as ' +
            '`body`. The text passes the identifiability guard (422 `identifying_data`). Every reporter and ' +
            'follower of the reports it concerns is told.',
          requestBody: body(ApiFollowUpUpdateInputSchema),
          responses: {
            '201': ok('The follow-up after the update', ApiFollowUpSchema),
            ...problems(400, 401, 403, 404, 409, 422),
          },
        },
      },
      '/me': {
        get: {
          summary: 'The token owner: organisation, roles and teams',
          responses: { '200': ok('The token owner', ApiMeSchema), ...problems(401) },
        },
      },
    },
  }
}
