import { phenomenonReaders } from '#app/domain/phenomena.ts'
import { hasAnyRole } from '#app/domain/roles.ts'
import { follow, type FollowTarget, unfollow } from '#app/models/follow.server.ts'
import { markAllRead, markRead, type NotificationOwner } from '#app/models/notification.server.ts'
import { type Viewer } from '#app/models/report.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

/** The signed-in user, acting on their own notifications and follows inside their current organisation. */
type Reader = Pick<Viewer, 'id' | 'organisation'>

const ownerOf = (reader: Reader): NotificationOwner => ({ userId: reader.id, organisationId: reader.organisation.id })

/**
 * Starts following a report or a phenomenon (again changes nothing). A phenomenon is followed by those who may read
 * phenomena; anyone else, like anyone who may not see the report, is told it does not exist for them. Authors hear
 * of every step of their own report anyway, so following it is refused.
 */
export async function startFollowing(actor: Viewer, target: FollowTarget): Promise<ServiceResult> {
  if (target.kind === 'phenomenon' && !hasAnyRole(actor.roles, phenomenonReaders)) {
    return { ok: false, reason: 'not_found' }
  }
  const outcome = await follow(getDb(), actor, target)
  if (outcome === 'not_found') return { ok: false, reason: 'not_found' }
  if (outcome === 'own_report') return { ok: false, reason: 'forbidden' }
  return { ok: true }
}

/** Stops following; only the follower's own follow can go, and stopping twice changes nothing. */
export async function stopFollowing(actor: Viewer, target: FollowTarget): Promise<ServiceResult> {
  await unfollow(getDb(), actor, target)
  return { ok: true }
}

/** Marks one of the reader's own notifications read (again harmlessly), with the report it is about. */
export async function markNotificationRead(
  actor: Reader,
  input: { notificationId: string },
): Promise<ServiceResult<{ reportId: string }>> {
  const reportId = await markRead(getDb(), ownerOf(actor), input.notificationId)
  return reportId ? { ok: true, reportId } : { ok: false, reason: 'not_found' }
}

export async function markAllNotificationsRead(actor: Reader): Promise<ServiceResult<{ marked: number }>> {
  return { ok: true, marked: await markAllRead(getDb(), ownerOf(actor)) }
}
