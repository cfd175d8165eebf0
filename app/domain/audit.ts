import { z } from 'zod'
import { isMessageKey, type Translate } from '#app/utils/i18n.ts'

/**
 * What the audit log records: who read or exported what, who changed what (before and after), and who signed in.
 * Action names are stored as they are here and translated on the admin's page (`audit.action.<name>`).
 */
export const auditActions = [
  'report.read',
  'report.exported',
  'welfare_report.read',
  'welfare_report.exported',
  'phenomenon.read',
  'meeting.read',
  'agenda.read',
  'minutes.read',
  'api.read',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password.changed',
  'password.reset',
  'user.created',
  'user.changed',
  'user.roles_changed',
  'user.deactivated',
  'membership.changed',
  'user.removed',
  'organisation.switched',
  'committee_seat.changed',
  'settings.changed',
  'token.created',
  'token.revoked',
  'recipient.changed',
  'redaction',
  'audit.exported',
] as const

export type AuditAction = (typeof auditActions)[number]

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value)
}

/** What an entry is about, so the log can be filtered by report (or any other target) and linked to it. */
export const auditTargetTypes = [
  'report',
  'welfare_report',
  'phenomenon',
  'meeting',
  'user',
  'organisation',
  'committee',
  'recipient',
  'api_token',
  'api',
  'audit_log',
] as const

export type AuditTargetType = (typeof auditTargetTypes)[number]

/** One entry to append; `details` holds what the action needs told (before/after, route, method), never a secret. */
export interface AuditEntry {
  organisationId: string | null
  actorId: string | null
  action: AuditAction
  apiTokenId?: string | null
  target?: { type: AuditTargetType; id: string } | null
  details?: Record<string, unknown>
}

/** How many years an organisation keeps its log (default 5): the bounds the database also checks. */
export const auditRetentionRange = { min: 1, max: 50 } as const

/** The retention an admin sets; one message for every way it can be wrong, since the fix is always the same. */
export const AuditRetentionSchema = z.coerce
  .number({ error: 'audit.retention.invalid' })
  .int('audit.retention.invalid')
  .min(auditRetentionRange.min, 'audit.retention.invalid')
  .max(auditRetentionRange.max, 'audit.retention.invalid')

/**
 * Of two snapshots of the same settings, the fields that differ, each as { before, after }; empty when nothing
 * changed, so an unchanged save leaves no entry.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {}
  for (const key of Object.keys(after)) {
    if (!sameValue(before[key], after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null }
  }
  return changes
}

/** Lists compare as sets (roles and teams have no order); everything else by its JSON. */
function sameValue(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return JSON.stringify([...left].map(String).sort()) === JSON.stringify([...right].map(String).sort())
  }
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null)
}

/** The action an administrative change of a user is logged as: deactivation and roles say more than "changed". */
export function userChangeAction(changes: Record<string, unknown>): AuditAction {
  if ('active' in changes) return 'user.deactivated'
  if ('roles' in changes) return 'user.roles_changed'
  if ('teamIds' in changes) return 'membership.changed'
  return 'user.changed'
}

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const apiReadTargets: { pattern: RegExp; action: AuditAction; type: AuditTargetType }[] = [
  {
    pattern: new RegExp(`^/api/v1/reports/(${uuidPattern})(?:/[a-z-]+)?$`, 'i'),
    action: 'report.read',
    type: 'report',
  },
  {
    pattern: new RegExp(`^/api/v1/welfare-reports/(${uuidPattern})$`, 'i'),
    action: 'welfare_report.read',
    type: 'welfare_report',
  },
  {
    pattern: new RegExp(`^/api/v1/phenomena/(${uuidPattern})(?:/[a-z-]+)?$`, 'i'),
    action: 'phenomenon.read',
    type: 'phenomenon',
  },
]

/**
 * What a successful API read is logged as: a report (with its events or sendings), welfare report or phenomenon by
 * its id, any other read (lists, statistics) as `api.read` of its path.
 */
export function apiReadEntry(pathname: string): { action: AuditAction; target: { type: AuditTargetType; id: string } } {
  for (const { pattern, action, type } of apiReadTargets) {
    const id = pattern.exec(pathname)?.[1]
    if (id) return { action, target: { type, id: id.toLowerCase() } }
  }
  return { action: 'api.read', target: { type: 'api', id: pathname } }
}

/** A stored entry as the admin's page and the CSV tell it. */
export interface AuditRowForWords {
  action: string
  target_type: string | null
  target_id: string | null
  /** The name of a user the entry is about, when it is about a user. */
  target_name: string | null
  details: Record<string, unknown>
  actor_name: string | null
  api_token_id: string | null
  api_token_name: string | null
}

/** The entry in words in the reader's language: what happened, to what, through which page or token, what changed. */
export function auditEntryInWords(t: Translate, row: AuditRowForWords) {
  const actionKey = `audit.action.${row.action}`
  const targetKey = `audit.target.${row.target_type}`
  const route = typeof row.details.route === 'string' ? row.details.route : null
  return {
    who: row.actor_name ?? t('audit.unknownActor'),
    what: isMessageKey(actionKey) ? t(actionKey) : row.action,
    target: row.target_id
      ? `${isMessageKey(targetKey) ? t(targetKey) : row.target_type} ${row.target_name ?? row.target_id}`
      : '',
    via: row.api_token_id
      ? row.api_token_name
        ? t('audit.via.token', { name: row.api_token_name })
        : t('audit.via.tokenRemoved')
      : route
        ? t('audit.via.route', { route })
        : '',
    changes: changesInWords(t, row.details),
  }
}

/** Each changed field as "field: before → after"; other details (method, address, filters) as "key: value". */
function changesInWords(t: Translate, details: Record<string, unknown>): string[] {
  const shown = (value: unknown) =>
    value === null || value === undefined || (Array.isArray(value) && value.length === 0)
      ? t('audit.change.empty')
      : Array.isArray(value)
        ? value.map(String).join(', ')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value)
  const lines: string[] = []
  const changes = details.changes
  if (changes && typeof changes === 'object') {
    for (const [field, change] of Object.entries(changes as Record<string, { before: unknown; after: unknown }>)) {
      lines.push(t('audit.change', { field, before: shown(change.before), after: shown(change.after) }))
    }
  }
  for (const [key, value] of Object.entries(details)) {
    // The HTTP method goes with the route; a sign-in's method (password or single sign-on) is shown.
    if (key === 'changes' || key === 'route' || (key === 'method' && 'route' in details)) continue
    lines.push(`${key}: ${shown(value)}`)
  }
  return lines
}
