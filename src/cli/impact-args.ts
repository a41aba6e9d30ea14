/**
 * Option parsing of `regelwerk impact` and `regelwerk caseload genereer` (main.ts dispatches here), with the
 * parser every command shares (args.ts).
 */
import { statSync } from 'node:fs';
import { parseCommand, threadsOption, usage, wholeNumber, wholeOption } from './args.js';
import { runGenerate } from './caseload.js';
import { runImpact } from './impact.js';
import type { Io } from './output.js';

/** A whole number as the reports print it: '2.002' (dots as thousands separators) is 2002. */
const undotted = (v: string | undefined): string | undefined =>
  v !== undefined && /^\d{1,3}(\.\d{3})+$/.test(v) ? v.replace(/\./g, '') : v;

/** An existing path that is not a folder (what cannot be unreadable is left to the writing, which reports it). */
function isFile(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() === false;
  } catch {
    return false;
  }
}

export async function runImpactCommand(args: string[], io: Io, json: boolean): Promise<number> {
  const a = parseCommand(
    args,
    {
      command: 'impact',
      options: {
        regels: { type: 'string', multiple: true },
        caseload: { type: 'string' },
        basis: { type: 'string' },
        variant: { type: 'string' },
        'variant-regels': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        csv: { type: 'string' },
        uitleg: { type: 'string' },
        threads: { type: 'string' },
        voortgang: { type: 'boolean' },
      },
      required: ['regels', 'caseload', 'basis', 'variant'],
      missing:
        'impact heeft --regels <map>, --caseload <bestand>, --basis <versie> en --variant <versie> nodig, bijvoorbeeld: regelwerk impact --regels rules/twents-model --caseload caseload.jsonl --basis 2021-07 --variant 2022.',
      json,
    },
    io,
  );
  if (typeof a === 'number') return a;
  const v = a.values;
  const uitleg = wholeOption(
    undotted(v.uitleg),
    1,
    999_999_999,
    io,
    json,
    `--uitleg neemt een regelnummer van de caseload (1 of meer), niet '${String(v.uitleg)}'.`,
  );
  if (!uitleg.ok) return uitleg.code;
  const threads = threadsOption(v.threads, io, json);
  if (!threads.ok) return threads.code;
  if (v.csv !== undefined && isFile(v.csv))
    return usage(
      io,
      json,
      `--csv neemt een map voor de CSV-bestanden, maar '${v.csv}' is een bestand; geef een (nieuwe) map op.`,
      false,
    );
  return runImpact(
    {
      regels: v.regels ?? [],
      caseload: v.caseload ?? '',
      basis: v.basis ?? '',
      variant: v.variant ?? '',
      json: v.json === true,
      ...(v['variant-regels'] !== undefined ? { variantRegels: v['variant-regels'] } : {}),
      ...(v.csv !== undefined ? { csv: v.csv } : {}),
      ...(uitleg.value !== undefined ? { uitleg: uitleg.value } : {}),
      ...(threads.value !== undefined ? { threads: threads.value } : {}),
      voortgang: v.voortgang === true,
    },
    io,
  );
}

export function runCaseloadCommand(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub !== 'genereer')
    return usage(
      io,
      false,
      `caseload kent alleen 'genereer', bijvoorbeeld: regelwerk caseload genereer --aantal 30000 --seed 1 > caseload.jsonl.`,
    );
  const a = parseCommand(
    rest,
    {
      command: 'caseload genereer',
      options: {
        aantal: { type: 'string' },
        seed: { type: 'string' },
        jaar: { type: 'string' },
        formaat: { type: 'string' },
      },
    },
    io,
  );
  if (typeof a === 'number') return a;
  const v = a.values;
  const aantal = wholeNumber(undotted(v.aantal), 1, 10_000_000);
  if (aantal === undefined)
    return usage(
      io,
      false,
      v.aantal === undefined
        ? '--aantal is verplicht: een aantal beschikkingen van 1 tot en met 10.000.000.'
        : `--aantal moet een heel getal van 1 tot en met 10.000.000 zijn (het aantal beschikkingen), niet '${v.aantal}'.`,
      false,
    );
  const seed = wholeOption(
    v.seed ?? '1',
    0,
    4_294_967_295,
    io,
    false,
    `--seed neemt een heel getal (0 of meer), niet '${String(v.seed)}'.`,
  );
  if (!seed.ok) return seed.code;
  const jaar = wholeOption(
    v.jaar,
    1950,
    2100,
    io,
    false,
    `--jaar neemt een jaartal (1950–2100), niet '${String(v.jaar)}'.`,
  );
  if (!jaar.ok) return jaar.code;
  const formaat = v.formaat ?? 'jsonl';
  if (formaat !== 'jsonl' && formaat !== 'csv')
    return usage(io, false, `--formaat moet 'jsonl' of 'csv' zijn, niet '${formaat}'.`, false);
  return runGenerate(
    { aantal, seed: seed.value ?? 1, formaat, ...(jaar.value !== undefined ? { jaar: jaar.value } : {}) },
    io,
  );
}
