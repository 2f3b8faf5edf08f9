import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FolderLockedError,
  LOCK_FILE_NAME,
  lockDataFolder,
  processIdentity,
  type FolderLockHolder,
} from './folder-lock.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'mh-folder-lock-'));
const writeLock = (dir: string, holder: Partial<FolderLockHolder>) =>
  writeFileSync(
    join(dir, LOCK_FILE_NAME),
    JSON.stringify({
      hostname: (spawnSync('hostname', { encoding: 'utf8' }).stdout || '').trim(),
      lockedAt: '2026-11-22T09:00:00.000Z',
      command: 'markhound serve',
      processIdentity: null,
      ...holder,
    }),
  );
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('the lock on a PGlite data folder', () => {
  it('is taken by one process, refused to a second while the first lives, and freed on release', () => {
    const dir = folder();
    const lock = lockDataFolder(dir, 'markhound serve');
    const written = JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')) as FolderLockHolder;
    expect(written).toMatchObject({ pid: process.pid, command: 'markhound serve' });
    expect(() => lockDataFolder(dir, 'markhound keys create')).toThrow(FolderLockedError);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    lockDataFolder(dir, 'markhound keys create').release();
  });

  it('refuses while another live process holds it, naming the folder, the pid, the command and what to do', () => {
    const dir = folder();
    const holder = spawn('sleep', ['30']);
    children.push(holder);
    writeLock(dir, { pid: holder.pid!, processIdentity: processIdentity(holder.pid!) });
    let error: unknown;
    try {
      lockDataFolder(dir, 'markhound keys create');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FolderLockedError);
    const message = (error as Error).message;
    expect(message).toContain(dir);
    expect(message).toContain(`pid ${holder.pid}`);
    expect(message).toContain('`markhound serve`');
    expect(message).toMatch(/Stop that process.*API.*PostgreSQL/);
    expect(message).toContain(join(dir, LOCK_FILE_NAME));
  });

  it('takes over a lock whose process is gone (killed, crashed)', () => {
    const dir = folder();
    const gone = spawnSync('true');
    writeLock(dir, { pid: gone.pid, processIdentity: null });
    const lock = lockDataFolder(dir, 'markhound ingest');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reused after a crash or reboot)', () => {
    const dir = folder();
    // This very pid, but not this process: another start time.
    writeLock(dir, { pid: process.pid, processIdentity: 'another-boot:12345' });
    const lock = lockDataFolder(dir, 'markhound serve');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({
      pid: process.pid,
      processIdentity: processIdentity(process.pid),
    });
    lock.release();
  });

  it('refuses a lock held from another host, which it cannot check', () => {
    const dir = folder();
    writeLock(dir, { pid: 1, hostname: 'other-host.example' });
    expect(() => lockDataFolder(dir, 'markhound serve')).toThrow(/on host other-host\.example/);
  });

  it('shows the API URL the holder added, so the refused command can go there', () => {
    const dir = folder();
    const lock = lockDataFolder(dir, 'markhound serve');
    lock.annotate({ url: 'http://127.0.0.1:8787' });
    expect(() => lockDataFolder(dir, 'markhound sync uspto-daily')).toThrow(
      /API at http:\/\/127\.0\.0\.1:8787/,
    );
    lock.release();
  });
});
