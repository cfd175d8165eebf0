import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

interface LockOwner {
  pid: number
  command: string
  hostname: string
  startedAt: string
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly lockPath: string,
    public readonly owner: LockOwner,
  ) {
    super(
      `The embedded database folder ${path.dirname(lockPath)} is in use by process ${owner.pid} ` +
        `("${owner.command}", since ${owner.startedAt}). Stop that process first (Ctrl+C in its terminal, ` +
        `or kill ${owner.pid}), or set DATA_DIR to another folder. Nothing was changed.`,
    )
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner
  } catch {
    return null
  }
}

/**
 * PGlite has no locking of its own: two processes on one folder silently lose committed rows.
 * The first process claims the folder with an exclusive lock file; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'database.lock')
  const owner: LockOwner = {
    pid: process.pid,
    command,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(owner), { flag: 'wx' })
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true })
        process.off('exit', release)
      }
      process.on('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const current = readOwner(lockPath)
      const sameHost = !current || current.hostname === os.hostname()
      if (current && (!sameHost || isAlive(current.pid))) throw new DataDirLockedError(lockPath, current)
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new DataDirLockedError(lockPath, readOwner(lockPath) ?? owner)
}
