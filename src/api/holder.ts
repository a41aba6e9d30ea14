/**
 * The bundle the API serves, and loading a new one without downtime: a reload prepares the new bundle beside
 * the current one and swaps the reference only when it loaded; a request keeps the bundle it started with.
 * A failed reload keeps the current bundle and says why (in Dutch).
 */
import { readFile, stat } from 'node:fs/promises';
import { bundleFromSources } from '../bundle/build.js';
import { failureAsJson } from '../cli/ruleset-failure.js';
import { compileRuleset } from '../cli/ruleset.js';
import { loadBundle } from '../runtime/load.js';
import type { BundleRuntime } from '../runtime/load.js';
import { CaseValidator } from './validate.js';

/** Where bundles come from: a bundle file, or a rules folder compiled on load. */
export type BundleSource =
  | { readonly kind: 'bundel'; readonly file: string }
  | { readonly kind: 'regels'; readonly dirs: readonly string[] };

/** A bundle prepared for serving: its runtime and its compiled case validator. */
export interface Served {
  readonly runtime: BundleRuntime;
  readonly validator: CaseValidator;
  readonly loadedAt: string;
}

const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** Loads a bundle from its source, or says in Dutch why not. */
export async function loadServed(
  source: BundleSource,
): Promise<{ ok: true; served: Served } | { ok: false; error: string }> {
  let input: unknown;
  if (source.kind === 'bundel') {
    try {
      const s = await stat(source.file);
      if (!s.isFile()) return { ok: false, error: `'${source.file}' is geen bestand.` };
      if (s.size > MAX_BUNDLE_BYTES)
        return { ok: false, error: `'${source.file}' is te groot voor een bundel (${s.size} bytes).` };
      input = await readFile(source.file, 'utf8');
    } catch {
      return {
        ok: false,
        error: `Het bundelbestand '${source.file}' bestaat niet of kan niet worden gelezen.`,
      };
    }
  } else {
    const load = await compileRuleset(source.dirs);
    if (!load.ok) {
      const first = failureAsJson(load.failure)
        .slice(0, 5)
        .map((d) => (d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}` : d.message));
      return {
        ok: false,
        error: `De regels in '${source.dirs.join("', '")}' laden niet: ${first.join('; ')}`,
      };
    }
    const build = await bundleFromSources(
      Object.entries(load.ruleset.texts).map(([path, text]) => ({ path, text })),
    );
    if (!build.ok) return { ok: false, error: build.error };
    input = build.bundle;
  }
  const loaded = await loadBundle(input);
  if (!loaded.ok) return { ok: false, error: loaded.error };
  const runtime = loaded.runtime;
  return {
    ok: true,
    served: { runtime, validator: new CaseValidator(runtime), loadedAt: new Date().toISOString() },
  };
}

export class BundleHolder {
  private reloading: Promise<{ ok: boolean; error?: string }> | undefined;

  constructor(
    private readonly source: BundleSource,
    private served: Served,
  ) {}

  get current(): Served {
    return this.served;
  }

  /** Loads the source anew and swaps when it loaded; concurrent calls share one reload. */
  reload(): Promise<{ ok: boolean; error?: string }> {
    this.reloading ??= loadServed(this.source)
      .then((r) => {
        if (!r.ok) return { ok: false, error: r.error };
        this.served = r.served;
        return { ok: true };
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}
