import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { acquireDataDirLock, DataDirLockedError } from '#app/utils/data-dir-lock.server.ts'
import { migrateToLatest, openEmbeddedDatabase } from '#app/utils/db.server.ts'
import { isDatabaseEmpty } from '#db/seed.ts'
import { runScript, startScript, waitForExit } from '#tests/process.ts'

const folders: string[] = []
function newDataDir() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sr-lock-'))
  folders.push(folder)
  return folder
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

describe('the data folder lock', () => {
  test('is exclusive while held and gone once released', () => {
    const dataDir = newDataDir()
    const release = acquireDataDirLock(dataDir, 'first')
    const lockFile = path.join(dataDir, 'database.lock')
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, command: 'first' })
    expect(() => acquireDataDirLock(dataDir, 'second')).toThrow(DataDirLockedError)
    release()
    expect(existsSync(lockFile)).toBe(false)
    acquireDataDirLock(dataDir, 'third')()
  })

  test('left behind by a dead process is taken over', () => {
    const dataDir = newDataDir()
    const deadPid = 2 ** 22 + 12345
    writeFileSync(
      path.join(dataDir, 'database.lock'),
      JSON.stringify({
        pid: deadPid,
        command: 'npm start',
        hostname: os.hostname(),
        startedAt: '2026-01-01T00:00:00Z',
      }),
    )
    const release = acquireDataDirLock(dataDir, 'recovering')
    expect(JSON.parse(readFileSync(path.join(dataDir, 'database.lock'), 'utf8')).pid).toBe(process.pid)
    release()
  })
})

// Linux tells a process apart from a later one with the same PID by its start time and the boot it runs in.
const procAvailable = existsSync('/proc/self/stat')

function startTicksOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!
}

function currentBootId(): string {
  return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
}

function writeLock(dataDir: string, holder: Record<string, unknown>) {
  const lock = { command: 'npm start', hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z', ...holder }
  writeFileSync(path.join(dataDir, 'database.lock'), JSON.stringify(lock))
}

function lockPid(dataDir: string): number {
  return JSON.parse(readFileSync(path.join(dataDir, 'database.lock'), 'utf8')).pid
}

describe.runIf(procAvailable)('a lock whose PID another process now has', () => {
  test('records the holder’s start time and boot', () => {
    const dataDir = newDataDir()
    const release = acquireDataDirLock(dataDir, 'recording')
    expect(JSON.parse(readFileSync(path.join(dataDir, 'database.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      processStartTicks: startTicksOf(process.pid),
      bootId: currentBootId(),
    })
    release()
  })

  test('is taken over when that PID is a live process started at another time (PID 1 after a restart)', () => {
    const dataDir = newDataDir()
    writeLock(dataDir, { pid: 1, processStartTicks: String(Number(startTicksOf(1)) + 1), bootId: currentBootId() })
    const release = acquireDataDirLock(dataDir, 'after a restart')
    expect(lockPid(dataDir)).toBe(process.pid)
    release()
  })

  test('is taken over when it was written in another boot', () => {
    const dataDir = newDataDir()
    writeLock(dataDir, {
      pid: process.ppid,
      processStartTicks: startTicksOf(process.ppid),
      bootId: '00000000-0000-4000-8000-000000000000',
    })
    const release = acquireDataDirLock(dataDir, 'after a reboot')
    expect(lockPid(dataDir)).toBe(process.pid)
    release()
  })

  test('still refuses while its holder truly runs, and an older lock without start time refuses as before', () => {
    const dataDir = newDataDir()
    writeLock(dataDir, { pid: process.ppid, processStartTicks: startTicksOf(process.ppid), bootId: currentBootId() })
    expect(() => acquireDataDirLock(dataDir, 'second')).toThrow(DataDirLockedError)
    writeLock(dataDir, { pid: process.ppid })
    expect(() => acquireDataDirLock(dataDir, 'second')).toThrow(DataDirLockedError)
    expect(lockPid(dataDir)).toBe(process.ppid)
  })
})

describe('a second process on the same embedded database', () => {
  test(
    'npm start, db:migrate, db:seed, token and worker refuse at once, name the holder and change nothing',
    { timeout: 180_000 },
    async () => {
      const dataDir = newDataDir()
      const holder = await startScript('tests/fixtures/hold-embedded-database.ts', [dataDir], {}, 'ready')
      try {
        const env = { DATA_DIR: dataDir, DEMO: 'true', PORT: '3999' }
        const commands: [string, string[]][] = [
          ['db/migrate.ts', []],
          ['db/seed-cli.ts', []],
          ['server.ts', []],
          ['scripts/token.ts', ['--email', 'someone@example.org']],
          ['scripts/worker.ts', []],
        ]
        for (const [script, args] of commands) {
          const result = await runScript(script, args, env)
          expect(result.code, script).toBe(1)
          expect(result.stderr, script).toContain(`in use by process ${holder.pid}`)
          expect(result.stderr, script).toContain('"test holder"')
          expect(result.stderr, script).not.toMatch(/\n\s+at /)
        }
      } finally {
        holder.kill('SIGTERM')
        expect(await waitForExit(holder)).toBe(0)
      }
      expect(existsSync(path.join(dataDir, 'database.lock'))).toBe(false)
      const database = await openEmbeddedDatabase(dataDir, 'test check')
      try {
        expect(await isDatabaseEmpty(database.db)).toBe(true)
      } finally {
        await database.close()
      }
    },
  )

  test(
    'after the holder is killed outright, the next command recovers the folder with its data',
    { timeout: 180_000 },
    async () => {
      const dataDir = newDataDir()
      const holder = await startScript('tests/fixtures/hold-embedded-database.ts', [dataDir], {}, 'ready')
      holder.kill('SIGKILL')
      await waitForExit(holder)
      expect(existsSync(path.join(dataDir, 'database.lock'))).toBe(true)
      const result = await runScript('db/migrate.ts', [], { DATA_DIR: dataDir })
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('nothing to apply')
      const database = await openEmbeddedDatabase(dataDir, 'test check')
      try {
        expect(await migrateToLatest(database.db)).toEqual([])
      } finally {
        await database.close()
      }
    },
  )
})

describe('starting the app', () => {
  test('a malformed variable stops the start with one line naming it', async () => {
    const result = await runScript('server.ts', [], { PORT: 'kolmetuhatta', DATA_DIR: newDataDir() })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe('Invalid environment variable PORT: expected a port number.')
  })

  test('a database server that is down stops the start with a clear message and exit code 1', async () => {
    const result = await runScript('server.ts', [], {
      DATABASE_URL: 'postgres://app:salainen@127.0.0.1:9/raportointi',
      PORT: '3998',
    })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Cannot reach the PostgreSQL server given in DATABASE_URL')
    expect(result.stderr).not.toContain('salainen')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
