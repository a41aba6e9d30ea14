/**
 * Reading rules files for the CLI: paths may be files or folders (searched recursively for `.regels`).
 * Unreadable and binary files become Dutch messages, never exceptions.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG } from '../../dsl/diagnostics/catalog.js';

export interface LoadedFile {
  /** Path as shown to the user (relative to the working directory where possible). */
  readonly path: string;
  readonly text: string;
}

export interface LoadProblem {
  readonly path: string;
  readonly message: string;
}

export interface LoadResult {
  readonly files: LoadedFile[];
  readonly problems: LoadProblem[];
}

const EXTENSION = '.regels';
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const displayPath = (p: string): string => {
  const rel = path.relative(process.cwd(), p);
  return rel !== '' && !rel.startsWith('..') ? rel.split(path.sep).join('/') : p;
};

/** The UTF-16 encoding a byte-order mark (FF FE or FE FF) announces, if any. */
export const utf16Bom = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined =>
  bytes[0] === 0xff && bytes[1] === 0xfe
    ? 'utf-16le'
    : bytes[0] === 0xfe && bytes[1] === 0xff
      ? 'utf-16be'
      : undefined;

/**
 * Decodes bytes as UTF-8 text (or as UTF-16 when a byte-order mark says so, as Windows editors save "Unicode"),
 * or says why it is not a text file.
 */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  const utf16 = utf16Bom(bytes);
  if (utf16 !== undefined)
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, reason: 'het bestand is UTF-16 maar niet geldig; sla het op als UTF-8' };
    }
  if (bytes.includes(0)) return { ok: false, reason: 'het bestand is binair (bevat nul-bytes), geen tekst' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'het bestand is geen geldige UTF-8-tekst' };
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && e.name.endsWith(EXTENSION)) out.push(full);
  }
}

/** Expands files and folders into `.regels` paths (absolute, sorted, unique). */
export async function expandPaths(
  inputs: readonly string[],
): Promise<{ paths: string[]; problems: LoadProblem[] }> {
  const paths: string[] = [];
  const problems: LoadProblem[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    let s;
    try {
      s = await stat(abs);
    } catch {
      problems.push({ path: input, message: 'bestand of map bestaat niet' });
      continue;
    }
    if (s.isDirectory()) await walk(abs, paths);
    else paths.push(abs);
  }
  return { paths: [...new Set(paths)].sort(), problems };
}

/** Reads the given absolute paths as text. */
export async function readTextFiles(paths: readonly string[]): Promise<LoadResult> {
  const files: LoadedFile[] = [];
  const problems: LoadProblem[] = [];
  for (const p of paths) {
    const shown = displayPath(p);
    let bytes: Buffer;
    try {
      const s = await stat(p);
      if (s.size > MAX_FILE_BYTES) {
        problems.push({ path: shown, message: `het bestand is te groot (${s.size} bytes; maximaal 5 MiB)` });
        continue;
      }
      bytes = await readFile(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why =
        code === 'EACCES'
          ? 'geen leesrechten'
          : code === 'EISDIR'
            ? 'dit is een map'
            : 'kan niet worden gelezen';
      problems.push({ path: shown, message: `het bestand ${why}` });
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.ok) files.push({ path: shown, text: decoded.text });
    else problems.push({ path: shown, message: decoded.reason });
  }
  return { files, problems };
}

/**
 * Loads what the user named plus its context: the other `.regels` files in the same folders and their
 * parent folder, so an amending version finds its base. Only `named` files are reported on.
 */
export async function loadWithContext(
  inputs: readonly string[],
): Promise<{ named: Set<string>; files: LoadedFile[]; problems: LoadProblem[]; roots: string[] }> {
  const expanded = await expandPaths(inputs);
  const first = await readTextFiles(expanded.paths);
  const amending = first.files.filter((f) => /\bop\s+basis\s+van\b/.test(f.text));
  const context = new Set<string>();
  for (const p of amending.map((f) => path.resolve(f.path))) {
    const dir = path.dirname(p);
    for (const d of [dir, path.dirname(dir)]) {
      const found: string[] = [];
      try {
        const entries = await readdir(d, { withFileTypes: true });
        for (const e of entries)
          if (e.isFile() && e.name.endsWith(EXTENSION)) found.push(path.join(d, e.name));
      } catch {
        // a folder we cannot read adds no context
      }
      for (const f of found) context.add(f);
    }
  }
  // A sub-folder override (gemeente) needs the regional files one level up, which the loop above adds.
  // A project file (regelwerk.json) above a named path lists further folders: a draft elsewhere finds its base.
  const project = await projectContext(inputs);
  for (const p of project.paths) context.add(p);
  const extra = [...context].filter((p) => !expanded.paths.includes(p)).sort();
  const more = await readTextFiles(extra);
  const named = new Set(expanded.paths.map(displayPath));
  const files = [...first.files, ...more.files].sort((a, b) => a.path.localeCompare(b.path));
  const roots = [...(await inputFolders(inputs)), ...project.folders];
  return { named, files, problems: [...expanded.problems, ...first.problems, ...project.problems], roots };
}

/** The folders the user named (a named file: its folder), absolute: the roots files are named from. */
async function inputFolders(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    const s = await stat(abs).catch(() => undefined);
    if (s) out.push(s.isDirectory() ? abs : path.dirname(abs));
  }
  return out;
}

