import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { meetingReaderRoles } from '#app/domain/meetings.ts'
import { listFollowUpsOfAgendaItems } from '#app/models/follow-through.server.ts'
import { recordRead } from '#app/services/audit.server.ts'
import { getMeetingForViewer } from '#app/services/meetings.server.ts'
import { requireRole } from './auth.server.ts'
import { getDb } from './db.server.ts'
import { renderMarkdown } from './markdown.server.ts'
import { requireUuid } from './params.server.ts'

/**
 * The one loader of the printable meeting documents: the agenda of any meeting the user may read, the minutes
 * only of a published one (minutes record what a published agenda was decided; a draft has none). The minutes also
 * tell what each decision set in motion: its follow-ups with their latest status.
 */
export function meetingDocumentLoader(document: 'agenda' | 'minutes') {
  return async ({ request, params }: LoaderFunctionArgs) => {
    const user = await requireRole(request, meetingReaderRoles)
    const meeting = await getMeetingForViewer(user, requireUuid(params.meetingId))
    if (!meeting || (document === 'minutes' && !meeting.published_at)) {
      throw data({ code: 'not_found' }, { status: 404 })
    }
    await recordRead(user, request, { action: `${document}.read`, target: { type: 'meeting', id: meeting.id } })
    const { items, viewerSeat: _seat, ...details } = meeting
    const followUps =
      document === 'minutes'
        ? await listFollowUpsOfAgendaItems(
            getDb(),
            user.organisation.id,
            items.map((item) => item.id),
          )
        : new Map()
    return {
      meeting: details,
      items: items.map(({ summary, ...item }) => ({
        ...item,
        summaryHtml: renderMarkdown(summary),
        followUps: followUps.get(item.id) ?? [],
      })),
    }
  }
}
