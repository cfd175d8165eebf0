import { isAppDatabaseHealthy } from '#app/utils/db.server.ts'

export async function loader() {
  const healthy = await isAppDatabaseHealthy()
  return Response.json(healthy ? { status: 'ok', db: 'ok' } : { status: 'error', db: 'unreachable' }, {
    status: healthy ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
