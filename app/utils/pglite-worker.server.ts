// The database thread: owns the embedded PostgreSQL and answers the main thread's requests (pglite-thread.server.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { type Transaction } from '@electric-sql/pglite'
import { createPglite } from './pglite.server.ts'

/** What the main thread asks of the database thread; `id` pairs each request with its reply. */
export type PgliteRequest = { id: number } & (
  | { kind: 'ready' }
  | { kind: 'query'; sql: string; params: unknown[]; rowMode?: 'array' | 'object'; transaction?: number }
  | { kind: 'begin' }
  | { kind: 'end'; transaction: number; commit: boolean }
  | { kind: 'close' }
)

/** An error as it crosses the thread boundary: PostgreSQL's fields (code, constraint, detail…) travel as they are. */
export interface CrossingError {
  name: string
  message: string
  stack?: string
  fields: Record<string, string | number | boolean>
}

export type PgliteReply = { id: number } & ({ ok: true; value?: unknown } | { ok: false; error: CrossingError })

/** Plain string, number and boolean fields: all that PostgreSQL's errors carry for callers to read. */
function toCrossingError(error: unknown): CrossingError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} }
  const fields: CrossingError['fields'] = {}
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value
  }
  return { name: error.name, message: error.message, stack: error.stack, fields }
}

interface OpenTransaction {
  handle: Transaction
  /** Lets PGlite's transaction callback return, committing or rolling back. */
  end: (commit: boolean) => void
  finished: Promise<void>
}

function serve(port: NonNullable<typeof parentPort>, dataDir: string) {
  const pglite = createPglite(dataDir)
  const transactions = new Map<number, OpenTransaction>()

  /** Opens a transaction under PGlite's exclusive lock and holds it until the main thread ends it. */
  const begin = (id: number) =>
    new Promise<number>((begun, failed) => {
      let end: (commit: boolean) => void = () => {}
      const decided = new Promise<boolean>((resolve) => (end = resolve))
      const finished = pglite.transaction(async (handle) => {
        transactions.set(id, { handle, end, finished })
        begun(id)
        if (!(await decided)) await handle.rollback()
      })
      finished.catch(failed)
    })

  const endTransaction = async (id: number, commit: boolean) => {
    const transaction = transactions.get(id)
    if (!transaction) throw new Error('Transaction is closed')
    transactions.delete(id)
    transaction.end(commit)
    await transaction.finished
  }

  const run = async (request: PgliteRequest): Promise<unknown> => {
    switch (request.kind) {
      case 'ready':
        return pglite.waitReady
      case 'query': {
        const target = request.transaction === undefined ? pglite : transactions.get(request.transaction)?.handle
        if (!target) throw new Error('Transaction is closed')
        const { rows, fields, affectedRows } = await target.query(request.sql, request.params, {
          rowMode: request.rowMode,
        })
        return { rows, fields, affectedRows }
      }
      case 'begin':
        return begin(request.id)
      case 'end':
        return endTransaction(request.transaction, request.commit)
      case 'close':
        return pglite.close()
    }
  }

  const reply = (message: PgliteReply) => {
    try {
      port.postMessage(message)
    } catch (error) {
      // A value that cannot be copied to the main thread fails its own request, not the thread.
      port.postMessage({ id: message.id, ok: false, error: toCrossingError(error) } satisfies PgliteReply)
    }
  }

  port.on('message', (request: PgliteRequest) => {
    run(request).then(
      (value) => reply({ id: request.id, ok: true, value }),
      (error: unknown) => reply({ id: request.id, ok: false, error: toCrossingError(error) }),
    )
  })
}

serve(parentPort!, (workerData as { dataDir: string }).dataDir)
