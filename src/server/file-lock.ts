/**
 * Save locks on a file's real path, held across processes. Within one process, saves to a file queue up;
 * across processes (two servers on one folder, or one folder reached through a symlinked alias) a lock
 * directory next to the file (`.regelwerk-<hash>.lock`, made with the atomic mkdir of proper-lockfile) lets
 * one writer at a time check the version and rename. A lock whose holder died (kill -9) is taken over once
 * it has not been refreshed for {@link STALE_MS}.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long belongs to a process that stopped. */
export const STALE_MS = 10_000;
const LOCK = /^\.regelwerk-[0-9a-f]{16}\.lock$/;

/** The lock directory for a file: short, hidden, in the same folder (so it names the real file). */
export const lockPathFor = (realFile: string): string =>
  path.join(
    path.dirname(realFile),
    `.regelwerk-${createHash('sha256').update(path.basename(realFile)).digest('hex').slice(0, 16)}.lock`,
  );

export class LockBusyError extends Error {}

export class FileLocks {
  /** Per real path, the tail of this process's queue. */
  private readonly queues = new Map<string, Promise<unknown>>();

  /**
   * Runs `fn` while holding the lock on `realFile` (which must already be a real path). `fn` gets a check
   * to call just before it commits: it throws when the lock was lost meanwhile.
   */
  async withLock<T>(realFile: string, fn: (stillHeld: () => void) => Promise<T>): Promise<T> {
    const previous = this.queues.get(realFile) ?? Promise.resolve();
    const run = () => this.acrossProcesses(realFile, fn);
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(realFile, settled);
    try {
      return await next;
    } finally {
      if (this.queues.get(realFile) === settled) this.queues.delete(realFile);
    }
  }

  private async acrossProcesses<T>(realFile: string, fn: (stillHeld: () => void) => Promise<T>): Promise<T> {
    let lost: Error | undefined;
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(realFile, {
        realpath: false,
        lockfilePath: lockPathFor(realFile),
        stale: STALE_MS,
        // Up to ~14 s: longer than STALE_MS, so a dead holder's lock is taken over within one save.
        retries: { retries: 30, factor: 2, minTimeout: 50, maxTimeout: 500 },
        onCompromised: (e) => {
          lost = e;
        },
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockBusyError();
      throw e;
    }
    try {
      return await fn(() => {
        if (lost !== undefined) throw new LockBusyError();
      });
    } finally {
      await release().catch(() => undefined);
    }
  }
}

/** Removes lock directories below `root` whose holder stopped (not refreshed for {@link STALE_MS}). */
export async function removeStaleLocks(root: string): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const full = path.join(dir, e.name);
      if (LOCK.test(e.name)) {
        const stat = await fs.stat(full).catch(() => undefined);
        if (stat !== undefined && Date.now() - stat.mtimeMs > STALE_MS) {
          await fs.rmdir(full).catch(() => undefined);
          removed.push(full);
        }
      } else if (!e.name.startsWith('.')) {
        await walk(full);
      }
    }
  };
  await walk(root);
  return removed;
}