/** The name of the project file: `{ "regels": ["../rules/twents-model", …] }`, folders relative to the file. */
export const PROJECT_FILE = 'regelwerk.json';

/** The nearest project file at or above a path (a file's folder, or the folder itself). */
async function findProjectFile(input: string): Promise<string | undefined> {
  let dir = path.resolve(input);
  try {
    if (!(await stat(dir)).isDirectory()) dir = path.dirname(dir);
  } catch {
    return undefined;
  }
  for (;;) {
    const candidate = path.join(dir, PROJECT_FILE);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // none here: look one folder up
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The `.regels` files of the folders that the project files above the inputs list (as context). */
async function projectContext(
  inputs: readonly string[],
): Promise<{ paths: string[]; problems: LoadProblem[]; folders: string[] }> {
  const projectFiles = new Set<string>();
  for (const input of inputs) {
    const found = await findProjectFile(input);
    if (found) projectFiles.add(found);
  }
  const paths: string[] = [];
  const problems: LoadProblem[] = [];
  const folders: string[] = [];
  for (const file of projectFiles) {
    const shown = displayPath(file);
    const listed = await readProjectFile(file);
    if (!listed.ok) {
      problems.push({ path: shown, message: listed.reason });
      continue;
    }
    for (const folder of listed.folders) {
      const abs = path.resolve(path.dirname(file), folder);
      try {
        if ((await stat(abs)).isDirectory()) {
          folders.push(abs);
          await walk(abs, paths);
        } else if (abs.endsWith(EXTENSION)) paths.push(abs);
        else
          problems.push({
            path: shown,
            message: `'${folder}' in "regels" is geen map met .regels-bestanden`,
          });
      } catch {
        problems.push({ path: shown, message: `de map '${folder}' in "regels" bestaat niet` });
      }
    }
  }
  return { paths: [...new Set(paths)], problems, folders };
}

/** Reads a project file: a JSON object whose "regels" is a list of folders (relative to the file). */
export async function readProjectFile(
  file: string,
): Promise<{ ok: true; folders: string[] } | { ok: false; reason: string }> {
  let text: string;
  try {
    const s = await stat(file);
    if (s.size > 64 * 1024) return { ok: false, reason: 'het projectbestand is te groot (maximaal 64 KiB)' };
    text = await readFile(file, 'utf8');
  } catch {
    return { ok: false, reason: 'het projectbestand kan niet worden gelezen' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'het projectbestand is geen geldige JSON' };
  }
  const regels =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['regels'] : undefined;
  if (!Array.isArray(regels) || regels.some((r) => typeof r !== 'string' || r === ''))
    return {
      ok: false,
      reason:
        'het projectbestand moet een lijst mappen noemen, bijvoorbeeld { "regels": ["../rules/twents-model"] }',
    };
  return { ok: true, folders: regels as string[] };
}

/** The Dutch message for a file that cannot be read (catalog code RW9001). */
export function loadProblemMessage(p: LoadProblem): string {
  return CATALOG.RW9001.message.replace('{0}', p.path).replace('{1}', p.message);
}

/** `path: fout RW9001: …`, the same layout as other diagnostics. */
export const renderLoadProblem = (p: LoadProblem): string =>
  `${p.path}: fout RW9001: ${loadProblemMessage(p)}`;
