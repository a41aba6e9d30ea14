/**
 * Loads and compiles rules for the commands that evaluate (test, eval, explain, diff). A path may be a folder,
 * a subfolder (a municipal override) or one amending version file: like `check`, the files it builds on are
 * loaded with it ({@link loadWithContext}), so `regelwerk test rules/twents-model/2020.regels` finds 2019.
 * The compiler (Chevrotain and the checker) loads only when the programs are not in the {@link RulesCache};
 * the failure is rendered by ./ruleset-failure.js, loaded when there is one.
 */
import type { Diagnostic, Ir } from '../../dsl/index.js';
import { loadWithContext, type LoadProblem } from './files.js';
import type { Io } from './output.js';
import { RulesCache } from './rules-cache.js';

export interface Ruleset {
  /** Every compiled version: the named files' and those they build on. */
  readonly programs: Ir.Program[];
  /** Source text per file as compiled (without a byte order mark), for positions and source lines. */
  readonly texts: Record<string, string>;
  /** The files the user named (a folder names all files under it); the others are context. */
  readonly named: ReadonlySet<string>;
  /** The folders the rules were named from (given, or listed in regelwerk.json), absolute. */
  readonly roots: readonly string[];
}

/** Why rules could not be loaded: unreadable files, no files at all, or compile errors. */
export interface RulesetFailure {
  readonly problems: readonly LoadProblem[];
  readonly empty?: string;
  readonly errors: readonly Diagnostic[];
  readonly texts: ReadonlyMap<string, string>;
}

export type RulesetLoad = { ok: true; ruleset: Ruleset } | { ok: false; failure: RulesetFailure };

/** Reads and compiles the paths with their context; prints nothing. */
export async function compileRuleset(paths: readonly string[]): Promise<RulesetLoad> {
  const loaded = await loadWithContext(paths);
  const texts = new Map(loaded.files.map((f) => [f.path, f.text]));
  if (loaded.problems.length > 0)
    return { ok: false, failure: { problems: loaded.problems, errors: [], texts } };
  if (!loaded.files.some((f) => loaded.named.has(f.path))) {
    const empty = `Geen regelbestanden (.regels) gevonden in ${paths.join(', ')}.`;
    return { ok: false, failure: { problems: [], empty, errors: [], texts } };
  }
  const cache = RulesCache.open();
  const key = cache?.key(loaded.files);
  const cached = cache && key !== undefined ? await cache.get(key) : undefined;
  if (cached) return { ok: true, ruleset: rulesetOf(cached, texts, loaded) };
  const { compile, sortDiagnostics } = await import('../../dsl/index.js');
  const result = compile(loaded.files);
  if (!result.ok) {
    // Errors in the named files first, then those in the files they build on: either stops the evaluation.
    const errors = sortDiagnostics(result.diagnostics.filter((d) => d.severity === 'fout'));
    const ordered = [
      ...errors.filter((d) => loaded.named.has(d.file)),
      ...errors.filter((d) => !loaded.named.has(d.file)),
    ];
    return { ok: false, failure: { problems: [], errors: ordered, texts } };
  }
  if (cache && key !== undefined) await cache.put(key, result.programs);
  return { ok: true, ruleset: rulesetOf(result.programs, texts, loaded) };
}

function rulesetOf(
  programs: Ir.Program[],
  texts: ReadonlyMap<string, string>,
  loaded: { readonly named: ReadonlySet<string>; readonly roots: readonly string[] },
): Ruleset {
  return { programs, texts: Object.fromEntries(texts), named: loaded.named, roots: loaded.roots };
}

/** Loads the rules; prints why not and returns undefined when they do not load. */
export async function loadRuleset(
  paths: readonly string[],
  io: Io,
  json = false,
): Promise<Ruleset | undefined> {
  const load = await compileRuleset(paths);
  if (load.ok) return load.ruleset;
  const { reportFailure } = await import('./ruleset-failure.js');
  reportFailure(load.failure, io, json);
  return undefined;
}

/** Groups programs per ruleset name: each ruleset is evaluated with its own versions. */
export function byRuleset(programs: readonly Ir.Program[]): Map<string, Ir.Program[]> {
  const groups = new Map<string, Ir.Program[]>();
  for (const p of programs) {
    const list = groups.get(p.ruleset) ?? [];
    list.push(p);
    groups.set(p.ruleset, list);
  }
  return groups;
}
