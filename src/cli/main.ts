/**
 * The regelwerk command line. Every user mistake becomes a Dutch message and an exit code, never a stack trace.
 *   regelwerk check [--json] [paths…]
 *   regelwerk fmt [--check] [paths…]
 *   regelwerk test [--json] [--coverage] [--pad jre|fast] [paths…]
 *   regelwerk eval --regels <map> --casus <bestand.json> [--json] [--pad jre|fast]
 *   regelwerk explain --regels <map> --casus <bestand.json> [--json]
 *   regelwerk diff --regels <map> <van> <naar> [--json]
 *   regelwerk serve [--port n] [--host h] [--regels <map>]
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { runCheck } from './check.js';
import { runFmt } from './fmt.js';
import { runTest } from './test.js';
import { runEval } from './eval.js';
import { runDiff } from './diff.js';
import { EXIT_USAGE, processIo, type Io } from './output.js';

export const USAGE = `Gebruik: regelwerk <opdracht> [opties]

Opdrachten:
  check [--json] [paden…]                 controleer regelbestanden (.regels); standaard: rules/
  fmt [--check] [paden…]                  maak regelbestanden op in de standaardopmaak
  test [--json] [--coverage] [paden…]     voer de scenario's uit
  eval --regels <map> --casus <bestand>   bereken een geval (JSON) [--json] [--pad jre|fast]
  explain --regels <map> --casus <bestand> leg elk bedrag en elke beslissing uit [--json]
  diff --regels <map> <van> <naar>        verschil tussen twee versies per tariefcel [--json]
  serve [--port n] [--regels <map>]       start de editor

Afsluitcode: 0 in orde, 1 fouten gevonden, 2 verkeerd gebruik.`;

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<O extends Options>(args: string[], options: O, io: Io) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`Verkeerd gebruik: ${translateArgError(msg)}\n\n${USAGE}`);
    return undefined;
  }
}

function translateArgError(msg: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `onbekende optie '${unknown[1]}'.`;
  const missing = /Option '([^']+)' argument missing/.exec(msg);
  if (missing) return `optie '${missing[1]}' heeft een waarde nodig.`;
  const positional = /Unexpected argument '([^']+)'/.exec(msg);
  if (positional) return `onverwacht argument '${positional[1]}'.`;
  return msg;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check': {
        const a = parse(rest, { json: { type: 'boolean' } }, io);
        if (!a) return EXIT_USAGE;
        return await runCheck(a.positionals.length ? a.positionals : ['rules'], a.values.json === true, io);
      }
      case 'fmt': {
        const a = parse(rest, { check: { type: 'boolean' } }, io);
        if (!a) return EXIT_USAGE;
        return await runFmt(a.positionals.length ? a.positionals : ['rules'], a.values.check === true, io);
      }
      case 'test': {
        const a = parse(
          rest,
          { json: { type: 'boolean' }, coverage: { type: 'boolean' }, pad: { type: 'string' } },
          io,
        );
        if (!a) return EXIT_USAGE;
        const pad = a.values.pad ?? 'jre';
        if (pad !== 'jre' && pad !== 'fast') {
          io.err(`Verkeerd gebruik: --pad moet 'jre' of 'fast' zijn, niet '${String(pad)}'.`);
          return EXIT_USAGE;
        }
        return await runTest(
          a.positionals.length ? a.positionals : ['rules'],
          {
            json: a.values.json === true,
            coverage: a.values.coverage === true,
            path: pad,
          },
          io,
        );
      }
      case 'eval':
      case 'explain': {
        const a = parse(
          rest,
          {
            regels: { type: 'string' },
            casus: { type: 'string' },
            json: { type: 'boolean' },
            pad: { type: 'string' },
          },
          io,
        );
        if (!a) return EXIT_USAGE;
        const pad = a.values.pad ?? 'jre';
        if (
          typeof a.values.regels !== 'string' ||
          typeof a.values.casus !== 'string' ||
          (pad !== 'jre' && pad !== 'fast')
        ) {
          io.err(
            `Verkeerd gebruik: ${command} heeft --regels <map> en --casus <bestand.json> nodig; --pad is 'jre' of 'fast'.\n\n${USAGE}`,
          );
          return EXIT_USAGE;
        }
        return await runEval(
          {
            regels: a.values.regels,
            casus: a.values.casus,
            json: a.values.json === true,
            explain: command === 'explain',
            path: pad,
          },
          io,
        );
      }
      case 'diff': {
        const a = parse(rest, { regels: { type: 'string' }, json: { type: 'boolean' } }, io);
        if (!a) return EXIT_USAGE;
        const [from, to, ...extra] = a.positionals;
        if (typeof a.values.regels !== 'string' || !from || !to || extra.length > 0) {
          io.err(
            `Verkeerd gebruik: diff heeft --regels <map> en twee versies nodig, bijvoorbeeld: regelwerk diff --regels rules/twents-model 2019 2020.\n\n${USAGE}`,
          );
          return EXIT_USAGE;
        }
        return await runDiff({ regels: a.values.regels, from, to, json: a.values.json === true }, io);
      }
      case 'serve': {
        const { serve } = await import('./serve.js');
        return await serve(rest);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
      default:
        io.err(`Onbekende opdracht '${command}'.\n\n${USAGE}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    // A bug in regelwerk, not a user mistake: say so plainly, without a stack trace.
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`Interne fout in regelwerk: ${msg}. Meld dit alstublieft met het bestand dat u gebruikte.`);
    if (process.env['REGELWERK_DEBUG'] && e instanceof Error && e.stack) io.err(e.stack);
    return 3;
  }
}
