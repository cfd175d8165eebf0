import { getDb, isDatabaseHealthy } from '#app/utils/db.server.ts'

export async function loader() {
  const healthy = await isDatabaseHealthy(getDb())
  return Response.json(healthy ? { status: 'ok', db: 'ok' } : { status: 'error', db: 'unreachable' }, {
    status: healthy ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
