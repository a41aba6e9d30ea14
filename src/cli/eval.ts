/**
 * `regelwerk eval|explain --regels <map> --casus <bestand.json> [--json]`: prices one case.
 * A malformed case file or case is reported in Dutch with the field that is wrong.
 */
import { readFile, stat } from 'node:fs/promises';
import { createEngine } from '../engine/evaluate.js';
import { renderExplanation } from '../engine/explain.js';
import { lineQuantityText } from '../engine/format.js';
import type { Evaluation } from '../engine/result.js';
import { euro } from '../scenarios/run.js';
import { decodeText } from './files.js';
import { loadRuleset } from './ruleset.js';
import { EXIT_OK, EXIT_PROBLEMS, writeJsonFailure, type Io } from './output.js';

const MAX_CASE_BYTES = 1024 * 1024;

export interface EvalOptions {
  /** One or more folders or files (`--regels` may be given more than once). */
  readonly regels: readonly string[];
  readonly casus: string;
  readonly json: boolean;
  readonly explain: boolean;
  readonly path: 'jre' | 'fast';
}

/** Reads and parses the case file, or says in Dutch what is wrong with it. */
export async function readCase(
  file: string,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string; line?: number; column?: number }> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, message: `'${file}' is geen bestand.` };
    if (s.size > MAX_CASE_BYTES)
      return { ok: false, message: `'${file}' is te groot (${s.size} bytes; maximaal 1 MiB).` };
  } catch {
    return { ok: false, message: `Het casusbestand '${file}' bestaat niet of kan niet worden gelezen.` };
  }
  const decoded = decodeText(await readFile(file));
  if (!decoded.ok) return { ok: false, message: `Kan '${file}' niet lezen: ${decoded.reason}.` };
  try {
    return { ok: true, value: JSON.parse(decoded.text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    if (pos) {
      const before = decoded.text.slice(0, Number(pos[1])).split('\n');
      const line = before.length;
      const column = (before[before.length - 1]?.length ?? 0) + 1;
      return {
        ok: false,
        message: `'${file}' is geen geldige JSON (regel ${line}, kolom ${column}).`,
        line,
        column,
      };
    }
    return { ok: false, message: `'${file}' is geen geldige JSON.` };
  }
}

/** "25,857143 weken", "1 traject", "40 ritten": the same notation as the explanation and the editor. */
const quantity = lineQuantityText;

/** "resultaat r1", and "module 1" for a request without id (its ref already says "module 1"). */
const itemName = (kind: string, ref: string): string => (ref.startsWith(`${kind} `) ? ref : `${kind} ${ref}`);

export function renderEvaluation(ev: Evaluation): string {
  const out: string[] = [];
  if (!ev.ok) {
    out.push('Het geval is ongeldig en is niet berekend:');
    // A message about a field starts with its path already.
    for (const d of ev.diagnostics) out.push(`  fout: ${d.message}`);
    return out.join('\n');
  }
  out.push(ev.versions.length > 1 ? `Versies ${ev.versions.join(' en ')}` : `Versie ${ev.version}`);
  out.push('');
  for (const l of ev.lines) {
    out.push(`  ${itemName(l.kind, l.ref)}: ${l.key}`);
    // A line of several parts has a rate per part: the parts show the multiplication, the line their sum.
    const figures =
      l.parts.length > 1
        ? `${quantity(l.quantity, l.unit, l.plural)} in ${l.parts.length} delen`
        : `${quantity(l.quantity, l.unit, l.plural)} × ${euro(l.rate)}`;
    out.push(
      `    ${figures} = ${euro(l.amount)}${l.capped ? ' (begrensd door het maximum)' : ''}${l.hours ? `; indicatief ${quantity(l.hours, 'uur')} directe tijd` : ''}`,
    );
    if (l.parts.length > 1)
      for (const p of l.parts)
        out.push(
          `      versie ${p.version} ${p.from} t/m ${p.to}: ${quantity(p.quantity, l.unit, l.plural)} × ${euro(p.rate)} = ${euro(p.amount)}`,
        );
  }
  out.push(`  totaal: ${euro(ev.total)}`);
  if (ev.decisions.length) {
    out.push('');
    for (const d of ev.decisions)
      out.push(
        `  module ${d.module}${d.variant ? `/${d.variant}` : ''} (${d.ref}): ${d.allowed ? 'toegestaan' : `geweigerd: ${d.reason ?? ''}`}`,
      );
  }
  if (ev.diagnostics.length) {
    out.push('');
    // A rule's message says what is wrong; the path says which result or request (input messages start with it).
    for (const d of ev.diagnostics) {
      const where = d.path !== undefined && !d.message.startsWith(d.path) ? ` bij ${d.path}` : '';
      out.push(`  ${d.severity}${where} (${d.rule}): ${d.message}`);
    }
  }
  if (ev.undetermined?.length) {
    out.push('');
    // A rule whose condition compared an empty value: it did not fire, and it says why it could not be judged.
    for (const u of ev.undetermined)
      out.push(
        `  niet te beoordelen${u.path !== undefined ? ` bij ${u.path}` : ''} (${u.rule}): ${u.message}`,
      );
  }
  return out.join('\n');
}

export async function runEval(options: EvalOptions, io: Io): Promise<number> {
  const casus = await readCase(options.casus);
  if (!casus.ok) {
    if (options.json) {
      const { line, column } = casus;
      writeJsonFailure(io, [
        {
          file: options.casus,
          severity: 'fout',
          message: casus.message,
          ...(line !== undefined && column !== undefined ? { line, column } : {}),
        },
      ]);
    } else io.err(casus.message);
    return EXIT_PROBLEMS;
  }
  const ruleset = await loadRuleset(options.regels, io, options.json);
  if (!ruleset) return EXIT_PROBLEMS;
  const engine = createEngine(ruleset.programs, { path: options.path });
  const ev = await engine.evaluate(casus.value, { explain: options.explain });
  if (options.json) io.out(JSON.stringify(ev, null, 2));
  else io.out(options.explain ? renderExplanation(ev, ruleset.texts) : renderEvaluation(ev));
  return ev.ok && !ev.diagnostics.some((d) => d.severity === 'fout') ? EXIT_OK : EXIT_PROBLEMS;
}
