import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

// The floor to compare the app with: the same bytes over the same HTTP stack, with no work behind them.
const body = readFileSync(process.env.BARE_BODY_FILE ?? '')
const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(body.byteLength) }

const server = createServer((_request, response) => {
  response.writeHead(200, headers)
  response.end(body)
})
server.listen(Number(process.env.PORT))

process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
})
