import { type ColumnType, type Generated, type Insertable, type Selectable } from 'kysely'
import { type ActionOutcome } from '#app/domain/action-outcomes.ts'
import { type AgendaDecision } from '#app/domain/agenda-decisions.ts'
import { type CommitteeRole } from '#app/domain/committees.ts'
import { type EmailDelivery } from '#app/domain/email-delivery.ts'
import { type FollowUpStatus } from '#app/domain/follow-ups.ts'
import { type NotificationReason } from '#app/domain/notifications.ts'
import { type RecipientKind } from '#app/domain/recipients.ts'
import { type ReportEventType } from '#app/domain/report-event-types.ts'
import {
  type ActionLevel,
  type AgeBand,
  type ClientGroup,
  type Gender,
  type Sector,
  type SupportNeed,
  type Trend,
} from '#app/domain/report-fields.ts'
import { type ReportStatus, type Resolution } from '#app/domain/report-status.ts'
import { type Role } from '#app/domain/roles.ts'
import { type ContributionForum, type ContributionKind } from '#app/domain/contributions.ts'
import { type CompiledReportStage } from '#app/domain/compiled-reports.ts'
import { type TeamMeetingKind } from '#app/domain/team-reports.ts'
import { type WelfareSectionKind } from '#app/domain/welfare-report.ts'
import { type SendingState } from '#app/domain/sendings.ts'
import { type TokenPurpose } from '#app/domain/user-tokens.ts'
import { type Locale } from '#app/utils/i18n.ts'

// The value lists live with their rules in app/domain; these re-exports keep older importers compiling until
// they import from the domain themselves. The domain never imports from here.
export { actionOutcomes, type ActionOutcome } from '#app/domain/action-outcomes.ts'
export { agendaDecisions, type AgendaDecision } from '#app/domain/agenda-decisions.ts'
export { emailDeliveries, type EmailDelivery } from '#app/domain/email-delivery.ts'
export { type NotificationReason } from '#app/domain/notifications.ts'
export { reportEventTypes, type ReportEventType } from '#app/domain/report-event-types.ts'
export { reportStatuses, type ReportStatus } from '#app/domain/report-status.ts'

type CreatedAt = ColumnType<Date, Date | undefined, never>
type UpdatedAt = ColumnType<Date, Date | undefined, Date>

export interface OrganisationTable {
  id: Generated<string>
  name: string
  /** The Swedish form of the name in bilingual areas; shown to readers using Swedish (displayName). */
  name_sv: ColumnType<string | null, string | null | undefined, string | null>
  slug: string
  identifying_names: ColumnType<string[], string[] | undefined, string[]>
  feedback_limit_days: ColumnType<number, number | undefined, number>
  small_count_threshold: ColumnType<number, number | undefined, number>
  /** How long the audit log keeps its rows; a daily job removes older ones. */
  audit_retention_years: ColumnType<number, number | undefined, number>
  /** False when the organisation's staff sign in only through single sign-on. */
  password_login: ColumnType<boolean, boolean | undefined, boolean>
  /** False when the organisation has turned the contributor channel off: its contributors cannot sign in or act. */
  contributors_enabled: ColumnType<boolean, boolean | undefined, boolean>
  /** Whether published compiled reports have a public page without sign-in. */
  public_social_reports: ColumnType<boolean, boolean | undefined, boolean>
  created_at: CreatedAt
}

