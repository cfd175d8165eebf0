import { type AppDb } from '#app/utils/db.server.ts'
import { findVisibleReportState, type Viewer } from './report.server.ts'

/** What a person can follow: one report, or a phenomenon and so every report linked to it. */
export interface FollowTarget {
  kind: 'report' | 'phenomenon'
  id: string
}

export type FollowResult = 'following' | 'not_found' | 'own_report'

function targetColumn(target: FollowTarget) {
  return target.kind === 'report' ? ('report_id' as const) : ('phenomenon_id' as const)
}

/** Whether the follower may see the target now: a report through the visibility rule, a phenomenon by organisation. */
async function checkFollowable(db: AppDb, follower: Viewer, target: FollowTarget): Promise<FollowResult> {
  if (target.kind === 'report') {
    const report = await findVisibleReportState(db, follower, target.id)
    if (!report) return 'not_found'
    // The author hears of every step anyway.
    return report.author_id === follower.id ? 'own_report' : 'following'
  }
  const phenomenon = await db
    .selectFrom('phenomena')
    .select('id')
    .where('id', '=', target.id)
    .where('organisation_id', '=', follower.organisation.id)
    .executeTakeFirst()
  return phenomenon ? 'following' : 'not_found'
}

/** Starts following once; following again changes nothing. */
export async function follow(db: AppDb, follower: Viewer, target: FollowTarget): Promise<FollowResult> {
  const allowed = await checkFollowable(db, follower, target)
  if (allowed !== 'following') return allowed
  await db
    .insertInto('follows')
    .values({ organisation_id: follower.organisation.id, user_id: follower.id, [targetColumn(target)]: target.id })
    .onConflict((oc) => oc.columns(['user_id', targetColumn(target)]).doNothing())
    .execute()
  return 'following'
}

/** Stops following; only the follower's own row in their organisation can go. */
export async function unfollow(db: AppDb, follower: Viewer, target: FollowTarget) {
  await db
    .deleteFrom('follows')
    .where('user_id', '=', follower.id)
    .where('organisation_id', '=', follower.organisation.id)
    .where(targetColumn(target), '=', target.id)
    .execute()
}

export async function isFollowing(db: AppDb, follower: Viewer, target: FollowTarget): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('id')
    .where('user_id', '=', follower.id)
    .where('organisation_id', '=', follower.organisation.id)
    .where(targetColumn(target), '=', target.id)
    .executeTakeFirst()
  return Boolean(row)
}
