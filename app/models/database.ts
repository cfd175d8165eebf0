import { type ColumnType, type Generated, type Insertable, type Selectable } from 'kysely'
import { type Role } from '#app/domain/roles.ts'
import { type Locale } from '#app/utils/i18n.ts'

type CreatedAt = ColumnType<Date, Date | undefined, never>
type UpdatedAt = ColumnType<Date, Date | undefined, Date>

export interface OrganisationTable {
  id: Generated<string>
  name: string
  slug: string
  identifying_names: ColumnType<string[], string[] | undefined, string[]>
  created_at: CreatedAt
}

export interface MunicipalityTable {
  id: Generated<string>
  organisation_id: string
  name: string
  created_at: CreatedAt
}

export interface TeamTable {
  id: Generated<string>
  organisation_id: string
  name: string
  created_at: CreatedAt
}

export interface UserTable {
  id: Generated<string>
  email: string
  name: string
  password_hash: string
  locale: ColumnType<Locale, Locale | undefined, Locale>
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
  support_needs: ColumnType<string[], string[] | undefined, string[]>
  client_groups: ColumnType<string[], string[] | undefined, string[]>
  age_bands: ColumnType<string[], string[] | undefined, string[]>
  genders: ColumnType<string[], string[] | undefined, string[]>
  client_count: number | null
  trend: 'growing' | 'stable' | 'shrinking' | 'unknown' | null
  sectors: ColumnType<string[], string[] | undefined, string[]>
  causes: ColumnType<string, string | undefined, string>
  consequences: ColumnType<string, string | undefined, string>
  clients_participated: ColumnType<boolean, boolean | undefined, boolean>
  positive: ColumnType<boolean, boolean | undefined, boolean>
  no_identifying_data_confirmed: ColumnType<boolean, boolean | undefined, boolean>
  committee_id: ColumnType<string | null, string | null | undefined, string | null>
  identifiability_findings: ColumnType<StoredFinding[], string | undefined, string>
  created_at: CreatedAt
  updated_at: UpdatedAt
  submitted_at: Date | null
}

export interface ProposedActionTable {
  id: Generated<string>
  report_id: string
  position: number
  description: string
  level: 'team' | 'organisation' | 'committee' | 'national'
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
  created_at: CreatedAt
}

export interface PhenomenonTable {
  id: Generated<string>
  organisation_id: string
  title: string
  description: ColumnType<string, string | undefined, string>
  created_by: string
  created_at: CreatedAt
}

export interface PhenomenonReportTable {
  phenomenon_id: string
  report_id: string
  linked_by: string
  linked_at: CreatedAt
}

export type ReportEventType = 'created' | 'status_changed' | 'phenomenon_linked' | 'phenomenon_unlinked'

export interface ReportEventTable {
  id: Generated<string>
  report_id: string
  organisation_id: string
  actor_id: string
  type: ReportEventType
  from_status: ReportStatus | null
  to_status: ReportStatus | null
  comment: string | null
  resolution: 'resolved_in_team' | 'no_further_action' | null
  committee_id: string | null
  phenomenon_id: string | null
  created_at: CreatedAt
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

export interface Database {
  committees: CommitteeTable
  phenomena: PhenomenonTable
  phenomenon_reports: PhenomenonReportTable
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
}

export type Organisation = Selectable<OrganisationTable>
export type User = Selectable<UserTable>
export type NewReport = Insertable<ReportTable>
