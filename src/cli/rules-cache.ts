/**
 * The compiled rules, kept between runs of the built command line: a command that evaluates (impact, rapport,
 * eval, explain, test, diff, tarieven, toewijzing, bundle, schema, api, ir) and finds the same rules files again
 * reads their programs from here instead of loading the compiler and compiling (0,2–0,3 s of every run).
 *
 * - The key is a SHA-256 over the build of regelwerk itself (`__REGELWERK_BUILD__`, a hash of its sources set
 *   by vite.cli.config.ts) and every file's name and text: any change to a rules file, or another build, is
 *   another key. Only rules that compile without errors are kept; `check` always compiles.
 * - Where: `REGELWERK_CACHE` (an absolute folder or `~/…`; `uit` keeps nothing, `aan` the default; a relative
 *   path keeps nothing, so that no folder appears where the command happens to run), else
 *   `$XDG_CACHE_HOME/regelwerk`, else `~/.cache/regelwerk`.
 * - Only the user's own: the folder must belong to the user and be writable by nobody else (the folder it
 *   creates is 0700; a folder others may write to is not used), and so must every entry read. An entry carries the SHA-256 of its programs, so a damaged or hand-edited entry is compiled anew
 *   instead of trusted. Written to a temporary name and renamed, so a reader never sees half a file. At most
 *   {@link MAX_ENTRIES} entries (`regels-<sleutel>.json`, nothing else is ever removed); the least recently used go.
 * - A cache that cannot be read or written is no error: the command compiles, as without one.
 * - Run from the TypeScript sources (tests, `REGELWERK_DEV=1`) there is no build hash, so nothing is kept.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Ir } from '../../dsl/index.js';

declare const __REGELWERK_BUILD__: string | undefined;

/** Entries kept; a rules folder, a draft and a few test folders fit comfortably. */
const MAX_ENTRIES = 32;
/** An entry larger than this is not kept (the Twents Model is ~0,7 MB). */
const MAX_ENTRY_BYTES = 32 * 1024 * 1024;
const FORMAT = 'regelwerk-gecompileerd';
const FORMAT_VERSION = 2;
const ENTRY = /^regels-([0-9a-f]{64})\.json(\.\d+\.\d+\.tmp)?$/;
/** Group or others may write. */
const SHARED_WRITE = 0o022;

export interface CachedFile {
  readonly path: string;
  readonly text: string;
}

/** The build this code belongs to, or undefined when run from the sources. */
function buildId(): string | undefined {
  return typeof __REGELWERK_BUILD__ === 'string' ? __REGELWERK_BUILD__ : undefined;
}

/** The cache folder of this run, or undefined when caching is off (see the module comment). */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const set = env.REGELWERK_CACHE?.trim();
  if (set !== undefined && set !== '') {
    if (/^(uit|nee|0|false|off|no|geen)$/i.test(set)) return undefined;
    if (!/^(aan|ja|1|true|on|yes)$/i.test(set)) {
      if (set === '~' || set.startsWith('~/')) return path.join(homedir(), set.slice(1));
      return path.isAbsolute(set) ? path.resolve(set) : undefined;
    }
  }
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache');
  return path.join(base, 'regelwerk');
}

/** The user's own id, where the platform has one. */
const uid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/** Whether a file or folder belongs to this user and nobody else may write to it. */
function own(s: { uid: number; mode: number }): boolean {
  const me = uid();
  return (me === undefined || s.uid === me) && (s.mode & SHARED_WRITE) === 0;
}

/**
 * Makes the folder and the folders above it that are missing, one at a time and 0700 (Node's recursive mkdir
 * never returns on some paths under /proc).
 */
async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let at = folder;
  while ((await lstat(at).catch(() => undefined)) === undefined) {
    missing.push(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing.reverse()) await mkdir(dir, { mode: 0o700 });
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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
    return path.join(this.folder, `regels-${key}.json`);
  }

  /** Whether the folder is a real folder of this user's that nobody else may write to. */
  private async usableFolder(): Promise<boolean> {
    const s = await lstat(this.folder).catch(() => undefined);
    return s !== undefined && s.isDirectory() && own(s);
  }

  /** The programs compiled from exactly these files, or undefined (none kept, not the user's, or damaged). */
  async get(key: string): Promise<Ir.Program[] | undefined> {
    try {
      if (!(await this.usableFolder())) return undefined;
      const file = this.file(key);
      const s = await lstat(file);
      if (!s.isFile() || !own(s) || s.size > MAX_ENTRY_BYTES + 1024) return undefined;
      // Line 1: what the entry is; the rest: the programs as JSON, whose SHA-256 line 1 gives.
      const text = await readFile(file, 'utf8');
      const end = text.indexOf('\n');
      if (end < 0) return undefined;
      const head = JSON.parse(text.slice(0, end)) as Record<string, unknown> | null;
      const body = text.slice(end + 1);
      if (head?.format !== FORMAT || head.version !== FORMAT_VERSION || head.key !== key) return undefined;
      if (head.sha256 !== sha256(body)) return undefined;
      const programs = JSON.parse(body) as unknown;
      if (!Array.isArray(programs)) return undefined;
      // Used now: the last to be dropped.
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined);
      return programs as Ir.Program[];
    } catch {
      return undefined;
    }
  }

  /** Keeps the programs under the key (best effort: a failure is silent), then drops the oldest entries. */
  async put(key: string, programs: readonly Ir.Program[]): Promise<void> {
    try {
      const body = JSON.stringify(programs);
      if (body.length > MAX_ENTRY_BYTES) return;
      await makeFolder(this.folder);
      if (!(await this.usableFolder())) return;
      const head = JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, key, sha256: sha256(body) });
      const temporary = `${this.file(key)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, `${head}\n${body}`, { mode: 0o600, flag: 'wx' });
      try {
        await rename(temporary, this.file(key));
      } catch (e) {
        await unlink(temporary).catch(() => undefined);
        throw e;
      }
      await this.prune();
    } catch {
      // no cache this time: the next run compiles again
    }
  }

  /** Removes all but the {@link MAX_ENTRIES} most recently used entries (and stale temporary files). */
  private async prune(): Promise<void> {
    const entries: { file: string; time: number }[] = [];
    for (const name of await readdir(this.folder)) {
      const m = ENTRY.exec(name);
      if (!m) continue;
      const file = path.join(this.folder, name);
      const s = await lstat(file).catch(() => undefined);
      if (!s?.isFile()) continue;
      if (m[2] !== undefined) {
        if (Date.now() - s.mtimeMs > 60_000) await unlink(file).catch(() => undefined);
        continue;
      }
      entries.push({ file, time: s.mtimeMs });
    }
    entries.sort((a, b) => b.time - a.time);
    for (const old of entries.slice(MAX_ENTRIES)) await unlink(old.file).catch(() => undefined);
  }
}
