import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

interface LockOwner {
  pid: number
  command: string
  hostname: string
  startedAt: string
  /** A PID is reused (PID 1 after every container restart); the start time and the boot tell its holder apart. */
  processStartTicks?: string
  bootId?: string
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

/** Linux only (undefined elsewhere): clock ticks from boot to the process's start, field 22 of /proc/<pid>/stat. */
function processStartTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses; the fields after its closing one start at 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]
  } catch {
    return undefined
  }
}

function currentBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return undefined
  }
}

/**
 * Whether the process that wrote the lock still runs. A PID alone can mislead: after a reboot or a container
 * restart it may belong to another process. Where /proc cannot tell (another system, an older lock file), a
 * live PID counts as the holder.
 */
function holderRuns(owner: LockOwner): boolean {
  const bootId = currentBootId()
  if (owner.bootId && bootId && owner.bootId !== bootId) return false
  if (!isAlive(owner.pid)) return false
  if (!owner.processStartTicks) return true
  const startTicks = processStartTicks(owner.pid)
  return startTicks === undefined || startTicks === owner.processStartTicks
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
 * The first process claims the folder with an exclusive lock file; a lock whose holder is gone is taken over.
 */
export function acquireDataDirLock(dataDir: string, command: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, 'database.lock')
  const owner: LockOwner = {
    pid: process.pid,
    command,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    processStartTicks: processStartTicks(process.pid),
    bootId: currentBootId(),
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
      if (current && (!sameHost || holderRuns(current))) throw new DataDirLockedError(lockPath, current)
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new DataDirLockedError(lockPath, readOwner(lockPath) ?? owner)
}
