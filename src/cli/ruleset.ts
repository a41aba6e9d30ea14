/**
 * Loads and compiles rules for the commands that evaluate (test, eval, explain, diff). A path may be a folder,
 * a subfolder (a municipal override) or one amending version file: like `check`, the files it builds on are
 * loaded with it ({@link loadWithContext}), so `regelwerk test rules/twents-model/2020.regels` finds 2019.
 */
import { compile, renderDiagnostics, sortDiagnostics, type Diagnostic, type Ir } from '../../dsl/index.js';
import { diagnosticsAsJson, problemAsJson } from './diagnostics.js';
import { loadWithContext, renderLoadProblem, type LoadProblem } from './files.js';
import { plural, writeJsonFailure, type Io, type JsonProblem } from './output.js';

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
  return {
    ok: true,
    ruleset: {
      programs: result.programs,
      texts: Object.fromEntries(texts),
      named: loaded.named,
      roots: loaded.roots,
    },
  };
}

/** The failure as `--json` diagnostics. */
export function failureAsJson(f: RulesetFailure): JsonProblem[] {
  return [
    ...f.problems.map(problemAsJson),
    ...(f.empty !== undefined ? [{ severity: 'fout' as const, message: f.empty }] : []),
    ...diagnosticsAsJson(f.errors, f.texts, Infinity).diagnostics,
  ];
}

/** Prints why the rules did not load: as text on stderr, or with `json` as one JSON object on stdout. */
export function reportFailure(f: RulesetFailure, io: Io, json: boolean): void {
  if (json) {
    writeJsonFailure(io, failureAsJson(f));
    return;
  }
  for (const p of f.problems) io.err(renderLoadProblem(p));
  if (f.empty !== undefined) io.err(f.empty);
  if (f.errors.length > 0) {
    const n = f.errors.length;
    io.err(`De regels bevatten ${n === 1 ? 'een fout' : `${n} fouten`}; los die eerst op:\n`);
    for (const r of renderDiagnostics(f.errors.slice(0, 20), f.texts)) io.err(r + '\n');
    if (n > 20) io.err(`… en nog ${plural(n - 20, 'fout', 'fouten')}.`);
  }
}

/** Loads the rules; prints why not and returns undefined when they do not load. */
export async function loadRuleset(
  paths: readonly string[],
  io: Io,
  json = false,
): Promise<Ruleset | undefined> {
  const load = await compileRuleset(paths);
  if (load.ok) return load.ruleset;
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
