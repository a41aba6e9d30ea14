/**
 * `regelwerk impact --regels <map> --caseload <bestand> --basis <versie> --variant <versie>
 *   [--variant-regels <map>] [--json] [--csv <map>] [--uitleg <regel>] [--threads n]`
 *
 * Prices every beschikking of the caseload under both versions on a worker-thread pool and reports the
 * difference (text in Dutch, `--json`, `--csv`). A progress bar on a terminal; Ctrl-C stops it cleanly.
 * `--uitleg <regel>` explains the one beschikking on that line of the caseload under both versions instead.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Ir } from '../../dsl/index.js';
import { chunkLines, parseJsonLine } from '../impact/caseload/json-lines.js';
import { RuleLabels } from '../impact/labels.js';
import { openCaseload } from '../impact/node/read-file.js';
import { ImpactPool, analyzeImpactOnPool } from '../impact/node/pool.js';
import type { EarlyPool } from '../impact/node/pool.js';
import { impactCsvFiles } from '../impact/render-csv.js';
import { countText, euroText, percentText, renderImpactText, signedEuro } from '../impact/render-text.js';
import { selectVersion } from '../impact/versions.js';
import { forSide, ModuleCatalog } from '../impact/withdrawn.js';
import { cents, moneyText, percentage } from '../impact/money.js';
import type { CaseloadCase, CaseloadPiece, ImpactReport } from '../impact/types.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, writeJsonFailure, type Io } from './output.js';
import type { Ruleset } from './ruleset.js';

export interface ImpactOptions {
  /** The rules folders (a draft and the folder of its base). */
  readonly regels: readonly string[];
  readonly caseload: string;
  readonly basis: string;
  readonly variant: string;
  readonly variantRegels?: readonly string[];
  readonly json: boolean;
  readonly csv?: string;
  readonly uitleg?: number;
  readonly threads?: number;
  /** Show progress on stderr also when it is not a terminal (log files, CI); a line every 2 s. */
  readonly voortgang?: boolean;
}

/** Exit code of a run stopped with Ctrl-C (128 + SIGINT), as shells expect. */
const EXIT_INTERRUPTED = 130;

function fail(io: Io, json: boolean, message: string, file?: string): number {
  if (json) writeJsonFailure(io, [{ severity: 'fout', message, ...(file !== undefined ? { file } : {}) }]);
  else io.err(message);
  return EXIT_PROBLEMS;
}

