import { type ReportEventType } from './report-event-types.ts'
import { type ReportStatus } from './report-status.ts'

/** Why someone is told of an event on a report: as its author, its team's lead, a coordinator or a follower. */
export const notificationReasons = ['author', 'team_lead', 'coordinator', 'follower'] as const
export type NotificationReason = (typeof notificationReasons)[number]

/** How a person stands to a report at the moment an event happens. */
export interface Stakeholder {
  isActor: boolean
  isAuthor: boolean
  leadsReportTeam: boolean
  isCoordinator: boolean
  follows: boolean
}

export interface NotifiableEvent {
  type: ReportEventType
  toStatus: ReportStatus | null
}

/**
 * Why this person hears about the event, or null when they do not. The reporter (and every co-author) hears of
 * every step; team leads of new and resubmitted reports in their teams and of answers to questions; coordinators of
 * forwarded reports; followers of everything. Nobody is told about their own action, and writing a draft tells nobody.
 */
export function notificationReason(event: NotifiableEvent, person: Stakeholder): NotificationReason | null {
  if (event.type === 'created' || person.isActor) return null
  if (person.isAuthor) return 'author'
  if (event.toStatus === 'submitted' && person.leadsReportTeam) return 'team_lead'
  // The lead asked on the team's behalf, so the team's leads hear the authors' answer.
  if (event.type === 'question_answered' && person.leadsReportTeam) return 'team_lead'
  if (event.toStatus === 'forwarded' && person.isCoordinator) return 'coordinator'
  if (person.follows) return 'follower'
  return null
}

/** The bell counts unread notifications this far and no further; past 99 it says "99+". */
export const bellCountLimit = 100
export const bellShowsAtMost = bellCountLimit - 1
