/**
 * The rules folder as the editor sees it: list, read and save `.regels` and `.json` files.
 * Every path is checked to stay inside the folder (no `..`, no absolute paths, no symlinks that lead out)
 * and to have a sound name (file-names.ts).
 * A save is atomic (atomic-write.ts), keeps the file's mode, and is guarded by a version tag: the sha256 of
 * the bytes the writer last read. The check and the rename happen under a lock on the file's real path that
 * holds across processes (file-lock.ts). A mismatch is a conflict: nothing is written, the caller gets the
 * current content back. A file that is not valid UTF-8 is shown read-only and never rewritten.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles, writeAtomic } from './atomic-write.js';
import { decodeUtf8, notUtf8Message, readIfExists, versionTag } from './file-bytes.js';
import { FileLocks, removeStaleLocks } from './file-lock.js';
import { nameProblem, pathProblem, showPath } from './file-names.js';
import { fsProblem, StoreError } from './store-error.js';

export { StoreError } from './store-error.js';
export { versionTag } from './file-bytes.js';

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
  /** The file is not valid UTF-8: shown (read as Windows-1252) but never saved; `melding` says why. */
  readonly alleenLezen: boolean;
  readonly melding?: string;
  /** Read-only because its version is adopted or under review (the workflow), not because it is unreadable. */
  readonly vergrendeld?: boolean;
  /**
   * The diagnostic code when the file cannot be read as rules: `RW9001` (not UTF-8), as `regelwerk check` reports
   * it. The editor shows it in Problemen by this code, not by the wording of `melding`.
   */
  readonly code?: typeof UNREADABLE;
}

/** The catalog code of a file that cannot be read (dsl/diagnostics/catalog.ts). */
export const UNREADABLE = 'RW9001';

const ALLOWED_EXTENSIONS = ['.regels', '.json'];

const isAllowedFile = (name: string): boolean =>
  ALLOWED_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.startsWith('.');

export class RulesStore {
  private readonly root: string;
  private readonly locks = new FileLocks();

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Removes what killed processes left behind (temporary files, locks). Returns how many. */
  async removeLeftovers(): Promise<number> {
    const realRoot = await this.realRoot();
    const temps = await removeStaleTempFiles(realRoot);
    const locks = await removeStaleLocks(realRoot);
    return temps.length + locks.length;
  }

  /** The tree of allowed files below the root (directories without such files are left out). */
  async list(): Promise<DirEntry> {
    const realRoot = await this.realRoot();
    const walk = async (dir: string, rel: string): Promise<TreeEntry[]> => {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      const out: TreeEntry[] = [];
      for (const e of entries) {
        if (e.name.startsWith('.') || nameProblem(e.name) !== undefined) continue;
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
    const bytes = await fs.readFile(full).catch((e: unknown) => {
      throw fsProblem(e, relPath);
    });
    const pad = normalise(relPath);
    const inhoud = decodeUtf8(bytes);
    if (inhoud !== undefined) return { pad, inhoud, versie: versionTag(bytes), alleenLezen: false };
    return {
      pad,
      inhoud: new TextDecoder('windows-1252').decode(bytes),
      versie: versionTag(bytes),
      alleenLezen: true,
      melding: notUtf8Message(pad, bytes),
      code: UNREADABLE,
    };
  }

  /**
   * Writes `content` if the file's current version is `expected` (`null`: the file must not exist yet).
   * Throws a 409 {@link StoreError} with the current content on a conflict.
   */
  async save(relPath: string, content: string, expected: string | null): Promise<FileContent> {
    const full = await this.resolve(relPath, { mustExist: false });
    const pad = normalise(relPath);
    try {
      // The lock names the real file, whichever (symlinked) folder the path went through.
      const real = path.join(await fs.realpath(path.dirname(full)), path.basename(full));
      return await this.locks.withLock(real, async (stillHeld) => {
        const current = await readIfExists(real);
        const currentTag = current === undefined ? null : versionTag(current.bytes);
        if (current !== undefined && decodeUtf8(current.bytes) === undefined) {
          throw new StoreError(422, notUtf8Message(pad, current.bytes), { code: UNREADABLE });
        }
        if (currentTag !== expected) throw conflict(pad, current, currentTag, expected);
        const bytes = Buffer.from(content, 'utf8');
        await writeAtomic(real, bytes, current?.mode, stillHeld);
        return { pad, inhoud: content, versie: versionTag(bytes), alleenLezen: false };
      });
    } catch (e) {
      throw fsProblem(e, relPath);
    }
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
      throw new StoreError(400, `Ongeldig pad '${showPath(relPath)}'.`);
    }
    const problem = pathProblem(relPath);
    if (problem !== undefined) {
      throw new StoreError(400, `Ongeldige bestandsnaam '${showPath(relPath)}': ${problem}.`);
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
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw fsProblem(e, relPath);
        const parent = path.dirname(probe);
        if (parent === probe) break;
        probe = parent;
      }
    }
    const stat = await fs.lstat(full).catch((e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw fsProblem(e, relPath);
    });
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
}

const normalise = (p: string): string => p.split('/').filter(Boolean).join('/');

const isInside = (root: string, target: string): boolean => {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

function conflict(
  pad: string,
  current: { bytes: Buffer } | undefined,
  currentTag: string | null,
  expected: string | null,
): StoreError {
  const message =
    current === undefined
      ? `Het bestand '${pad}' bestaat niet meer. Uw tekst is niet opgeslagen, maar staat nog in de editor.`
      : expected === null
        ? `Het bestand '${pad}' bestaat al. Uw tekst is niet opgeslagen, maar staat nog in de editor.`
        : `Het bestand '${pad}' is intussen door iemand anders gewijzigd. Uw tekst is niet opgeslagen, maar staat nog in de editor; neem de wijzigingen over en sla opnieuw op.`;
  return new StoreError(409, message, {
    inhoud: current === undefined ? null : current.bytes.toString('utf8'),
    versie: currentTag,
  });
}
