import { z } from 'zod'
import { type Role } from './roles.ts'

/** A report's lifecycle (DESIGN.md), in order; the `reports.status` column holds exactly these. */
export const reportStatuses = [
  'draft',
  'submitted',
  'in_review',
  'changes_requested',
  'forwarded',
  'on_agenda',
  'decided',
  'in_welfare_report',
  'closed',
  'withdrawn',
] as const
export type ReportStatus = (typeof reportStatuses)[number]

/** How the acting user stands to this report; team and organisation scope is checked before this. */
export interface Actor {
  roles: readonly Role[]
  isAuthor: boolean
  leadsReportTeam: boolean
}

export type Party = 'author' | 'team_lead' | 'coordinator' | 'committee_member'

export const resolutions = ['resolved_in_team', 'no_further_action'] as const
export type Resolution = (typeof resolutions)[number]

/** A request to move a report on, from the report page and the API alike. */
export const TransitionRequestSchema = z.object({
  to: z.enum(reportStatuses, { error: 'validation.invalid' }),
  expectedStatus: z.enum(reportStatuses, { error: 'validation.invalid' }),
  comment: z.string({ error: 'validation.invalid' }).trim().max(5000, 'validation.tooLong').default(''),
  resolution: z.enum(resolutions, { error: 'validation.invalid' }).nullable().default(null),
  committeeId: z.uuid({ error: 'validation.invalid' }).nullable().default(null),
  phenomenonId: z.uuid({ error: 'validation.invalid' }).nullable().default(null),
})

export type TransitionRequest = z.output<typeof TransitionRequestSchema>

/** The committee-work steps whose moves only they make, since each needs its agenda item or section behind it. */
export type TransitionFlow = 'meeting' | 'welfare_report'

export interface TransitionRule {
  from: ReportStatus
  to: ReportStatus
  by: readonly Party[]
  needs?: 'comment' | 'resolution' | 'committee'
  /** Made only through this flow (publishing an agenda, recording a decision, including in a section), never directly. */
  via?: TransitionFlow
}

/** The whole lifecycle from DESIGN.md; nothing moves unless a row here allows it. */
export const transitions: readonly TransitionRule[] = [
  { from: 'draft', to: 'submitted', by: ['author'] },
  { from: 'changes_requested', to: 'submitted', by: ['author'] },
  { from: 'submitted', to: 'in_review', by: ['team_lead'] },
  { from: 'in_review', to: 'changes_requested', by: ['team_lead'], needs: 'comment' },
  { from: 'in_review', to: 'closed', by: ['team_lead'], needs: 'resolution' },
  { from: 'in_review', to: 'forwarded', by: ['team_lead'], needs: 'committee' },
  { from: 'forwarded', to: 'on_agenda', by: ['coordinator'], via: 'meeting' },
  { from: 'on_agenda', to: 'forwarded', by: ['committee_member'], via: 'meeting' },
  { from: 'on_agenda', to: 'decided', by: ['committee_member'], via: 'meeting' },
  { from: 'decided', to: 'in_welfare_report', by: ['coordinator'], via: 'welfare_report' },
  { from: 'decided', to: 'closed', by: ['coordinator'], needs: 'resolution' },
  { from: 'in_welfare_report', to: 'closed', by: ['coordinator'], needs: 'resolution' },
  { from: 'draft', to: 'withdrawn', by: ['author'] },
  { from: 'submitted', to: 'withdrawn', by: ['author'] },
  { from: 'in_review', to: 'withdrawn', by: ['author'] },
  { from: 'changes_requested', to: 'withdrawn', by: ['author'] },
]

function actsAs(actor: Actor, party: Party): boolean {
  switch (party) {
    case 'author':
      return actor.isAuthor
    case 'team_lead':
      return actor.roles.includes('team_lead') && actor.leadsReportTeam
    case 'coordinator':
      return actor.roles.includes('coordinator')
    case 'committee_member':
      return actor.roles.includes('committee_member')
  }
}

export function findTransition(from: ReportStatus, to: ReportStatus): TransitionRule | undefined {
  return transitions.find((rule) => rule.from === from && rule.to === to)
}

/** A move made directly, from the report page or the API; the committee-work flows' moves are refused here. */
export function canTransition(actor: Actor, from: ReportStatus, to: ReportStatus): boolean {
  const rule = findTransition(from, to)
  return Boolean(rule && !rule.via && rule.by.some((party) => actsAs(actor, party)))
}

/** The moves the UI offers this user now: exactly the ones the server would accept. */
export function availableTransitions(actor: Actor, from: ReportStatus): TransitionRule[] {
  return transitions.filter((rule) => rule.from === from && !rule.via && rule.by.some((party) => actsAs(actor, party)))
}

/** Only drafts and reports sent back for changes can be edited, and only by their author. */
export function isEditable(status: ReportStatus): boolean {
  switch (status) {
    case 'draft':
    case 'changes_requested':
      return true
    case 'submitted':
    case 'in_review':
    case 'forwarded':
    case 'on_agenda':
    case 'decided':
    case 'in_welfare_report':
    case 'closed':
    case 'withdrawn':
      return false
  }
}
