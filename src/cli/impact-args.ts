/**
 * Option parsing of `regelwerk impact` and `regelwerk caseload genereer` (main.ts dispatches here, handing in
 * its own parser and wrong-usage reporter so that every command speaks the same Dutch).
 */
import type { ParseArgsConfig } from 'node:util';
import { runGenerate } from './caseload.js';
import { runImpact } from './impact.js';
import { EXIT_USAGE, type Io } from './output.js';

type Options = NonNullable<ParseArgsConfig['options']>;
interface Parsed {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** main.ts's helpers. */
export interface ArgHelpers {
  parse(args: string[], options: Options, io: Io, json: boolean): Parsed | undefined;
  usage(io: Io, json: boolean, message: string, showUsage?: boolean): number;
}

/** A whole number from `lo` to `hi` written as digits, else undefined. */
function whole(v: unknown, lo: number, hi: number): number | undefined {
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= lo && n <= hi ? n : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export async function runImpactCommand(
  args: string[],
  io: Io,
  json: boolean,
  h: ArgHelpers,
): Promise<number> {
  const a = h.parse(
    args,
    {
      regels: { type: 'string' },
      caseload: { type: 'string' },
      basis: { type: 'string' },
      variant: { type: 'string' },
      'variant-regels': { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'string' },
      uitleg: { type: 'string' },
      threads: { type: 'string' },
      voortgang: { type: 'boolean' },
    },
    io,
    json,
  );
  if (!a) return EXIT_USAGE;
  const [regels, caseload, basis, variant] = [
    a.values.regels,
    a.values.caseload,
    a.values.basis,
    a.values.variant,
  ].map(str);
  if (regels === undefined || caseload === undefined || basis === undefined || variant === undefined)
    return h.usage(
      io,
      json,
      'impact heeft --regels <map>, --caseload <bestand>, --basis <versie> en --variant <versie> nodig, bijvoorbeeld: regelwerk impact --regels rules/twents-model --caseload caseload.jsonl --basis 2021-07 --variant 2022.',
    );
  const variantRegels = str(a.values['variant-regels']);
  const csv = str(a.values.csv);
  if ([regels, caseload, basis, variant, variantRegels, csv].some((v) => v === ''))
    return h.usage(io, json, 'bij impact mag geen optie een lege waarde hebben.');
  if (a.positionals.length > 0)
    return h.usage(
      io,
      json,
      `impact neemt geen losse argumenten, maar kreeg '${a.positionals.join("', '")}'.`,
    );
  const uitleg = a.values.uitleg === undefined ? undefined : whole(a.values.uitleg, 1, 999_999_999);
  if (a.values.uitleg !== undefined && uitleg === undefined)
    return h.usage(
      io,
      json,
      `--uitleg neemt een regelnummer van de caseload (1 of meer), niet '${String(a.values.uitleg)}'.`,
      false,
    );
  const threads = a.values.threads === undefined ? undefined : whole(a.values.threads, 1, 64);
  if (a.values.threads !== undefined && threads === undefined)
    return h.usage(
      io,
      json,
      `--threads neemt een aantal van 1 tot en met 64, niet '${String(a.values.threads)}'.`,
      false,
    );
  return runImpact(
    {
      regels,
      caseload,
      basis,
      variant,
      json: a.values.json === true,
      ...(variantRegels !== undefined ? { variantRegels } : {}),
      ...(csv !== undefined ? { csv } : {}),
      ...(uitleg !== undefined ? { uitleg } : {}),
      ...(threads !== undefined ? { threads } : {}),
      voortgang: a.values.voortgang === true,
    },
    io,
  );
}

export function runCaseloadCommand(args: string[], io: Io, h: ArgHelpers): number {
  const [sub, ...rest] = args;
  if (sub !== 'genereer')
    return h.usage(
      io,
      false,
      `caseload kent alleen 'genereer', bijvoorbeeld: regelwerk caseload genereer --aantal 30000 --seed 1 > caseload.jsonl.`,
    );
  const a = h.parse(
    rest,
    {
      aantal: { type: 'string' },
      seed: { type: 'string' },
      jaar: { type: 'string' },
      formaat: { type: 'string' },
    },
    io,
    false,
  );
  if (!a) return EXIT_USAGE;
  if (a.positionals.length > 0)
    return h.usage(
      io,
      false,
      `caseload genereer neemt geen losse argumenten, maar kreeg '${a.positionals.join("', '")}'.`,
    );
  const aantal = whole(a.values.aantal, 1, 10_000_000);
  if (aantal === undefined)
    return h.usage(
      io,
      false,
      '--aantal is verplicht: een aantal beschikkingen van 1 tot en met 10.000.000.',
      false,
    );
  const seed = a.values.seed === undefined ? 1 : whole(a.values.seed, 0, 4_294_967_295);
  if (seed === undefined)
    return h.usage(
      io,
      false,
      `--seed neemt een heel getal (0 of meer), niet '${String(a.values.seed)}'.`,
      false,
    );
  const jaar = a.values.jaar === undefined ? undefined : whole(a.values.jaar, 1950, 2100);
  if (a.values.jaar !== undefined && jaar === undefined)
    return h.usage(
      io,
      false,
      `--jaar neemt een jaartal (1950–2100), niet '${String(a.values.jaar)}'.`,
      false,
    );
  const formaat = a.values.formaat ?? 'jsonl';
  if (formaat !== 'jsonl' && formaat !== 'csv')
    return h.usage(io, false, `--formaat moet 'jsonl' of 'csv' zijn, niet '${String(formaat)}'.`, false);
  return runGenerate({ aantal, seed, formaat, ...(jaar !== undefined ? { jaar } : {}) }, io);
}
