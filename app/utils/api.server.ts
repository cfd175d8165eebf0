import { type LoaderFunctionArgs } from '@remix-run/node'
import { type z } from 'zod'
import { type ReportStatus } from '#app/models/database.ts'
import { isContributor } from '#app/domain/roles.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { apiReadEntry } from '#app/domain/audit.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { type ReportResult } from '#app/services/reports.server.ts'
import { authenticateApiRequest } from './api-auth.server.ts'
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from './database-availability.server.ts'
import { type FieldErrors, messageKeyOf } from './forms.ts'
import { browserLocale } from './locale.server.ts'
import { isUuid } from './params.server.ts'
import {
  defaultLocale,
  getTranslate,
  type Locale,
  type MessageKey,
  type Translate,
  type TranslateParams,
} from './i18n.ts'
import { isStorableText, unstorableFields } from './storable-text.ts'

/** Every machine-readable error code of the API and the HTTP status it comes with. */
export const apiErrorStatus = {
  malformed_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  conflict: 409,
  not_editable: 409,
  invalid_request: 422,
  incomplete_report: 422,
  identifying_data: 422,
  server_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>

export type ApiErrorCode = keyof typeof apiErrorStatus

const statusTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

export interface ApiFieldError {
  field: string
  code: string
  message: string
}

/** A failure the API reports as application/problem+json; texts are written in the caller's language. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly details: {
      detail?: (t: Translate) => string
      errors?: (t: Translate) => ApiFieldError[]
      extra?: Record<string, unknown>
      headers?: Record<string, string>
    } = {},
  ) {
    super(code)
  }
}

function problemResponse(problem: ApiProblem, locale: Locale, instance: string): Response {
  const t = getTranslate(locale)
  const status = apiErrorStatus[problem.code]
  const body = {
    type: 'about:blank',
    title: statusTitles[status],
    status,
    code: problem.code,
    detail: problem.details.detail?.(t) ?? t(`api.error.${problem.code}`),
    instance,
    ...problem.details.extra,
    ...(problem.details.errors ? { errors: problem.details.errors(t) } : {}),
  }
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Language': locale,
      'Cache-Control': 'no-store',
      ...problem.details.headers,
    },
  })
}

/** A problem document for a request Remix never saw (e.g. a body over the limit), in the caller's language. */
export function apiProblemResponse(request: Request, code: ApiErrorCode, params?: TranslateParams): Response {
  const problem = new ApiProblem(code, { detail: (t) => t(`api.error.${code}`, params) })
  return problemResponse(problem, requestedLocale(request), new URL(request.url).pathname)
}

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...init.headers },
  })
}

/** Before we know who is calling, the Accept-Language header picks the language of an error. */
function requestedLocale(request: Request): Locale {
  return browserLocale(request) ?? defaultLocale
}

type ApiMethod = 'GET' | 'POST' | 'PATCH'
type Params = LoaderFunctionArgs['params']
type ApiHandler = (args: { request: Request; params: Params; user: CurrentUser }) => Promise<Response>

/**
 * The loader and action of an API route: authenticates the bearer token, dispatches on the method and turns
 * every failure into a problem document, so no stack trace or HTML error page ever reaches an API client.
 */
export function apiRoute(handlers: Partial<Record<ApiMethod, ApiHandler>>) {
  const allowed = Object.keys(handlers).join(', ')
  async function handle({ request, params }: { request: Request; params: Params }): Promise<Response> {
    const instance = new URL(request.url).pathname
    let locale = requestedLocale(request)
    try {
      const user = await authenticateApiRequest(request)
      if (!user) throw new ApiProblem('unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })
      // The API serves staff; a contributor works only through their own pages (ADR 039).
      if (isContributor(user)) throw new ApiProblem('forbidden')
      locale = user.locale
      const method = request.method === 'HEAD' ? 'GET' : request.method
      const handler = handlers[method as ApiMethod]
      if (!handler) throw new ApiProblem('method_not_allowed', { headers: { Allow: allowed } })
      const response = await handler({ request, params, user })
      // Every successful read through the API is logged with the token it came through; writes log their own way.
      if (method === 'GET' && response.ok) {
        await recordRead(user, request, { ...apiReadEntry(instance), apiTokenId: user.apiTokenId })
      }
      return response
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error, locale, instance)
      if (isDatabaseUnavailable(error)) {
        const retryAfter = { 'Retry-After': String(databaseRetryAfterSeconds) }
        return problemResponse(new ApiProblem('service_unavailable', { headers: retryAfter }), locale, instance)
      }
      console.error(error)
      return problemResponse(new ApiProblem('server_error'), locale, instance)
    }
  }
  return { loader: handle, action: handle }
}

