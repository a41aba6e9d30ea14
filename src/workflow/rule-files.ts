/**
 * The rule files of a folder as texts, from the disk or from a git revision, and what their headers say
 * (ruleset, version, base, dates, status, gemeente), read with the language's own parser.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compile, parse, type CompileResult, type Source } from '../../dsl/index.js';
import type { Git } from './git.js';

export interface HeaderInfo {
  /** Path relative to the rules folder, with `/`. */
  readonly pad: string;
  readonly regelset: string;
  readonly versie: string;
  readonly basis: string | undefined;
  readonly vanaf: string;
  readonly tot: string | undefined;
  /** As written; a header without `status` counts as vastgesteld (as the compiler reads it). */
  readonly status: 'concept' | 'vastgesteld';
  readonly gemeente: string | undefined;
  /** Where the header ends in the text (the status line is edited only before it). */
  readonly headerEnd: number;
}

/** The header of one text, or undefined when it has none the parser can read. */
export function readHeader(pad: string, text: string): HeaderInfo | undefined {
  // Only the top of the file is needed; the header comes before any declaration.
  const { ast } = parse(text, pad);
  const h = ast.header;
  // A header the parser could only partly read (no version or date) names no version.
  if (h === undefined || h.version.value === '' || h.validFrom.value === '') return undefined;
  return {
    pad,
    regelset: h.ruleset.value,
    versie: h.version.value,
    basis: h.base?.value,
    vanaf: h.validFrom.value,
    tot: h.validTo?.value,
    status: h.status ?? 'concept',
    gemeente: h.municipality?.text,
    headerEnd: h.span.end,
  };
}

const isRulesFile = (name: string): boolean => name.endsWith('.regels') && !name.startsWith('.');

/** Every `.regels` file below the folder (hidden folders and files skipped), paths relative with `/`. */
export async function readFolder(root: string): Promise<Source[]> {
  const out: Source[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) await walk(path.join(dir, e.name), childRel);
      else if (e.isFile() && isRulesFile(e.name)) {
        out.push({ path: childRel, text: await fs.readFile(path.join(dir, e.name), 'utf8') });
      }
    }
  };
  await walk(root, '');
  return out;
}

/** The `.regels` files of the folder (at `prefix` in the work tree) as they were at a revision. */
export async function readRevision(git: Git, rev: string, prefix: string): Promise<Source[]> {
  const files = (await git.filesAt(rev, prefix)).filter((p) => isRulesFile(path.posix.basename(p)));
  const out: Source[] = [];
  for (const top of files) {
    const rel = prefix === '' ? top : top.slice(prefix.length + 1);
    if (rel.split('/').some((s) => s.startsWith('.'))) continue;
    const text = await git.show(rev, top);
    if (text !== undefined) out.push({ path: rel, text });
  }
  return out;
}

/**
 * Compiles texts, remembering the last few results by their content (a history walk compiles the same
 * revision's files again and again). Owned by whoever needs it; never module state.
 */
export class CompileCache {
  private readonly entries = new Map<string, CompileResult>();

  constructor(private readonly size = 24) {}

  compile(sources: readonly Source[]): CompileResult {
    const hash = createHash('sha256');
    for (const s of sources) hash.update(`${s.path}\0${s.text}\0\0`);
    const key = hash.digest('hex');
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = compile(sources);
    this.entries.set(key, result);
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return result;
  }
}