/** A shell word: as it is when it is safe, else in single quotes. */
const shellWord = (s: string): string => (/^[\w./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The command that explains one beschikking of this run, up to its line number (`… --uitleg`). */
export function explainCommandPrefix(o: {
  readonly regels: readonly string[];
  readonly variantRegels?: readonly string[] | undefined;
  readonly caseload: string;
  readonly basis: string;
  readonly variant: string;
}): string {
  const folders = (option: string, dirs: readonly string[]) =>
    dirs.map((d) => ` --${option} ${shellWord(d)}`).join('');
  return `regelwerk impact${folders('regels', o.regels)}${folders('variant-regels', o.variantRegels ?? [])} --caseload ${shellWord(o.caseload)} --basis ${shellWord(o.basis)} --variant ${shellWord(o.variant)} --uitleg`;
}

export async function runImpact(o: ImpactOptions, io: Io): Promise<number> {
  // Ctrl-C from the start: while the rules load, the workers start and the caseload is priced.
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on('SIGINT', onSigint);
  try {
    const code = await analyze(o, io, controller.signal);
    if (!controller.signal.aborted) return code;
    fail(io, o.json, 'Afgebroken: de impactanalyse is gestopt (Ctrl-C); er is niets geschreven.');
    return EXIT_INTERRUPTED;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/**
 * Loads and compiles the rules here, once, while the workers start (they load only the engine and wait for the
 * selected versions; see src/impact/node/pool.ts). `--uitleg` needs no workers.
 */
async function analyze(o: ImpactOptions, io: Io, signal: AbortSignal): Promise<number> {
  const early =
    o.uitleg === undefined
      ? ImpactPool.early(o.threads !== undefined ? { threads: o.threads } : {})
      : undefined;
  try {
    return await analyzeWith(o, io, signal, early);
  } finally {
    await early?.close();
  }
}

/**
 * The compiler (./ruleset.js, with Chevrotain) and the explaining engine load after the workers have started, so
 * that loading them, compiling and starting the workers happen at once.
 */
async function analyzeWith(
  o: ImpactOptions,
  io: Io,
  signal: AbortSignal,
  early: EarlyPool | undefined,
): Promise<number> {
  const { loadRuleset } = await import('./ruleset.js');
  const basisRules = await loadRuleset(o.regels, io, o.json);
  if (!basisRules) return EXIT_PROBLEMS;
  const variantRules =
    o.variantRegels !== undefined ? await loadRuleset(o.variantRegels, io, o.json) : basisRules;
  if (!variantRules) return EXIT_PROBLEMS;
  // An unknown version is wrong usage (exit 2), as with `diff`.
  for (const [rules, version, role] of [
    [basisRules, o.basis, 'basis'],
    [variantRules, o.variant, 'variant'],
  ] as const) {
    const s = selectVersion(rules.programs, version, role);
    if (!s.ok) {
      if (o.json) writeJsonFailure(io, [{ severity: 'fout', message: `Verkeerd gebruik: ${s.message}` }]);
      else io.err(`Verkeerd gebruik: ${s.message}`);
      return EXIT_USAGE;
    }
  }
  const programs = [...basisRules.programs, ...variantRules.programs];
  const file = await openCaseload(o.caseload, programs);
  if (!file.ok) return fail(io, o.json, file.message, o.caseload);
  if (o.uitleg !== undefined) return explainOne(o, basisRules, variantRules, file.entries, io);
  if (signal.aborted) return EXIT_INTERRUPTED;

  const tty = process.stderr.isTTY === true;
  const bar =
    tty || o.voortgang === true
      ? new cliProgress.SingleBar(
          {
            format: 'impact {bar} {percentage}% | {done} beschikkingen | {duration_formatted}',
            stream: process.stderr,
            hideCursor: tty,
            clearOnComplete: tty,
            noTTYOutput: !tty,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(file.size, 0, { done: '0' });
  try {
    const outcome = await analyzeImpactOnPool({
      basis: { programs: basisRules.programs, version: o.basis },
      variant: { programs: variantRules.programs, version: o.variant },
      entries: file.entries,
      signal,
      position: file.position,
      onProgress: (done, position) => bar?.update(position, { done: countText(done) }),
      ...(early ? { early } : {}),
      ...(o.threads !== undefined ? { threads: o.threads } : {}),
    });
    bar?.stop();
    if (!outcome.ok)
      return outcome.reason === 'afgebroken' ? EXIT_INTERRUPTED : fail(io, o.json, outcome.message);
    if (signal.aborted) return EXIT_INTERRUPTED;
    return await writeReport(o, outcome.report, io);
  } finally {
    bar?.stop();
  }
}

async function writeReport(o: ImpactOptions, report: ImpactReport, io: Io): Promise<number> {
  if (o.csv !== undefined) {
    try {
      await mkdir(o.csv, { recursive: true });
      for (const [name, text] of Object.entries(impactCsvFiles(report)))
        await writeFile(path.join(o.csv, name), text);
    } catch (e) {
      const why = e instanceof Error && 'code' in e ? ` (${String(e.code)})` : '';
      return fail(io, o.json, `Kan de CSV-bestanden niet schrijven in '${o.csv}'${why}.`);
    }
  }
  if (o.json) io.out(JSON.stringify({ ok: true, ...report }, null, 2));
  else {
    io.out(
      renderImpactText(report, {
        caseload: o.caseload,
        explainCommand: (line: number) => `${explainCommandPrefix(o)} ${line}`,
      }),
    );
    if (o.csv !== undefined) io.out(`\nCSV-bestanden geschreven in ${o.csv}.`);
  }
  return report.counts.bad > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/** `--uitleg <regel>`: the beschikking on that line, explained under both versions. */
async function explainOne(
  o: ImpactOptions,
  basisRules: Ruleset,
  variantRules: Ruleset,
  pieces: AsyncIterable<CaseloadPiece>,
  io: Io,
): Promise<number> {
  const line = o.uitleg as number;
  let found: CaseloadCase | undefined;
  search: for await (const piece of pieces)
    for (const e of piece.kind === 'chunk' ? chunkLines(piece) : [piece]) {
      if (e.line < line) continue;
      if (e.line > line) break search;
      const entry = e.kind === 'line' ? parseJsonLine(e.text, e.line) : e;
      if (entry.kind === 'bad') return fail(io, o.json, entry.message, o.caseload);
      found = entry;
      break search;
    }
  if (!found)
    return fail(
      io,
      o.json,
      `Op regel ${line} van '${o.caseload}' begint geen beschikking; de regelnummers staan in de uitvoer van regelwerk impact.`,
      o.caseload,
    );
  const select = (rules: Ruleset, version: string, role: string): Ir.Program[] => {
    const s = selectVersion(rules.programs, version, role);
    return s.ok ? s.programs : [];
  };
  const basisPrograms = select(basisRules, o.basis, 'basis');
  const variantPrograms = select(variantRules, o.variant, 'variant');
  // As `regelwerk impact` prices it: a request for a module only one side has is left out on the other side.
  const basisModules = new ModuleCatalog(basisPrograms);
  const variantModules = new ModuleCatalog(variantPrograms);
  const basisCase = forSide(found.casus, basisModules, variantModules);
  const variantCase = forSide(found.casus, variantModules, basisModules);
  const { createEngine, renderExplanation } = await import('../index.js');
  const basis = await createEngine(basisPrograms).explain(basisCase.casus);
  const variant = await createEngine(variantPrograms).explain(variantCase.casus);
  const labels = new RuleLabels([...variantPrograms, ...basisPrograms]);
  const named = (key: string): string => `"${labels.request(key)}" (${key})`;
  const left = (dropped: readonly string[], version: string): string =>
    dropped.length === 0
      ? ''
      : `\nNiet geprijsd: versie ${version} heeft geen module ${dropped.map(named).join(', ')}; die aanvraag is hier weggelaten.`;
  if (o.json) {
    io.out(
      JSON.stringify(
        {
          ok: true,
          line,
          ...(found.id !== undefined ? { id: found.id } : {}),
          casus: found.casus,
          basis,
          variant,
          weggelaten: { basis: basisCase.dropped, variant: variantCase.dropped },
        },
        null,
        2,
      ),
    );
    return EXIT_OK;
  }
  const total = (ev: typeof basis) => (ev.ok ? ev.total : '0.00');
  const b = cents(total(basis));
  const v = cents(total(variant));
  io.out(`Beschikking op regel ${line}${found.id !== undefined ? ` (${found.id})` : ''} van ${o.caseload}`);
  io.out(
    `\n── Basis: versie ${o.basis} ──${left(basisCase.dropped, o.basis)}\n${renderExplanation(basis, basisRules.texts)}`,
  );
  io.out(
    `\n── Variant: versie ${o.variant} ──${left(variantCase.dropped, o.variant)}\n${renderExplanation(variant, variantRules.texts)}`,
  );
  io.out(
    `\nVerschil: ${euroText(total(basis))} → ${euroText(total(variant))}: ${signedEuro(moneyText(v - b))} (${percentText(percentage(v - b, b))})`,
  );
  return EXIT_OK;
}
