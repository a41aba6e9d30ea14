/**
 * `regelwerk rapport --regels <map> --basis <versie> --variant <versie> --caseload <bestand> -o rapport.html
 *   [--pdf rapport.pdf] [--variant-regels <map>] [--threads n]`
 *
 * The board report: what changes (the diff per table, new and withdrawn declarations), what it costs (the impact
 * over the caseload, priced on the worker-thread pool as `regelwerk impact` does), which scenarios of the new
 * version prove the intent, the sources and the status of the version. One self-contained HTML file, and with
 * `--pdf` the same printed to PDF by Chromium. The page is drawn by views/report (React rendered to static
 * markup, the editor's own chart components): the one place in src/ that loads a view, and only here.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Ir } from '../../dsl/index.js';
import { openCaseload } from '../impact/node/read-file.js';
import { analyzeImpactOnPool } from '../impact/node/pool.js';
import { selectVersion } from '../impact/versions.js';
import { findChromium, outputPathProblem, printPdf } from '../report/print-pdf.js';
import { buildReportData } from '../report/report-data.js';
import { parseCommand, threadsOption, usage } from './args.js';
import { explainCommandPrefix } from './impact.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from './output.js';
import { loadRuleset, type Ruleset } from './ruleset.js';

export interface RapportOptions {
  readonly regels: readonly string[];
  readonly basis: string;
  readonly variant: string;
  readonly caseload: string;
  readonly uit: string;
  readonly pdf?: string;
  readonly variantRegels?: readonly string[];
  readonly threads?: number;
}

/** Exit code of a run stopped with Ctrl-C (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

/** Today on this machine, as an ISO date. */
function today(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export async function runRapport(o: RapportOptions, io: Io): Promise<number> {
  // Chromium and the output paths are checked first: a file that cannot be made should not cost an analysis.
  if (o.pdf !== undefined) {
    const chromium = findChromium();
    const problem = chromium.ok ? await outputPathProblem(o.pdf, 'de PDF') : chromium.message;
    if (problem !== undefined) {
      io.err(problem);
      return EXIT_PROBLEMS;
    }
  }
  const htmlProblem = await outputPathProblem(o.uit, 'het rapport');
  if (htmlProblem !== undefined) {
    io.err(htmlProblem);
    return EXIT_PROBLEMS;
  }
  const basisRules = await loadRuleset(o.regels, io);
  if (!basisRules) return EXIT_PROBLEMS;
  const variantRules = o.variantRegels !== undefined ? await loadRuleset(o.variantRegels, io) : basisRules;
  if (!variantRules) return EXIT_PROBLEMS;
  const basisSel = selectVersion(basisRules.programs, o.basis, 'basis');
  const variantSel = selectVersion(variantRules.programs, o.variant, 'variant');
  for (const s of [basisSel, variantSel])
    if (!s.ok) {
      io.err(`Verkeerd gebruik: ${s.message}`);
      return EXIT_USAGE;
    }
  const regional = (rules: Ruleset, version: string): Ir.Program | undefined =>
    rules.programs.find((p) => p.version === version && p.municipality === undefined);
  const basis = regional(basisRules, o.basis);
  const variant = regional(variantRules, o.variant);
  if (basis === undefined || variant === undefined) return EXIT_USAGE;

  const file = await openCaseload(o.caseload, [...basisRules.programs, ...variantRules.programs]);
  if (!file.ok) {
    io.err(file.message);
    return EXIT_PROBLEMS;
  }
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let outcome;
  try {
    outcome = await analyzeImpactOnPool({
      basis: { programs: basisRules.programs, version: o.basis },
      variant: { programs: variantRules.programs, version: o.variant },
      entries: file.entries,
      signal: controller.signal,
      ...(o.threads !== undefined ? { threads: o.threads } : {}),
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  if (!outcome.ok) {
    if (outcome.reason === 'afgebroken') {
      io.err('Afgebroken: het rapport is niet gemaakt (Ctrl-C); er is niets geschreven.');
      return EXIT_INTERRUPTED;
    }
    io.err(outcome.message);
    return EXIT_PROBLEMS;
  }
  const data = await buildReportData({
    programs: variantRules.programs,
    basis,
    variant,
    impact: outcome.report,
    caseload: path.basename(o.caseload),
    made: today(),
    explainCommand: explainCommandPrefix(o),
  });
  const { renderReportHtml } = await import('../../views/report/render-report.js');
  const html = renderReportHtml(data);
  try {
    await writeFile(o.uit, html, 'utf8');
  } catch (e) {
    const why = e instanceof Error && 'code' in e ? ` (${String(e.code)})` : '';
    io.err(`Kan het rapport niet schrijven naar '${o.uit}'${why}.`);
    return EXIT_PROBLEMS;
  }
  io.out(`Rapport geschreven: ${o.uit}`);
  if (o.pdf !== undefined) {
    try {
      await printPdf(html, o.pdf);
    } catch (e) {
      io.err(`De PDF is niet gemaakt (het HTML-rapport wel): ${e instanceof Error ? e.message : String(e)}`);
      return EXIT_PROBLEMS;
    }
    io.out(`PDF geschreven: ${o.pdf}`);
  }
  const { headlineText } = await import('../../views/impact/impact-sections.js');
  io.out(headlineText(outcome.report));
  if (outcome.report.counts.bad > 0) {
    io.err(
      outcome.report.counts.bad === 1
        ? '1 rij van de caseload kon niet worden gelezen; die telt niet mee en staat in het rapport.'
        : `${outcome.report.counts.bad} rijen van de caseload konden niet worden gelezen; ze tellen niet mee en staan in het rapport.`,
    );
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

/** Option parsing (the parser every command shares, args.ts). */
export async function runRapportCommand(args: string[], io: Io): Promise<number> {
  const a = parseCommand(
    args,
    {
      command: 'rapport',
      options: {
        regels: { type: 'string', multiple: true },
        basis: { type: 'string' },
        variant: { type: 'string' },
        caseload: { type: 'string' },
        uit: { type: 'string', short: 'o' },
        pdf: { type: 'string' },
        'variant-regels': { type: 'string', multiple: true },
        threads: { type: 'string' },
      },
      required: ['regels', 'basis', 'variant', 'caseload', 'uit'],
      missing:
        'rapport heeft --regels <map>, --basis <versie>, --variant <versie>, --caseload <bestand> en -o <rapport.html> nodig, bijvoorbeeld: regelwerk rapport --regels rules/twents-model --basis 2021-07 --variant 2022 --caseload caseload.jsonl -o rapport.html --pdf rapport.pdf.',
    },
    io,
  );
  if (typeof a === 'number') return a;
  const v = a.values;
  const uit = v.uit ?? '';
  if (v.pdf !== undefined && path.resolve(v.pdf) === path.resolve(uit))
    return usage(io, false, 'de PDF en het HTML-rapport moeten verschillende bestanden zijn.', false);
  const threads = threadsOption(v.threads, io, false);
  if (!threads.ok) return threads.code;
  return runRapport(
    {
      regels: v.regels ?? [],
      basis: v.basis ?? '',
      variant: v.variant ?? '',
      caseload: v.caseload ?? '',
      uit,
      ...(v.pdf !== undefined ? { pdf: v.pdf } : {}),
      ...(v['variant-regels'] !== undefined ? { variantRegels: v['variant-regels'] } : {}),
      ...(threads.value !== undefined ? { threads: threads.value } : {}),
    },
    io,
  );
}
