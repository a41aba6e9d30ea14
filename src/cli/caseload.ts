/**
 * `regelwerk caseload genereer --aantal <n> --seed <s> [--jaar <jjjj>] [--formaat jsonl|csv]`: writes a
 * generated, illustrative Twente caseload to stdout (see src/impact/generate.ts for the distributions).
 */
import { generateCaseload } from '../impact/generate.js';
import { EXIT_OK, type Io } from './output.js';

export interface GenerateCommand {
  readonly aantal: number;
  readonly seed: number;
  readonly jaar?: number;
  readonly formaat: 'jsonl' | 'csv';
}

/** The CSV columns of a generated caseload (see the README, "Caseload"). */
export const CSV_COLUMNS = [
  'beschikking',
  'soort',
  'gemeente',
  'wet',
  'geboortedatum',
  'ingangsdatum',
  'verwijzer',
  'maatregel',
  'verlengde_jeugdhulp',
  'id',
  'perspectief',
  'ondersteuningsbehoefte',
  'intensiteit',
  'bandbreedte',
  'groepsgrootte',
  'module',
  'variant',
  'aantal',
  'periode_van',
  'periode_tot',
] as const;

type Json = Record<string, unknown>;

const cell = (v: unknown): string => {
  const s = v === undefined ? '' : v === true ? 'ja' : v === false ? 'nee' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The CSV rows of one beschikking: one per result and per module request. */
export function csvRows(id: string, c: Json): string[] {
  const items = [
    ...((c['resultaten'] as Json[] | undefined) ?? []).map((r) => ['resultaat', r] as const),
    ...((c['modules'] as Json[] | undefined) ?? []).map((m) => ['module', m] as const),
  ];
  return items.map(([soort, item]) => {
    const periode = item['periode'] as { van: string; tot: string };
    const row: Json = {
      ...c,
      ...item,
      beschikking: id,
      soort,
      periode_van: periode.van,
      periode_tot: periode.tot,
    };
    return CSV_COLUMNS.map((k) => cell(row[k])).join(',');
  });
}

export function runGenerate(o: GenerateCommand, io: Io): number {
  let batch: string[] = [];
  if (o.formaat === 'csv') batch.push(CSV_COLUMNS.join(','));
  let n = 0;
  for (const c of generateCaseload({
    aantal: o.aantal,
    seed: o.seed,
    ...(o.jaar !== undefined ? { jaar: o.jaar } : {}),
  })) {
    n++;
    if (o.formaat === 'csv') batch.push(...csvRows(`b${n}`, c));
    else batch.push(JSON.stringify(c));
    if (batch.length >= 1000) {
      io.out(batch.join('\n'));
      batch = [];
    }
  }
  if (batch.length > 0) io.out(batch.join('\n'));
  return EXIT_OK;
}
