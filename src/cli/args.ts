/**
 * Option parsing shared by every command (node:util parseArgs), so that each speaks the same Dutch: wrong usage
 * is a Dutch message on stderr (or with `--json` one JSON object on stdout) and exit 2. {@link parseCommand}
 * also does the checks most commands repeat: required options, no empty values, no loose arguments.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { USAGE } from './help.js';
import { EXIT_USAGE, writeJsonFailure, type Io } from './output.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs gives for these options (strict, positionals allowed). */
export type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>;

/** Whether the user asked for JSON (also when that very option is misspelt, as `--json=ja`). */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => /^--json(=|$)/.test(a));
}

/** Wrong usage: a Dutch message (with `json` as a JSON object on stdout), exit 2. */
export function usage(io: Io, json: boolean, message: string, showUsage = true): number {
  if (json) writeJsonFailure(io, [{ severity: 'fout', message: `Verkeerd gebruik: ${message}` }]);
  else io.err(`Verkeerd gebruik: ${message}${showUsage ? `\n\n${USAGE}` : ''}`);
  return EXIT_USAGE;
}

/** Parses strictly; on a mistake reports it (Dutch) and returns undefined. */
export function parse<O extends Options>(
  args: string[],
  options: O,
  io: Io,
  json: boolean,
): Parsed<O> | undefined {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    usage(io, json, translateArgError(e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  // An option given twice that takes one value would silently keep the last: say so instead.
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option' || options[t.name]?.multiple === true) continue;
    if (seen.has(t.name) && options[t.name]?.type === 'string') {
      usage(io, json, `--${t.name} staat er twee keer; geef het één keer.`, false);
      return undefined;
    }
    seen.add(t.name);
  }
  const { values, positionals } = parsed;
  return { values, positionals } as Parsed<O>;
}

/** node:util's English argument errors in Dutch; anything not recognised gets a Dutch message, never English. */
export function translateArgError(msg: string): string {
  const option = String.raw`'(?:-\w, )?(-[^' ]+)(?: <value>)?'`;
  const unknown = /^Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `onbekende optie '${unknown[1]}'.`;
  const missing = new RegExp(`^Option ${option} argument missing`).exec(msg);
  if (missing) return `optie '${missing[1]}' heeft een waarde nodig.`;
  const noValue = new RegExp(`^Option ${option} does not take an argument`).exec(msg);
  if (noValue) return `optie '${noValue[1]}' neemt geen waarde; schrijf alleen '${noValue[1]}'.`;
  const ambiguous = new RegExp(`^Option ${option} argument is ambiguous`).exec(msg);
  if (ambiguous)
    return `optie '${ambiguous[1]}' heeft een waarde nodig, maar er volgt een andere optie. Begint de waarde met een streepje, schrijf dan '${ambiguous[1]}=-…'.`;
  const positional = /^Unexpected argument '([^']+)'/.exec(msg);
  if (positional) return `onverwacht argument '${positional[1]}'.`;
  return 'de opties en argumenten kloppen niet.';
}

/** One command's options and the checks {@link parseCommand} does on them. */
export interface CommandSpec<O extends Options> {
  /** The command as the user types it, for messages ('impact', 'caseload genereer'). */
  readonly command: string;
  readonly options: O;
  /** Options that must be given; when one is missing, `missing` is the message. */
  readonly required?: readonly (keyof O & string)[];
  readonly missing?: string;
  /** Loose arguments are allowed (default: refused with a message naming them). */
  readonly positionals?: boolean;
  /** Report as one JSON object on stdout. */
  readonly json?: boolean;
}

/**
 * Parses a command's options and checks them: every required option given, no option with an empty value
 * (`--regels ''` would mean the working folder), no loose arguments unless allowed. Returns the parsed options,
 * or the exit code after reporting (Dutch).
 */
export function parseCommand<O extends Options>(
  args: string[],
  spec: CommandSpec<O>,
  io: Io,
): Parsed<O> | number {
  const json = spec.json === true;
  const a = parse(args, spec.options, io, json);
  if (!a) return EXIT_USAGE;
  const values = a.values as Record<string, unknown>;
  if ((spec.required ?? []).some((name) => values[name] === undefined))
    return usage(io, json, spec.missing ?? `${spec.command} mist een verplichte optie.`);
  const given = Object.values(values).flatMap((v) => (Array.isArray(v) ? v : [v]));
  if (given.some((v) => v === ''))
    return usage(io, json, `bij ${spec.command} mag geen optie een lege waarde hebben.`);
  if (spec.positionals !== true && a.positionals.length > 0)
    return usage(
      io,
      json,
      `${spec.command} neemt geen losse argumenten, maar kreeg '${a.positionals.join("', '")}'.`,
    );
  return a;
}

/** A whole number from `lo` to `hi` written as digits, else undefined. */
export function wholeNumber(v: unknown, lo: number, hi: number): number | undefined {
  if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= lo && n <= hi ? n : undefined;
}

/** A whole-number option: its value (undefined when not given), or the exit code after a Dutch message. */
export function wholeOption(
  v: string | undefined,
  lo: number,
  hi: number,
  io: Io,
  json: boolean,
  message: string,
): { ok: true; value: number | undefined } | { ok: false; code: number } {
  if (v === undefined) return { ok: true, value: undefined };
  const n = wholeNumber(v, lo, hi);
  return n === undefined ? { ok: false, code: usage(io, json, message, false) } : { ok: true, value: n };
}

/** `--threads n` of impact and rapport: 1 to 64 worker threads. */
export const threadsOption = (v: string | undefined, io: Io, json: boolean) =>
  wholeOption(v, 1, 64, io, json, `--threads neemt een aantal van 1 tot en met 64, niet '${String(v)}'.`);
