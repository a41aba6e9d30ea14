/**
 * The rules folder as the editor sees it: list, read and save `.regels` and `.json` files.
 * Every path is checked to stay inside the folder (no `..`, no absolute paths, no symlinks that lead out).
 * A save is atomic (temp file + rename in the same directory) and guarded by a version tag: the sha256 of
 * the content the writer last read. A mismatch is a conflict: nothing is written, the caller gets the
 * current content back.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A user-facing error with an HTTP status and a Dutch message. */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export interface FileEntry {
  readonly soort: 'bestand';
  readonly naam: string;
  /** Path relative to the rules folder, with `/`. */
  readonly pad: string;
  readonly grootte: number;
}

export interface DirEntry {
  readonly soort: 'map';
  readonly naam: string;
  readonly pad: string;
  readonly kinderen: readonly TreeEntry[];
}

export type TreeEntry = FileEntry | DirEntry;

export interface FileContent {
  readonly pad: string;
  readonly inhoud: string;
  readonly versie: string;
}

const ALLOWED_EXTENSIONS = ['.regels', '.json'];

/** The version tag of a file's content. */
export const versionTag = (content: string): string =>
  createHash('sha256').update(content, 'utf8').digest('hex');

const isAllowedFile = (name: string): boolean =>
  ALLOWED_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.startsWith('.');

export class RulesStore {
  private readonly root: string;
  /** Saves to one path run one after the other, so check-then-write cannot interleave. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The tree of allowed files below the root (directories without such files are left out). */
  async list(): Promise<DirEntry> {
    const realRoot = await this.realRoot();
    const walk = async (dir: string, rel: string): Promise<TreeEntry[]> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const out: TreeEntry[] = [];
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          const kinderen = await walk(full, childRel);
          if (kinderen.length > 0) out.push({ soort: 'map', naam: e.name, pad: childRel, kinderen });
        } else if (e.isFile() && isAllowedFile(e.name)) {
          const stat = await fs.stat(full);
          out.push({ soort: 'bestand', naam: e.name, pad: childRel, grootte: stat.size });
        }
      }
      return out;
    };
    return { soort: 'map', naam: path.basename(realRoot), pad: '', kinderen: await walk(realRoot, '') };
  }

  async read(relPath: string): Promise<FileContent> {
    const full = await this.resolve(relPath, { mustExist: true });
    const inhoud = await fs.readFile(full, 'utf8');
    return { pad: normalise(relPath), inhoud, versie: versionTag(inhoud) };
  }

  /**
   * Writes `content` if the file's current version is `expected` (`null`: the file must not exist yet).
   * Throws a 409 {@link StoreError} with the current content on a conflict.
   */
  async save(relPath: string, content: string, expected: string | null): Promise<FileContent> {
    const full = await this.resolve(relPath, { mustExist: false });
    return this.withLock(full, async () => {
      const current = await readIfExists(full);
      const currentTag = current === undefined ? null : versionTag(current);
      if (currentTag !== expected) {
        const message =
          current === undefined
            ? `Het bestand '${normalise(relPath)}' bestaat niet meer. Uw tekst is niet opgeslagen, maar staat nog in de editor.`
            : expected === null
              ? `Het bestand '${normalise(relPath)}' bestaat al. Uw tekst is niet opgeslagen, maar staat nog in de editor.`
              : `Het bestand '${normalise(relPath)}' is intussen door iemand anders gewijzigd. Uw tekst is niet opgeslagen, maar staat nog in de editor; neem de wijzigingen over en sla opnieuw op.`;
        throw new StoreError(409, message, {
          inhoud: current ?? null,
          versie: currentTag,
        });
      }
      await writeAtomic(full, content);
      return { pad: normalise(relPath), inhoud: content, versie: versionTag(content) };
    });
  }

  private async realRoot(): Promise<string> {
    try {
      return await fs.realpath(this.root);
    } catch {
      throw new StoreError(500, `De map met regels '${this.root}' bestaat niet.`);
    }
  }

  /** Checks a relative path and returns the absolute path inside the root. */
  private async resolve(relPath: string, opts: { mustExist: boolean }): Promise<string> {
    if (relPath.length === 0) throw new StoreError(400, 'Geef het pad van een bestand op.');
    if (relPath.includes('\0') || relPath.includes('\\')) {
      throw new StoreError(400, `Ongeldig pad '${relPath}'.`);
    }
    if (path.isAbsolute(relPath) || /^[a-zA-Z]:/.test(relPath)) {
      throw new StoreError(400, `Het pad '${relPath}' moet relatief zijn aan de map met regels.`);
    }
    const segments = relPath.split('/');
    if (segments.some((s) => s === '..' || s === '.' || s === '')) {
      throw new StoreError(400, `Het pad '${relPath}' mag geen '..', '.' of lege delen bevatten.`);
    }
    if (segments.some((s) => s.startsWith('.'))) {
      throw new StoreError(400, `Het pad '${relPath}' mag geen verborgen bestanden of mappen noemen.`);
    }
    const name = segments[segments.length - 1] ?? '';
    if (!isAllowedFile(name)) {
      throw new StoreError(
        400,
        `Alleen bestanden die eindigen op .regels of .json zijn toegestaan, niet '${relPath}'.`,
      );
    }
    const realRoot = await this.realRoot();
    const full = path.join(realRoot, ...segments);
    // The deepest existing ancestor (or the file itself) must resolve inside the root.
    let probe = full;
    for (;;) {
      try {
        const real = await fs.realpath(probe);
        if (!isInside(realRoot, real)) {
          throw new StoreError(403, `Het pad '${relPath}' wijst buiten de map met regels.`);
        }
        break;
      } catch (e) {
        if (e instanceof StoreError) throw e;
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        const parent = path.dirname(probe);
        if (parent === probe) break;
        probe = parent;
      }
    }
    const stat = await fs.lstat(full).catch(() => undefined);
    if (stat?.isSymbolicLink()) {
      throw new StoreError(403, `Het pad '${relPath}' is een snelkoppeling; die wordt niet gevolgd.`);
    }
    if (stat !== undefined && !stat.isFile()) {
      throw new StoreError(400, `'${relPath}' is geen bestand.`);
    }
    if (opts.mustExist && stat === undefined) {
      throw new StoreError(404, `Het bestand '${relPath}' bestaat niet.`);
    }
    if (!opts.mustExist && probe !== full && probe !== path.dirname(full)) {
      throw new StoreError(404, `De map voor '${relPath}' bestaat niet.`);
    }
    return full;
  }

  private async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      return await next;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }
}

const normalise = (p: string): string => p.split('/').filter(Boolean).join('/');

const isInside = (root: string, target: string): boolean => {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

async function readIfExists(full: string): Promise<string | undefined> {
  try {
    return await fs.readFile(full, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Write to a temp file in the same directory, flush, then rename over the target. */
async function writeAtomic(full: string, content: string): Promise<void> {
  const dir = path.dirname(full);
  const tmp = path.join(dir, `.${path.basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, full);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
