/**
 * The context folders as the editor sees them (`regelwerk serve --regels concept --regels ../rules/twents-model`):
 * each one a read-only folder in the tree, under `.basis-<n>/`, read through its own {@link RulesStore} (the same
 * path checks); saving there is refused. The workflow compiles them along (src/workflow/context.ts).
 */
import path from 'node:path';
import { contextIndex, contextPrefix } from '../workflow/context.js';
import { RulesStore, StoreError, type DirEntry, type FileContent, type TreeEntry } from './rules-store.js';

const prefixed = (entry: TreeEntry, prefix: string): TreeEntry =>
  entry.soort === 'bestand'
    ? { ...entry, pad: `${prefix}/${entry.pad}` }
    : { ...entry, pad: `${prefix}/${entry.pad}`, kinderen: entry.kinderen.map((k) => prefixed(k, prefix)) };

export class ContextStore {
  private readonly stores: readonly { dir: string; store: RulesStore }[];

  constructor(dirs: readonly string[]) {
    this.stores = dirs.map((d) => ({ dir: path.resolve(d), store: new RulesStore(d) }));
  }

  /** Whether a path names a file of a context folder. */
  static owns(pad: string): boolean {
    return contextIndex(pad) !== undefined;
  }

  /** One folder per context folder, named after it and marked read-only. */
  async list(): Promise<DirEntry[]> {
    const out: DirEntry[] = [];
    for (const [i, { dir, store }] of this.stores.entries()) {
      const prefix = contextPrefix(i + 1);
      const tree = await store.list();
      out.push({
        soort: 'map',
        naam: `${path.basename(dir)}, alleen lezen`,
        pad: prefix,
        kinderen: tree.kinderen.map((k) => prefixed(k, prefix)),
      });
    }
    return out;
  }

  async read(pad: string): Promise<FileContent> {
    const { store, dir, rel } = this.locate(pad);
    const file = await store.read(rel);
    return {
      ...file,
      pad,
      alleenLezen: true,
      vergrendeld: file.code === undefined,
      melding:
        file.melding ??
        `Dit bestand staat in de map ${dir}, die de server alleen meeleest (voor de basisversies): wijzig het daar.`,
    };
  }

  /** Saving in a context folder: always refused. */
  refuseSave(pad: string): never {
    const { dir } = this.locate(pad);
    throw new StoreError(
      403,
      `'${pad.replace(/^\.basis-\d+\//, '')}' staat in de map ${dir}, die de server alleen meeleest; opslaan kan alleen in de werkmap.`,
    );
  }

  private locate(pad: string): { store: RulesStore; dir: string; rel: string } {
    const c = contextIndex(pad);
    const found = c === undefined ? undefined : this.stores[c.index];
    if (c === undefined || found === undefined)
      throw new StoreError(404, `Het bestand '${pad.slice(0, 200)}' bestaat niet.`);
    return { store: found.store, dir: found.dir, rel: c.rel };
  }
}
