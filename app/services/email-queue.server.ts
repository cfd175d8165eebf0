import { canAdministerOrganisation } from '#app/domain/user-admin.ts'
import { retryDeadEmailJob } from '#app/models/email-job.server.ts'
import { type CurrentUser } from '#app/models/user.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ServiceResult } from './result.ts'

/**
 * An admin puts an email that failed for good back in the queue with a fresh set of attempts. Not found when the
 * job is not their organisation's or has not failed for good (e.g. it was retried already).
 */
export async function retryFailedEmail(
  admin: Pick<CurrentUser, 'roles' | 'organisation'>,
  input: { jobId: string },
): Promise<ServiceResult> {
  if (!canAdministerOrganisation(admin.roles)) return { ok: false, reason: 'forbidden' }
  const retried = await retryDeadEmailJob(getDb(), admin.organisation.id, input.jobId)
  return retried ? { ok: true } : { ok: false, reason: 'not_found' }
}
