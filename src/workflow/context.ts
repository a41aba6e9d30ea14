/**
 * Context folders: folders of rules a server shows beside its working folder, read-only
 * (`regelwerk serve --regels concept --regels ../rules/twents-model`), so that a draft finds its base there.
 * Their files get paths under `.basis-<n>/` (a name no file of the working folder can have: hidden names are
 * refused there), and they take part in every compilation of the workflow (the gate, a new version, history).
 */
import path from 'node:path';
import type { Source } from '../../dsl/index.js';
import { readFolder } from './rule-files.js';

/** The path prefix of the n-th context folder (from 1). */
export const contextPrefix = (n: number): string => `.basis-${n}`;

/** Which context folder a path names (its index from 0), or undefined for a path of the working folder. */
export function contextIndex(pad: string): { index: number; rel: string } | undefined {
  const m = /^\.basis-([1-9]\d{0,2})\/(.+)$/.exec(pad);
  return m === null ? undefined : { index: Number(m[1]) - 1, rel: m[2] ?? '' };
}

export class ContextFolders {
  readonly dirs: readonly string[];

  constructor(dirs: readonly string[]) {
    this.dirs = dirs.map((d) => path.resolve(d));
  }

  /** Every `.regels` file of the context folders, with its `.basis-<n>/` path. */
  async sources(): Promise<Source[]> {
    const out: Source[] = [];
    for (const [i, dir] of this.dirs.entries())
      for (const f of await readFolder(dir))
        out.push({ path: `${contextPrefix(i + 1)}/${f.path}`, text: f.text });
    return out;
  }
}
