import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds a data folder, as written in its lock file. */
export interface FolderLockHolder {
  pid: number;
  hostname: string;
  /** When the holder took the lock (ISO 8601). */
  lockedAt: string;
  /** The command line of the holder, e.g. `markhound serve --demo`. */
  command: string;
  /**
   * Identity of the holder process beyond its pid (Linux: boot id and start time in clock ticks),
   * so a pid reused after a crash or a reboot is not taken for the holder. Null where unknown.
   */
  processIdentity: string | null;
  /** The holder's API, once it serves one: where to send what this process was about to write. */
  url?: string;
}

export const LOCK_FILE_NAME = 'markhound.lock';

/** The data folder is owned by another live process: this one must not open it. */
export class FolderLockedError extends Error {
  readonly code = 'data_folder_locked';
  constructor(
    readonly folder: string,
    readonly holder: FolderLockHolder,
    readonly lockPath: string,
  ) {
    const who = holder.command.includes(' serve') ? 'the Markhound server' : 'another Markhound process';
    const where = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
    super(
      `the data folder ${folder} is held by ${who} (pid ${holder.pid}${where}, \`${holder.command}\`, since ${holder.lockedAt}${holder.url ? `, API at ${holder.url}` : ''}). ` +
        `PGlite lets one process own a data folder: what this process wrote there would be lost. ` +
        `Stop that process and run this again, or do it through the running server's API, or run both on PostgreSQL (DATABASE_URL). ` +
        `If no such process is running, delete ${lockPath}.`,
    );
    this.name = 'FolderLockedError';
  }
}

export interface FolderLock {
  readonly path: string;
  /** Adds facts to the lock file others read (the API URL once the server listens). */
  annotate(extra: Pick<FolderLockHolder, 'url'>): void;
  /** Removes the lock file if it is still this process's. Safe to call twice. */
  release(): void;
}

/** Linux: boot id plus the process start time in clock ticks since boot (field 22 of /proc/PID/stat). */
export function processIdentity(pid: number): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = fields[19];
    return startTicks ? `${bootId}:${startTicks}` : null;
  } catch {
    return null;
  }
}

/** True when the process that wrote the lock is still running (unknowable on another host: assume so). */
export function holderIsAlive(holder: FolderLockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: a process of another user has that pid; it is alive.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Same pid, different process (reused after a crash or reboot): the lock is stale.
  const identity = processIdentity(holder.pid);
  return holder.processIdentity === null || identity === null || identity === holder.processIdentity;
}

function readHolder(lockPath: string): { raw: string; holder: FolderLockHolder | null } | null {
  let raw: string;
  try {
    raw = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as FolderLockHolder;
    return typeof parsed.pid === 'number' ? { raw, holder: parsed } : { raw, holder: null };
  } catch {
    return { raw, holder: null };
  }
}

/**
 * Takes the exclusive lock on a PGlite data folder: a lock file created with O_EXCL holding the
 * pid, host, command and process identity of this process. PGlite has no lock of its own, and a
 * second process opening the same folder works on its own copy in memory: its writes vanish (a
 * CLI `keys create` printed a key the running server never saw). A lock left by a process that is
 * gone (killed, crashed, rebooted) is taken over; a live holder makes this throw FolderLockedError.
 */
export function lockDataFolder(folder: string, command: string): FolderLock {
  const lockPath = join(folder, LOCK_FILE_NAME);
  const me: FolderLockHolder = {
    pid: process.pid,
    hostname: hostname(),
    lockedAt: new Date().toISOString(),
    command,
    processIdentity: processIdentity(process.pid),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(me, null, 2) + '\n');
      } finally {
        closeSync(fd);
      }
      return holdLock(lockPath, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readHolder(lockPath);
    if (!found) continue; // released between our create and our read
    if (found.holder && holderIsAlive(found.holder))
      throw new FolderLockedError(folder, found.holder, lockPath);
    // An unreadable lock file is one being written right now, unless it stays unreadable.
    if (!found.holder && attempt < 2) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    takeOverStale(lockPath, found.raw);
  }
  throw new Error(
    `could not take the lock ${lockPath}: it keeps changing; is another process starting on ${folder}?`,
  );
}

/**
 * Moves a stale lock file aside. Renaming is atomic, so of two processes taking over the same
 * stale lock one moves it and the other finds it gone; if the file moved is no longer the stale
 * one (a live process locked the folder in between), it is put back.
 */
function takeOverStale(lockPath: string, staleRaw: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readFileSync(aside, 'utf8');
  if (moved !== staleRaw) {
    try {
      renameSync(aside, lockPath);
    } catch {
      // The other process sees its lock gone on release; nothing better to do here.
    }
    return;
  }
  unlinkSync(aside);
}

function holdLock(lockPath: string, me: FolderLockHolder): FolderLock {
  let held = true;
  let current = me;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    const found = readHolder(lockPath);
    if (found?.holder?.pid === me.pid && found.holder.processIdentity === me.processIdentity) {
      try {
        unlinkSync(lockPath);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  // A process that exits without closing its database (process.exit after an error) frees the folder too.
  process.on('exit', release);
  return {
    path: lockPath,
    annotate(extra) {
      if (!held) return;
      current = { ...current, ...extra };
      // Written aside and renamed over the lock: a reader never sees a half-written file (which it
      // could take for a stale lock).
      const next = `${lockPath}.${process.pid}.tmp`;
      writeFileSync(next, JSON.stringify(current, null, 2) + '\n');
      renameSync(next, lockPath);
    },
    release,
  };
}
