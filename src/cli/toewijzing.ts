/**
 * `regelwerk toewijzing --regels <map> --casus <f> [--vorige <eerder.xml>] [--tijdstip …] [--xsd <map>]
 * [--nummer-vanaf n] [-o bericht.xml]`: evaluates the case and writes its JW301 or WMO301. A refusal or a
 * message that fails the checks (or the XSD) is reported in Dutch and nothing is written.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createEngine } from '../engine/evaluate.js';
import { buildToewijzing } from '../istandaard/build.js';
import { validateWithXsd } from '../istandaard/validate-xsd.js';
import { readXml, type PreviousMessage } from '../istandaard/xml.js';
import { readCase } from './eval.js';
import { decodeText } from './files.js';
import { EXIT_OK, EXIT_PROBLEMS, type Io } from './output.js';
import { loadRuleset } from './ruleset.js';

const MAX_XML_BYTES = 5 * 1024 * 1024;

export interface ToewijzingCliOptions {
  readonly regels: readonly string[];
  readonly casus: string;
  readonly vorige: string | undefined;
  readonly tijdstip: string | undefined;
  readonly xsd: string | undefined;
  readonly uit: string | undefined;
  readonly nummerVanaf: number;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Now, as `YYYY-MM-DDTHH:MM:SS` in local time. */
export function nowTijdstip(d = new Date()): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

async function readPrevious(
  file: string,
): Promise<{ ok: true; message: PreviousMessage } | { ok: false; reason: string }> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return { ok: false, reason: `'${file}' is geen bestand.` };
    if (s.size > MAX_XML_BYTES) return { ok: false, reason: `'${file}' is te groot (hoogstens 5 MiB).` };
  } catch {
    return { ok: false, reason: `Het eerdere bericht '${file}' bestaat niet of kan niet worden gelezen.` };
  }
  const decoded = decodeText(await readFile(file));
  if (!decoded.ok) return { ok: false, reason: `Kan '${file}' niet lezen: ${decoded.reason}.` };
  const read = readXml(decoded.text);
  return read.ok
    ? read
    : { ok: false, reason: `Het eerdere bericht '${file}' is onbruikbaar: ${read.reason}.` };
}

export async function runToewijzing(o: ToewijzingCliOptions, io: Io): Promise<number> {
  const casus = await readCase(o.casus);
  if (!casus.ok) {
    io.err(casus.message);
    return EXIT_PROBLEMS;
  }
  let vorige: PreviousMessage | undefined;
  if (o.vorige !== undefined) {
    const prev = await readPrevious(o.vorige);
    if (!prev.ok) {
      io.err(prev.reason);
      return EXIT_PROBLEMS;
    }
    vorige = prev.message;
  }
  const ruleset = await loadRuleset(o.regels, io, false);
  if (!ruleset) return EXIT_PROBLEMS;
  const engine = createEngine(ruleset.programs);
  const evaluation = await engine.evaluate(casus.value);
  const outcome = buildToewijzing(ruleset.programs, casus.value, evaluation, {
    tijdstip: o.tijdstip ?? nowTijdstip(),
    nummerVanaf: o.nummerVanaf,
    ...(vorige ? { vorige } : {}),
  });
  if (!outcome.ok) {
    io.err(['Geen toewijzing geschreven.', ...outcome.errors].join('\n'));
    return EXIT_PROBLEMS;
  }
  if (o.xsd !== undefined) {
    const valid = await validateWithXsd(outcome.xml, o.xsd, outcome.message.wet);
    if (!valid.ok) {
      io.err(
        [
          'Geen toewijzing geschreven: het bericht voldoet niet aan de XSD.',
          ...valid.errors.map((e) => `  ${e}`),
        ].join('\n'),
      );
      return EXIT_PROBLEMS;
    }
  }
  for (const n of outcome.notes) io.err(`let op: ${n}`);
  const used = new Set(evaluation.ok ? evaluation.versions : []);
  const concepts = [
    ...new Set(
      ruleset.programs.filter((p) => used.has(p.version) && p.status === 'concept').map((p) => p.version),
    ),
  ];
  if (concepts.length > 0)
    io.err(
      `let op: berekend met ${concepts.length === 1 ? 'conceptversie' : 'conceptversies'} ${concepts.join(', ')}, nog niet vastgesteld; stuur dit bericht pas als de versie is vastgesteld.`,
    );
  if (o.uit === undefined) io.out(outcome.xml.trimEnd());
  else {
    try {
      await writeFile(o.uit, outcome.xml);
    } catch {
      io.err(`Kan '${o.uit}' niet schrijven.`);
      return EXIT_PROBLEMS;
    }
    const m = outcome.message;
    io.err(
      `${m.wet === 'jeugdwet' ? 'JW301' : 'WMO301'} geschreven naar ${o.uit}: ${m.producten.length} toegewezen product(en), identificatie ${m.header.identificatie}${o.xsd !== undefined ? ', gevalideerd tegen de XSD' : ''}.`,
    );
  }
  return EXIT_OK;
}
