import { type AgendaDecision } from './agenda-decisions.ts'
import { type FollowUpStatus, isOverdue } from './follow-ups.ts'
import { type RecipientKind } from './recipients.ts'
import { type SendingState } from './sendings.ts'

/**
 * What became of a report or a phenomenon, step by step: reported → sent on to whom → their answers → the
 * follow-ups the decisions set in motion, each with its latest status. The report and phenomenon pages, the
 * minutes and the welfare report all show this one value.
 */
export interface FollowThroughChain {
  reported: ChainReported
  routes: ChainRoute[]
  followUps: ChainFollowUp[]
}

/** A report's submission, or how many submitted reports stand behind a phenomenon and since when. */
export type ChainReported =
  | { kind: 'report'; submittedAt: string | null }
  | { kind: 'phenomenon'; reportCount: number; firstSubmittedAt: string | null }

/** A reply: the answer or the reason for returning, who gave it (a user, or a partner by the name given) and when. */
export interface ChainReply {
  text: string
  by: string
  at: string
}

/**
 * One body the report or phenomenon went to. A sending has its own state and reply; a committee the report was
 * forwarded to the older way, or that had the phenomenon on its agenda, answers with its meeting's decision.
 */
export interface ChainRoute {
  id: string
  /** `nameSv` is the body's Swedish name, which readers using Swedish see (display-name.ts). */
  recipient: { name: string; nameSv: string | null; kind: RecipientKind }
  /** The phenomenon the report went along with; null when the report or phenomenon itself was sent. */
  via: { id: string; title: string } | null
  sentAt: string
  state: SendingState
  coveringNote: string | null
  /** The meeting whose published agenda carries it, while no decision is recorded; YYYY-MM-DD. */
  onAgendaOf: string | null
  answer: ChainReply | null
  returned: ChainReply | null
  decision: { kind: AgendaDecision; text: string | null; meetingDate: string } | null
}

export interface ChainFollowUp {
  id: string
  title: string
  /** The responsible recipient or team, and the person, where named. */
  responsibleUnit: string | null
  responsiblePerson: string | null
  /** YYYY-MM-DD. */
  decidedOn: string
  targetDate: string
  status: FollowUpStatus
  statusReason: string | null
  progress: number | null
  overdue: boolean
  latestUpdate: { at: string; text: string } | null
}

/** A stored follow-up as the chain shows it, overdue or not on the Helsinki calendar day `today`. */
export function chainFollowUp(
  row: Omit<ChainFollowUp, 'overdue' | 'latestUpdate'> & {
    latestUpdateAt: Date | null
    latestUpdateText: string | null
  },
  today: string,
): ChainFollowUp {
  const { latestUpdateAt, latestUpdateText, ...followUp } = row
  return {
    ...followUp,
    overdue: isOverdue(followUp, today),
    latestUpdate: latestUpdateAt ? { at: latestUpdateAt.toISOString(), text: latestUpdateText ?? '' } : null,
  }
}

/** Which sending state a committee's handling stands for: on a published agenda it has the matter; deciding answers. */
export function committeeRouteState(decision: AgendaDecision | null, onPublishedAgenda: boolean): SendingState {
  if (decision === 'returned') return 'returned'
  if (decision === 'noted' || decision === 'decided') return 'answered'
  return onPublishedAgenda || decision === 'tabled' ? 'received' : 'sent'
}