export function invalidRequest(issues: readonly z.core.$ZodIssue[]): ApiProblem {
  return new ApiProblem('invalid_request', {
    errors: (t) =>
      issues.map((issue) => {
        const key = messageKeyOf(issue)
        return { field: issue.path.join('.'), code: key, message: t(key) }
      }),
  })
}

/** No request of the API nests deeper than a few levels; a limit keeps recursive validation far from the stack's. */
const jsonDepthLimit = 32

function unstorableTextProblem(fields: readonly string[]): ApiProblem {
  return new ApiProblem('invalid_request', {
    errors: (t) =>
      fields.map((field) => ({ field, code: 'validation.unstorableText', message: t('validation.unstorableText') })),
  })
}

/**
 * Walks a parsed body without recursion: 400 when it nests deeper than the limit, 422 naming the field when a key
 * or string holds text that cannot be stored (storable-text.ts).
 */
function checkJsonValue(body: unknown): void {
  const pending: { value: unknown; path: string[] }[] = [{ value: body, path: [] }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next
    if (path.length > jsonDepthLimit) {
      throw new ApiProblem('malformed_request', {
        detail: (t) => t('api.error.nestedTooDeep', { limit: jsonDepthLimit }),
      })
    }
    if (typeof value === 'string' && !isStorableText(value)) throw unstorableTextProblem([path.join('.')])
    if (typeof value !== 'object' || value === null) continue
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) throw unstorableTextProblem([[...path, key].join('.')])
      pending.push({ value: item, path: [...path, key] })
    }
  }
}

/** The request body as JSON; 400 when it is not JSON or nests too deep, 422 when it holds unstorable text. */
export async function readJsonBody(request: Request): Promise<unknown> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    throw new ApiProblem('malformed_request')
  }
  checkJsonValue(body)
  return body
}

/** 422 with every field's problem when the value does not fit the schema. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw invalidRequest(parsed.error.issues)
  return parsed.data
}

export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  return parseWith(schema, await readJsonBody(request))
}

/** Reads query parameters through the given schema: 422 with every parameter's problem. */
export function readQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const searchParams = new URL(request.url).searchParams
  const unstorable = unstorableFields(searchParams)
  if (unstorable.length > 0) throw unstorableTextProblem(unstorable)
  return parseWith(schema, Object.fromEntries(searchParams))
}

/** A malformed id can never name a row, so it is simply not found. */
export function requireApiUuid(value: string | undefined): string {
  if (!isUuid(value)) throw new ApiProblem('not_found')
  return value
}

export function conflict(currentStatus: ReportStatus, code: 'conflict' | 'not_editable' = 'conflict'): ApiProblem {
  return new ApiProblem(code, {
    detail: (t) => t(`api.error.${code}`, { status: t(`status.${currentStatus}`) }),
    extra: { currentStatus },
  })
}

/** The one mapping from a refused report use case to its problem document. */
export function problemFor(result: Exclude<ReportResult, { ok: true }>): ApiProblem {
  switch (result.reason) {
    case 'not_found':
    case 'forbidden':
      return new ApiProblem(result.reason)
    case 'stale':
      return conflict(result.currentStatus)
    case 'invalid':
      return new ApiProblem('invalid_request', { errors: (t) => fieldProblems(t, result.fieldErrors) })
    case 'incomplete':
      return new ApiProblem('incomplete_report', { errors: (t) => fieldProblems(t, result.fieldErrors) })
    case 'identifying_data':
      return new ApiProblem('identifying_data', {
        errors: (t) =>
          result.findings.map((finding) => ({
            field: finding.field,
            code: finding.kind,
            message: t('report.guard.finding', {
              fragment: finding.fragment,
              field: finding.field,
              kind: t(`report.guard.kind.${finding.kind}`),
            }),
          })),
      })
  }
}

function fieldProblems(t: Translate, fieldErrors: FieldErrors): ApiFieldError[] {
  return Object.entries(fieldErrors).map(([field, key]) => ({ field, code: key!, message: t(key as MessageKey) }))
}
