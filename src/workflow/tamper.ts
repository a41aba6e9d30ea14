/**
 * RW8001 for `regelwerk check`: a file of a version that was adopted in the workflow (tag `vastgesteld/<versie>`)
 * and has changed since that tag. A correction to an adopted version is a new version, not an edit.
 */
import path from 'node:path';
import type { Diagnostic } from '../../dsl/index.js';
import { CATALOG } from '../../dsl/index.js';
import { Git } from './git.js';
import { readHeader } from './rule-files.js';
import { adoptionTag } from './states.js';

const fill = (template: string, args: readonly string[]): string =>
  template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');

/** RW8001 for every named file (path as given, text as read) changed after its version's adoption tag. */
export async function changesAfterAdoption(
  files: readonly { path: string; text: string }[],
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  /** Per folder: the work tree's top and its adoption tags (undefined outside a work tree or without git). */
  const repos = new Map<string, Promise<{ git: Git; top: string; tags: Set<string> } | undefined>>();
  const repoOf = (dir: string) => {
    let found = repos.get(dir);
    if (found === undefined) {
      found = (async () => {
        try {
          const git = new Git(dir);
          const top = await git.topLevel();
          if (top === undefined) return undefined;
          const tags = ((await git.try(['tag', '--list', 'vastgesteld/*'])) ?? '')
            .split('\n')
            .filter((t) => t !== '');
          return { git: new Git(top), top, tags: new Set(tags) };
        } catch {
          return undefined;
        }
      })();
      repos.set(dir, found);
    }
    return found;
  };
  for (const f of files) {
    const full = path.resolve(f.path);
    const repo = await repoOf(path.dirname(full));
    if (repo === undefined || repo.tags.size === 0) continue;
    const header = readHeader(f.path, f.text);
    if (header === undefined) continue;
    const tag = adoptionTag(header.versie);
    if (!repo.tags.has(tag)) continue;
    const rel = path.relative(repo.top, full).split(path.sep).join('/');
    const adopted = await repo.git.show(tag, rel);
    if (adopted === undefined || adopted === f.text || adopted.replace(/^\uFEFF/, '') === f.text) continue;
    const entry = CATALOG.RW8001;
    out.push({
      code: 'RW8001',
      severity: entry.severity,
      stage: entry.stage,
      message: fill(entry.message, [header.versie, tag, rel]),
      file: f.path,
      span: { start: 0, end: Math.min(header.headerEnd, f.text.length) },
    });
  }
  return out;
}
