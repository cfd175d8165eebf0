import { Worker } from 'node:worker_threads'
import { type PGlite as KyselyPglite, type PGliteQueryResults, type PGliteTransaction } from 'kysely'
import { type CrossingError, type PgliteReply, type PgliteRequest } from './pglite-worker.server.ts'

interface QueryOptions {
  rowMode?: 'array' | 'object'
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function fromCrossingError({ name, message, stack, fields }: CrossingError): Error {
  const error = Object.assign(new Error(message), fields)
  error.name = name
  if (stack) error.stack = stack
  return error
}

// The availability wrapper recognises this message, as it does PGlite's own, and answers 503.
const closedError = () => new Error('PGlite is closed')

/**
 * PGlite running in a worker thread, with the part of PGlite's interface that kysely's PGliteDialect uses.
 * PostgreSQL compiled to WebAssembly computes synchronously: in the main thread each query would hold up every
 * request until it is done. Here it holds up only the database thread, and the main thread keeps answering.
 * Transactions take PGlite's exclusive lock in the database thread, as kysely's dialect does in-process.
 */
export class PgliteInWorker implements KyselyPglite {
  readonly waitReady: Promise<void>
  #worker: Worker
  #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  #nextId = 1
  #ready = false
  #stopped = false

  constructor(dataDir: string) {
    this.#worker = new Worker(new URL('./pglite-worker.server.ts', import.meta.url), { workerData: { dataDir } })
    this.#worker.on('message', (reply: PgliteReply) => this.#settle(reply))
    this.#worker.on('error', (error) => this.#stop(error))
    this.#worker.on('exit', (code) =>
      this.#stop(
        Object.assign(new Error(`The embedded database thread stopped (exit code ${code}).`), {
          code: '57P02', // crash_shutdown: PostgreSQL's own code for a database that stopped under its clients
        }),
      ),
    )
    this.waitReady = this.#request({ kind: 'ready' }).then(() => {
      this.#ready = true
    })
  }

  get ready(): boolean {
    return this.#ready && !this.#stopped
  }

  get closed(): boolean {
    return this.#stopped
  }

  async query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<PGliteQueryResults<T>> {
    return (await this.#request({ kind: 'query', sql, params, rowMode: options?.rowMode })) as PGliteQueryResults<T>
  }

  async transaction<T>(callback: (transaction: PGliteTransaction) => Promise<T>): Promise<T> {
    const transaction = (await this.#request({ kind: 'begin' })) as number
    let ended = false
    const end = async (commit: boolean) => {
      ended = true
      await this.#request({ kind: 'end', transaction, commit })
    }
    const handle = {
      query: async <R>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
        if (ended) throw new Error('Transaction is closed')
        const request = { kind: 'query', sql, params, rowMode: options?.rowMode, transaction } as const
        return (await this.#request(request)) as PGliteQueryResults<R>
      },
      rollback: () => end(false),
    }
    let result: T
    try {
      result = await callback(handle)
    } catch (error) {
      if (!ended) await end(false).catch(() => {})
      throw error
    }
    if (!ended) await end(true)
    return result
  }

  async close(): Promise<void> {
    if (this.#stopped) return
    try {
      await this.#request({ kind: 'close' })
    } finally {
      this.#stop(closedError(), { expected: true })
      await this.#worker.terminate()
    }
  }

  #request(request: DistributiveOmit<PgliteRequest, 'id'>): Promise<unknown> {
    if (this.#stopped) return Promise.reject(closedError())
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.#worker.postMessage({ ...request, id })
    })
  }

  #settle(reply: PgliteReply) {
    const pending = this.#pending.get(reply.id)
    if (!pending) return
    this.#pending.delete(reply.id)
    if (reply.ok) pending.resolve(reply.value)
    else pending.reject(fromCrossingError(reply.error))
  }

  /** Every request still waiting fails with the reason, and every later one as on a closed PGlite. */
  #stop(reason: Error, { expected = false } = {}) {
    // A failure to start reaches the caller through waitReady; one while serving is only seen here.
    if (this.ready && !expected) console.error(`The embedded database stopped: ${reason.message}`)
    this.#stopped = true
    for (const { reject } of this.#pending.values()) reject(reason)
    this.#pending.clear()
  }
}
