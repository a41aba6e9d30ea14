/**
 * The compiled rules, kept between runs of the built command line: a command that evaluates (impact, rapport,
 * eval, test, tarieven, toewijzing, bundle, api, ir) and finds the same rules files again reads their programs
 * from here instead of loading the compiler and compiling (0,3 s of every run).
 *
 * - The key is a SHA-256 over the build of regelwerk itself (`__REGELWERK_BUILD__`, a hash of its sources set
 *   by vite.cli.config.ts) and every file's name and text: any change to a rules file, or another build, is
 *   another key. Only rules that compile without errors are kept; `check` always compiles.
 * - Where: `REGELWERK_CACHE` (a folder, or `uit` to keep nothing), else `$XDG_CACHE_HOME/regelwerk`, else
 *   `~/.cache/regelwerk`. The folder is the user's own (0700); an entry is written to a temporary name and then
 *   renamed, so a reader never sees half a file. At most {@link MAX_ENTRIES} entries are kept (the oldest go).
 * - A cache that cannot be read or written is no error: the command compiles, as without one.
 * - Run from the TypeScript sources (tests, `REGELWERK_DEV=1`) there is no build hash, so nothing is kept.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Ir } from '../../dsl/index.js';

declare const __REGELWERK_BUILD__: string | undefined;

/** Entries kept; a rules folder, a draft and a few test folders fit comfortably. */
const MAX_ENTRIES = 32;
/** An entry larger than this is not kept (the Twents Model is ~0,4 MB). */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
const FORMAT = 'regelwerk-gecompileerd';
const FORMAT_VERSION = 1;

export interface CachedFile {
  readonly path: string;
  readonly text: string;
}

/** The build this code belongs to, or undefined when run from the sources. */
function buildId(): string | undefined {
  return typeof __REGELWERK_BUILD__ === 'string' ? __REGELWERK_BUILD__ : undefined;
}

/** The cache folder of this run, or undefined when caching is off. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.REGELWERK_CACHE;
  if (set !== undefined && set !== '') {
    if (/^(uit|nee|0|false|off|no)$/i.test(set)) return undefined;
    return path.resolve(set);
  }
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache');
  return path.join(base, 'regelwerk');
}

/** Compiled programs by the files they were compiled from. */
export class RulesCache {
  private constructor(
    private readonly folder: string,
    private readonly build: string,
  ) {}

  /** The cache of this run; undefined when run from the sources or switched off. */
  static open(env: NodeJS.ProcessEnv = process.env): RulesCache | undefined {
    const build = buildId();
    const folder = cacheFolder(env);
    return build !== undefined && folder !== undefined ? new RulesCache(folder, build) : undefined;
  }

  /** The key of a set of files (in the order given: the loader sorts them). */
  key(files: readonly CachedFile[]): string {
    const h = createHash('sha256');
    h.update(`${FORMAT}\u0000${FORMAT_VERSION}\u0000${this.build}\u0000`);
    for (const f of files) h.update(`${f.path.length}:${f.path}\u0000${f.text.length}:${f.text}\u0000`);
    return h.digest('hex');
  }

  private file(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }

  /** The programs compiled from exactly these files, or undefined (none kept, or unreadable). */
  async get(key: string): Promise<Ir.Program[] | undefined> {
    try {
      const data = JSON.parse(await readFile(this.file(key), 'utf8')) as unknown;
      if (typeof data !== 'object' || data === null) return undefined;
      const entry = data as { format?: unknown; version?: unknown; key?: unknown; programs?: unknown };
      if (entry.format !== FORMAT || entry.version !== FORMAT_VERSION || entry.key !== key) return undefined;
      if (!Array.isArray(entry.programs)) return undefined;
      // Used now: the last to be dropped.
      const now = new Date();
      await utimes(this.file(key), now, now).catch(() => undefined);
      return entry.programs as Ir.Program[];
    } catch {
      return undefined;
    }
  }

  /** Keeps the programs under the key (best effort: a failure is silent), then drops the oldest entries. */
  async put(key: string, programs: readonly Ir.Program[]): Promise<void> {
    try {
      const text = JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, key, programs });
      if (text.length > MAX_ENTRY_BYTES) return;
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      const temporary = `${this.file(key)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, this.file(key));
      await this.prune();
    } catch {
      // no cache this time: the next run compiles again
    }
  }

  /** Removes all but the {@link MAX_ENTRIES} most recently used entries (and stale temporary files). */
  private async prune(): Promise<void> {
    const names = await readdir(this.folder);
    const entries: { file: string; time: number }[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{64}\.json(\.\d+\.\d+\.tmp)?$/.test(name)) continue;
      const file = path.join(this.folder, name);
      const s = await stat(file).catch(() => undefined);
      if (!s) continue;
      if (name.endsWith('.tmp')) {
        if (Date.now() - s.mtimeMs > 60_000) await unlink(file).catch(() => undefined);
        continue;
      }
      entries.push({ file, time: s.mtimeMs });
    }
    entries.sort((a, b) => b.time - a.time);
    for (const old of entries.slice(MAX_ENTRIES)) await unlink(old.file).catch(() => undefined);
  }
}
