import { type Locale, type Translate } from '#app/utils/i18n.ts'
import { type ActionOutcome } from './action-outcomes.ts'
import { type AgendaDecision } from './agenda-decisions.ts'
import { displayName, type NamedPlace } from './display-name.ts'
import { type ChainFollowUp, type FollowThroughChain } from './follow-through-chain.ts'
import { type ActionLevel } from './report-fields.ts'
import { type ReportStatus } from './report-status.ts'
import {
  type FollowUpCounts,
  type PublicCount,
  type PublicFollowUpFigures,
  type PublicStatistics,
} from './statistics.ts'

/**
 * A section is written by the coordinator ('text': its text, figures, phenomena and reports) or tells what was done
 * ('what_was_done': it also lists the period's follow-ups and their state by itself).
 */
export const welfareSectionKinds = ['text', 'what_was_done'] as const
export type WelfareSectionKind = (typeof welfareSectionKinds)[number]

/** A proposed action as the welfare report shows it: what was proposed and what became of it. */
export interface WelfareAction {
  description: string
  level: ActionLevel
  outcome: ActionOutcome | null
  outcomeReason: string | null
}

/** A committee decision on an agenda item that carried the phenomenon or report. */
export interface WelfareDecision {
  committee: string
  meetingDate: string
  decision: AgendaDecision
  decisionText: string | null
}

export interface WelfarePhenomenon {
  id: string
  title: string
  description: string
  /** Every report linked to the phenomenon, any period: suppressed like the figures, since it leaves the team. */
  reportCount: PublicCount
  actions: WelfareAction[]
  decisions: WelfareDecision[]
  /** Where it was sent, the answers and the follow-ups. */
  chain: FollowThroughChain
}

export interface WelfareReportEntry {
  id: string
  title: string
  status: ReportStatus
  actions: WelfareAction[]
  decisions: WelfareDecision[]
  chain: FollowThroughChain
}

export interface WelfareSection {
  id: string
  position: number
  kind: WelfareSectionKind
  title: string
  /** The § 11 support need the section's figures are limited to; null for all reports of the period. */
  category: string | null
  /** Markdown as written; rendered only through renderMarkdown, which sanitises. */
  body: string
  /** The section's last change, sent back by its edit form so that a stale save is refused. */
  version: string
  figures: PublicStatistics
  phenomena: WelfarePhenomenon[]
  reports: WelfareReportEntry[]
  /** A 'what was done' section's follow-ups: the period's (see `followUpFigures`); none in a text section. */
  followUps: ChainFollowUp[]
}

/**
 * Everything a welfare report shows, with every count already suppressed: the page, the three exports and the
 * API are all made from this one value, so they cannot disagree.
 */
export interface WelfareReportDocument {
  id: string
  title: string
  /** YYYY-MM-DD, inclusive. */
  periodStart: string
  periodEnd: string
  introduction: string
  organisationName: string
  organisationNameSv: string | null
  /** The organisation's municipalities, so that figures by municipality read in the reader's language. */
  places: NamedPlace[]
  figures: PublicStatistics
  /** The follow-ups decided or due within the period, as they stand today. */
  followUpFigures: PublicFollowUpFigures
  sections: WelfareSection[]
  updatedAt: string
}

/** Done, in progress and overdue among the period's follow-ups; the rest (not started in time, not carried out) in none. */
/**
 * What the document is, under its title on the page and in every export: the organisation's social reporting
 * contribution to the welfare report the council approves, not the whole welfare report.
 */
export function welfareContributionLine(t: Translate, locale: Locale, document: WelfareReportDocument): string {
  const organisation = displayName(locale, document.organisationName, document.organisationNameSv)
  return t('names.welfareContribution', { organisation })
}

export function countFollowUps(followUps: readonly ChainFollowUp[]): FollowUpCounts {
  return {
    done: followUps.filter((followUp) => followUp.status === 'done').length,
    inProgress: followUps.filter((followUp) => followUp.status === 'in_progress' && !followUp.overdue).length,
    overdue: followUps.filter((followUp) => followUp.overdue).length,
  }
}

/** Where a section is read; notifications and emails link a reporter straight to the section that used their report. */
export function welfareSectionPath(welfareReportId: string, sectionId: string): string {
  return `/welfare-reports/${welfareReportId}#section-${sectionId}`
}
