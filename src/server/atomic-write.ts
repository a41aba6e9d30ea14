/**
 * Atomic saves: the new content goes to a temporary file in the same folder, is flushed, given the old
 * file's mode, and renamed over the target. Temporary names are short and carry the writer's process id
 * (`.regelwerk-<pid>-<random>.tmp`), so a long target name still fits and a starting server can tell the
 * leftovers of a killed process from the files another running server is writing right now.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const TEMP = /^\.regelwerk-(\d+)-[0-9a-f]{12}\.tmp$/;
/** Left by versions before the process id was in the name: `.<name>.<random>.tmp`. */
const OLD_TEMP = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** An old-style temporary file this old cannot still be in use. */
const OLD_TEMP_AGE_MS = 60_000;

const tempName = (): string => `.regelwerk-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;

/**
 * Writes `content` to `full` atomically. `mode` (the permission bits of the file it replaces) is kept;
 * a new file gets the default mode. Returns when the rename is on disk.
 * `beforeRename` runs last and may throw to abandon the save (the temp file is removed).
 */
export async function writeAtomic(
  full: string,
  content: Uint8Array | string,
  mode: number | undefined,
  beforeRename: () => void = () => undefined,
): Promise<void> {
  const dir = path.dirname(full);
  const tmp = path.join(dir, tempName());
  const handle = await fs.open(tmp, 'wx', mode ?? 0o666);
  try {
    try {
      // open() applies the umask; chmod sets exactly the old file's bits.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename();
    await fs.rename(tmp, full);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await syncDir(dir);
}

/** Flushes a folder entry (the rename) to disk; not every platform allows it, and that is fine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync();
  } catch {
    // EINVAL/EISDIR on some file systems: the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // this process has not written anything yet at startup
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files left below `root` by processes that no longer run (a crash, a kill during a
 * save). Returns the removed paths. Hidden folders and symlinks are not entered.
 */
export async function removeStaleTempFiles(root: string): Promise<string[]> {
  const removed: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !e.name.startsWith('.')) {
        await walk(full);
        continue;
      }
      if (!e.isFile()) continue;
      const match = TEMP.exec(e.name);
      let stale = match !== null && !isAlive(Number(match[1]));
      if (match === null && OLD_TEMP.test(e.name)) {
        const stat = await fs.stat(full).catch(() => undefined);
        stale = stat !== undefined && Date.now() - stat.mtimeMs > OLD_TEMP_AGE_MS;
      }
      if (stale) {
        await fs.rm(full, { force: true });
        removed.push(full);
      }
    }
  };
  await walk(root);
  return removed;
}