export interface MunicipalityTable {
  id: Generated<string>
  organisation_id: string
  name: string
  /** The Swedish form of the name in bilingual areas; shown to readers using Swedish (displayName). */
  name_sv: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface TeamTable {
  id: Generated<string>
  organisation_id: string
  name: string
  /** The Swedish form of the name in bilingual areas; shown to readers using Swedish (displayName). */
  name_sv: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface UserTable {
  id: Generated<string>
  email: string
  name: string
  /** Null until an invited user sets a password. */
  password_hash: string | null
  locale: ColumnType<Locale, Locale | undefined, Locale>
  email_delivery: ColumnType<EmailDelivery, EmailDelivery | undefined, EmailDelivery>
  /** Set when a departed user's personal data was removed; the row stays for what refers to it. */
  removed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface MembershipTable {
  user_id: string
  organisation_id: string
  roles: Role[]
  active: ColumnType<boolean, boolean | undefined, boolean>
  created_at: CreatedAt
}

export interface TeamMembershipTable {
  team_id: string
  user_id: string
}

export interface SessionTable {
  id: string
  user_id: string
  organisation_id: string
  expires_at: Date
  created_at: CreatedAt
}

export interface LoginAttemptTable {
  key: string
  failures: number
  last_failure_at: Date
}

export interface ReportTable {
  id: Generated<string>
  organisation_id: string
  team_id: string | null
  author_id: string
  municipality_id: string | null
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>
  title: string
  description: ColumnType<string, string | undefined, string>
  observed_since: string | null
  support_needs: ColumnType<SupportNeed[], SupportNeed[] | undefined, SupportNeed[]>
  client_groups: ColumnType<ClientGroup[], ClientGroup[] | undefined, ClientGroup[]>
  age_bands: ColumnType<AgeBand[], AgeBand[] | undefined, AgeBand[]>
  genders: ColumnType<Gender[], Gender[] | undefined, Gender[]>
  client_count: number | null
  trend: Trend | null
  sectors: ColumnType<Sector[], Sector[] | undefined, Sector[]>
  causes: ColumnType<string, string | undefined, string>
  consequences: ColumnType<string, string | undefined, string>
  clients_participated: ColumnType<boolean, boolean | undefined, boolean>
  positive: ColumnType<boolean, boolean | undefined, boolean>
  no_identifying_data_confirmed: ColumnType<boolean, boolean | undefined, boolean>
  committee_id: ColumnType<string | null, string | null | undefined, string | null>
  identifiability_findings: ColumnType<StoredFinding[], string | undefined, string>
  /** A fixed random number per report: the statistics' cell key, so a cell's noise never changes. */
  statistics_key: ColumnType<number, number | undefined, never>
  /** Title and description stemmed for full-text search; the database computes it from them. */
  search_vector: ColumnType<string, never, never>
  created_at: CreatedAt
  updated_at: UpdatedAt
  submitted_at: Date | null
  /** The team meeting the report was prepared in together, if it was. */
  prepared_in: ColumnType<TeamMeetingKind | null, TeamMeetingKind | null | undefined, TeamMeetingKind | null>
}

export interface ReportCoAuthorTable {
  report_id: string
  user_id: string
  organisation_id: string
  created_at: CreatedAt
}

export interface ReportQuestionTable {
  id: Generated<string>
  organisation_id: string
  report_id: string
  asked_by: string
  question: string
  asked_at: CreatedAt
  answered_by: string | null
  answer: string | null
  answered_at: Date | null
}

export interface ResponseTemplateTable {
  id: Generated<string>
  organisation_id: string
  name: string
  text_fi: string
  text_sv: ColumnType<string, string | undefined, string>
  text_en: ColumnType<string, string | undefined, string>
  created_at: CreatedAt
  updated_at: UpdatedAt
  archived_at: Date | null
}

/** The writer's word that their report is about the same phenomenon as another report of the organisation. */
export interface ReportSamePhenomenonTable {
  report_id: string
  same_as_report_id: string
  organisation_id: string
  marked_at: CreatedAt
}

/** A proposed action of a report or, drafted by a coordinator, of a phenomenon: exactly one of the two is set. */
export interface ProposedActionTable {
  id: Generated<string>
  report_id: string | null
  phenomenon_id: ColumnType<string | null, string | null | undefined, string | null>
  position: number
  description: string
  level: ActionLevel
  outcome: ColumnType<ActionOutcome | null, ActionOutcome | null | undefined, ActionOutcome | null>
  outcome_reason: ColumnType<string | null, string | null | undefined, string | null>
  outcome_by: ColumnType<string | null, string | null | undefined, string | null>
  outcome_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

export interface StoredFinding {
  field: string
  kind: string
  fragment: string
}

export interface CommitteeTable {
  id: Generated<string>
  organisation_id: string
  name: string
  /** The Swedish form of the name in bilingual areas; shown to readers using Swedish (displayName). */
  name_sv: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface CommitteeMemberTable {
  committee_id: string
  user_id: string
  role: CommitteeRole
  added_at: CreatedAt
}

export interface PhenomenonTable {
  id: Generated<string>
  organisation_id: string
  title: string
  description: ColumnType<string, string | undefined, string>
  /** Whether contributors may send a view on it; they then see only its title and public summary. */
  open_for_views: ColumnType<boolean, boolean | undefined, boolean>
  public_summary: ColumnType<string, string | undefined, string>
  created_by: string
  created_at: CreatedAt
  updated_at: UpdatedAt
}

/** "Havaitsen saman": a worker's short supporting observation of a phenomenon, counted in its evidence. */
export interface PhenomenonObservationTable {
  id: Generated<string>
  organisation_id: string
  phenomenon_id: string
  author_id: string
  municipality_id: string | null
  client_estimate: number | null
  sentence: string
  created_at: CreatedAt
}

export interface PhenomenonReportTable {
  phenomenon_id: string
  report_id: string
  linked_by: string
  linked_at: CreatedAt
}

export interface ReportEventTable {
  id: Generated<string>
  report_id: string
  organisation_id: string
  /** Null for a step no user took: a partner's answer through its link, a follow-up falling overdue. */
  actor_id: string | null
  type: ReportEventType
  from_status: ReportStatus | null
  to_status: ReportStatus | null
  comment: string | null
  resolution: Resolution | null
  committee_id: string | null
  phenomenon_id: string | null
  agenda_item_id: ColumnType<string | null, string | null | undefined, never>
  decision: ColumnType<AgendaDecision | null, AgendaDecision | null | undefined, never>
  proposed_action_id: ColumnType<string | null, string | null | undefined, never>
  action_outcome: ColumnType<ActionOutcome | null, ActionOutcome | null | undefined, never>
  welfare_report_section_id: ColumnType<string | null, string | null | undefined, never>
  sending_id: ColumnType<string | null, string | null | undefined, never>
  follow_up_id: ColumnType<string | null, string | null | undefined, never>
  follow_up_update_id: ColumnType<string | null, string | null | undefined, never>
  created_at: CreatedAt
}

export interface MeetingTable {
  id: Generated<string>
  organisation_id: string
  committee_id: string
  starts_at: Date
  place: ColumnType<string, string | undefined, string>
  /** Null while the coordinator prepares the agenda; members see the meeting once it is set. */
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  published_by: ColumnType<string | null, string | null | undefined, string | null>
  created_by: string
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface AgendaItemTable {
  id: Generated<string>
  organisation_id: string
  meeting_id: string
  position: number
  title: string
  summary: ColumnType<string, string | undefined, string>
  proposal: ColumnType<string, string | undefined, string>
  decision: ColumnType<AgendaDecision | null, AgendaDecision | null | undefined, AgendaDecision | null>
  decision_text: ColumnType<string | null, string | null | undefined, string | null>
  decided_by: ColumnType<string | null, string | null | undefined, string | null>
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface AgendaItemPhenomenonTable {
  agenda_item_id: string
  phenomenon_id: string
}

export interface AgendaItemReportTable {
  agenda_item_id: string
  report_id: string
  via_phenomenon_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface WelfareReportTable {
  id: Generated<string>
  organisation_id: string
  title: string
  /** YYYY-MM-DD, inclusive at both ends. */
  period_start: ColumnType<string, string, string>
  period_end: ColumnType<string, string, string>
  introduction: ColumnType<string, string | undefined, string>
  created_by: string
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface CompiledReportTable {
  id: Generated<string>
  organisation_id: string
  title: string
  narrative: ColumnType<string, string | undefined, string>
  stage: ColumnType<CompiledReportStage, CompiledReportStage | undefined, CompiledReportStage>
  /** Raised by every change, so a change over someone else's newer one is refused (409). */
  version: ColumnType<number, number | undefined, number>
  created_by: string
  created_at: CreatedAt
  updated_at: UpdatedAt
  approved_by: string | null
  approved_at: Date | null
  published_at: Date | null
  sent_at: Date | null
}

export interface CompiledReportPhenomenonTable {
  compiled_report_id: string
  phenomenon_id: string
}

export interface CompiledReportIndicatorTable {
  compiled_report_id: string
  series_id: string
}

export interface IndicatorSeriesTable {
  id: Generated<string>
  organisation_id: string
  name: string
  source: string
  unit: ColumnType<string, string | undefined, string>
  imported_at: CreatedAt
  imported_by: string
}

export interface IndicatorValueTable {
  series_id: string
  area: string
  /** YYYY, YYYY-MM or YYYY-Qn. */
  period: string
  /** numeric: read as a string, so no precision is lost on the way. */
  value: ColumnType<string, string | number, string | number>
}

export interface CompiledReportReviewerTable {
  compiled_report_id: string
  user_id: string
  added_at: CreatedAt
}

export interface CompiledReportCommentTable {
  id: Generated<string>
  compiled_report_id: string
  author_id: string
  text: string
  created_at: CreatedAt
  answer: string | null
  answered_by: string | null
  answered_at: Date | null
}

export interface WelfareReportSectionTable {
  id: Generated<string>
  organisation_id: string
  welfare_report_id: string
  position: number
  title: string
  /** A § 11 support need the section's figures are limited to; null for the whole period. */
  category: ColumnType<string | null, string | null | undefined, string | null>
  /** 'text' is written by the coordinator; 'what_was_done' lists the period's follow-ups and their state. */
  kind: ColumnType<WelfareSectionKind, WelfareSectionKind | undefined, WelfareSectionKind>
  body: ColumnType<string, string | undefined, string>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface WelfareSectionPhenomenonTable {
  section_id: string
  phenomenon_id: string
}

export interface WelfareSectionReportTable {
  section_id: string
  report_id: string
  via_phenomenon_id: ColumnType<string | null, string | null | undefined, string | null>
}

export interface ApiTokenTable {
  id: Generated<string>
  user_id: string
  organisation_id: string
  name: string
  token_hash: string
  created_at: CreatedAt
  last_used_at: Date | null
  revoked_at: Date | null
}

export interface NotificationTable {
  id: Generated<string>
  organisation_id: string
  user_id: string
  event_id: string
  report_id: string
  reason: NotificationReason
  created_at: CreatedAt
  read_at: Date | null
}

export interface FollowTable {
  id: Generated<string>
  organisation_id: string
  user_id: string
  report_id: string | null
  phenomenon_id: string | null
  created_at: CreatedAt
}

export type { WelfareSectionKind } from '#app/domain/welfare-report.ts'

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>

export interface RecipientTable {
  id: Generated<string>
  organisation_id: string
  kind: RecipientKind
  name: string
  /** The Swedish form of the name in bilingual areas; shown to readers using Swedish (displayName). */
  name_sv: ColumnType<string | null, string | null | undefined, string | null>
  committee_id: Nullable<string>
  municipality_id: Nullable<string>
  contact_email: Nullable<string>
  locale: ColumnType<Locale, Locale | undefined, Locale>
  archived_at: Nullable<Date>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface RecipientMemberTable {
  recipient_id: string
  user_id: string
  added_at: CreatedAt
}

export interface SendingTable {
  id: Generated<string>
  organisation_id: string
  recipient_id: string
  report_id: Nullable<string>
  phenomenon_id: Nullable<string>
  covering_note: ColumnType<string, string | undefined, string>
  state: ColumnType<SendingState, SendingState | undefined, SendingState>
  answer: Nullable<string>
  answered_by: Nullable<string>
  /** The name a partner gave when answering through its link; null when a user answered. */
  answered_by_name: Nullable<string>
  answered_at: Nullable<Date>
  received_at: Nullable<Date>
  reminded_at: Nullable<Date>
  sent_by: string
  sent_at: ColumnType<Date, Date | undefined, never>
  version: ColumnType<number, number | undefined, number>
  updated_at: UpdatedAt
}

export interface SendingLinkTable {
  id: Generated<string>
  sending_id: string
  token_hash: string
  expires_at: Date
  used_at: Nullable<Date>
  created_at: CreatedAt
}

export interface FollowUpTable {
  id: Generated<string>
  organisation_id: string
  title: string
  proposed_action_id: Nullable<string>
  agenda_item_id: Nullable<string>
  sending_id: Nullable<string>
  phenomenon_id: Nullable<string>
  responsible_recipient_id: Nullable<string>
  responsible_team_id: Nullable<string>
  responsible_user_id: Nullable<string>
  /** YYYY-MM-DD: the day of the decision; the target date may not be earlier. */
  decided_on: string
  target_date: ColumnType<string, string, string>
  status: ColumnType<FollowUpStatus, FollowUpStatus | undefined, FollowUpStatus>
  status_reason: Nullable<string>
  progress: Nullable<number>
  version: ColumnType<number, number | undefined, number>
  overdue_noted_at: Nullable<Date>
  reminded_at: Nullable<Date>
  created_by: Nullable<string>
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export interface FollowUpReportTable {
  follow_up_id: string
  report_id: string
}

export interface FollowUpUpdateTable {
  id: Generated<string>
  organisation_id: string
  follow_up_id: string
  author_id: Nullable<string>
  body: ColumnType<string, string | undefined, never>
  status: ColumnType<FollowUpStatus | null, FollowUpStatus | null | undefined, never>
  progress: ColumnType<number | null, number | null | undefined, never>
  created_at: CreatedAt
}

export type EmailKind =
  | 'notification'
  | 'digest'
  | 'invitation'
  | 'password_reset'
  | 'partner_request'
  | 'partner_reminder'
  | 'member_request'
  | 'follow_up_reminder'
export type EmailJobStatus = 'pending' | 'sending' | 'sent' | 'dead'

export interface EmailJobTable {
  id: Generated<string>
  organisation_id: string | null
  /** The user the email goes to; null when it goes to a partner recipient instead. */
  recipient_id: ColumnType<string | null, string | null | undefined, never>
  partner_recipient_id: ColumnType<string | null, string | null | undefined, never>
  kind: EmailKind
  /** What the worker needs to render the message when it is sent (ids and a date, never rendered text). */
  payload: ColumnType<Record<string, unknown>, string, string>
  idempotency_key: string
  status: ColumnType<EmailJobStatus, EmailJobStatus | undefined, EmailJobStatus>
  attempts: ColumnType<number, number | undefined, number>
  run_at: ColumnType<Date, Date | undefined, Date>
  locked_until: Date | null
  last_error: string | null
  to_address: string | null
  subject: string | null
  html: string | null
  text_body: string | null
  provider_message_id: string | null
  delivered_locally: ColumnType<boolean, boolean | undefined, boolean>
  /** The idempotency key of the batch request the email is sent in, kept until it is sent or dead. */
  batch_key: ColumnType<string | null, never, string | null>
  created_at: CreatedAt
  sent_at: Date | null
}

/** One row shared by every worker process: when the next request to the email provider may leave. */
export interface EmailSendPacingTable {
  id: ColumnType<boolean, never, never>
  next_request_at: ColumnType<Date, never, Date>
}

export interface UserTokenTable {
  id: Generated<string>
  user_id: string
  purpose: TokenPurpose
  token_hash: string
  expires_at: Date
  used_at: Date | null
  created_at: CreatedAt
}

/** One appended line of the audit log: who did or read what, when, and for admin changes before and after. */
export interface AuditLogTable {
  id: Generated<string>
  organisation_id: string | null
  actor_id: string | null
  api_token_id: ColumnType<string | null, string | null | undefined, never>
  action: string
  target_type: ColumnType<string | null, string | null | undefined, never>
  target_id: ColumnType<string | null, string | null | undefined, never>
  details: ColumnType<Record<string, unknown>, string | undefined, never>
  created_at: CreatedAt
}

export interface UserIdentityTable {
  issuer: string
  subject: string
  user_id: string
  email: string
  created_at: CreatedAt
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** Each organisation's statistics generation: moved on at commit by every write its figures read (0010). */
export interface StatisticsGenerationTable {
  organisation_id: string
  generation: Generated<string>
}

/** Figures computed once for a generation and served until the generation moves on (ADR 031). */
export interface StatisticsCacheTable {
  organisation_id: string
  kind: string
  key: string
  generation: string
  figures: unknown
  computed_at: Generated<Date>
}

/** An observation or view from a contributor, or a client's view a worker recorded on the client's behalf. */
export interface ContributionTable {
  id: Generated<string>
  organisation_id: string
  author_id: string
  kind: ContributionKind
  phenomenon_id: string | null
  compiled_report_id: ColumnType<string | null, string | null | undefined, string | null>
  forum: ContributionForum
  text: string
  created_at: CreatedAt
}

export interface Database {
  contributions: ContributionTable
  statistics_generations: StatisticsGenerationTable
  statistics_cache: StatisticsCacheTable
  audit_log: AuditLogTable
  user_identities: UserIdentityTable
  recipients: RecipientTable
  recipient_members: RecipientMemberTable
  sendings: SendingTable
  sending_links: SendingLinkTable
  follow_ups: FollowUpTable
  follow_up_reports: FollowUpReportTable
  follow_up_updates: FollowUpUpdateTable
  meetings: MeetingTable
  agenda_items: AgendaItemTable
  agenda_item_phenomena: AgendaItemPhenomenonTable
  agenda_item_reports: AgendaItemReportTable
  welfare_reports: WelfareReportTable
  compiled_reports: CompiledReportTable
  compiled_report_phenomena: CompiledReportPhenomenonTable
  compiled_report_indicators: CompiledReportIndicatorTable
  compiled_report_reviewers: CompiledReportReviewerTable
  compiled_report_comments: CompiledReportCommentTable
  indicator_series: IndicatorSeriesTable
  indicator_values: IndicatorValueTable
  welfare_report_sections: WelfareReportSectionTable
  welfare_section_phenomena: WelfareSectionPhenomenonTable
  welfare_section_reports: WelfareSectionReportTable
  notifications: NotificationTable
  follows: FollowTable
  email_jobs: EmailJobTable
  email_send_pacing: EmailSendPacingTable
  user_tokens: UserTokenTable
  committees: CommitteeTable
  committee_members: CommitteeMemberTable
  phenomena: PhenomenonTable
  phenomenon_reports: PhenomenonReportTable
  phenomenon_observations: PhenomenonObservationTable
  report_same_phenomenon: ReportSamePhenomenonTable
  report_events: ReportEventTable
  api_tokens: ApiTokenTable
  organisations: OrganisationTable
  municipalities: MunicipalityTable
  teams: TeamTable
  users: UserTable
  memberships: MembershipTable
  team_memberships: TeamMembershipTable
  sessions: SessionTable
  login_attempts: LoginAttemptTable
  reports: ReportTable
  proposed_actions: ProposedActionTable
  report_co_authors: ReportCoAuthorTable
  report_questions: ReportQuestionTable
  response_templates: ResponseTemplateTable
}

export type Organisation = Selectable<OrganisationTable>
export type User = Selectable<UserTable>
export type NewReport = Insertable<ReportTable>
