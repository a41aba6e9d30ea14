/**
 * The regelwerk command line. Every user mistake becomes a Dutch message and an exit code, never a stack trace.
 *   regelwerk check [--json] [paths…]
 *   regelwerk fmt [--check] [paths…]
 *   regelwerk test [--json] [--coverage] [--pad jre|fast] [paths…]
 *   regelwerk eval --regels <pad> --casus <bestand.json> [--json] [--pad jre|fast]
 *   regelwerk explain --regels <pad> --casus <bestand.json> [--json]
 *   regelwerk diff --regels <pad> <van> <naar> [--json | --csv]
 *   regelwerk tarieven --regels <pad> <versie> [--tabel <naam>] [--herkomst] [--json]
 *   regelwerk serve [--port n] [--host h] [--naam <hostnaam>]… [--regels <map>]… [--niet-bouwen]
 *   regelwerk bundle --regels <map> -o <bestand> [--json]
 *   regelwerk schema --regels <map> | --bundel
 *   regelwerk api --bundel <bestand> | --regels <map> [--port n] [--host h]
 *   regelwerk toewijzing --regels <map> --casus <f> [--vorige <eerder.xml>] [--tijdstip …] [--xsd <map>] [-o <f>]
 *   regelwerk impact --regels <map> --caseload <bestand> --basis <versie> --variant <versie> [...]
 *   regelwerk caseload genereer --aantal <n> --seed <s> [--jaar <jjjj>] [--formaat jsonl|csv]
 *   regelwerk rapport --regels <map> --basis <versie> --variant <versie> --caseload <bestand> -o <html> [--pdf <pdf>]
 *   regelwerk versie nieuw|lijst|ter-vaststelling|vaststellen|terugsturen|geschiedenis … [--regels <map>]
 *   regelwerk gebruiker toevoegen|wijzigen|verwijderen|lijst <naam> --gebruikers <bestand> [--rol …]
 */
import { parse, usage, wantsJson } from './args.js';
import { COMMANDS, USAGE, commandUsage } from './help.js';
import { EXIT_PROBLEMS, EXIT_USAGE, processIo, writeJsonFailure, type Io } from './output.js';

// Each command's module is imported when that command runs (`await import`), so `--help` or `fmt` does not
// load the checker, the engine or json-rules-engine: the CLI starts at once.

export { USAGE };

/** A path option or argument that is empty ('') would mean the working folder: the whole repository. */
const emptyPath = (paths: readonly (string | undefined)[]): boolean => paths.some((p) => p === '');
const EMPTY_PATH = "een leeg pad ('') is geen map of bestand; geef een map of regelbestand op.";

function padOption(pad: unknown, io: Io, json: boolean): 'jre' | 'fast' | undefined {
  const value = pad ?? 'jre';
  if (value === 'jre' || value === 'fast') return value;
  usage(io, json, `--pad moet 'jre' of 'fast' zijn, niet '${String(value)}'.`, false);
  return undefined;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const json = command !== 'fmt' && command !== 'serve' && wantsJson(rest);
  // `regelwerk impact --help`: the help of that command, whatever else is given (serve has its own).
  const known = (COMMANDS as readonly string[]).includes(command ?? '');
  if (
    known &&
    command !== undefined &&
    command !== 'serve' &&
    (rest.includes('--help') || rest.includes('-h'))
  ) {
    io.out(commandUsage(command));
    return 0;
  }
  try {
    switch (command) {
      case 'check': {
        const a = parse(rest, { json: { type: 'boolean' } }, io, json);
        if (!a) return EXIT_USAGE;
        if (emptyPath(a.positionals)) return usage(io, json, EMPTY_PATH);
        const { runCheck } = await import('./check.js');
        return await runCheck(a.positionals.length ? a.positionals : ['rules'], a.values.json === true, io);
      }
      case 'ir': {
        const a = parse(rest, {}, io, false);
        if (!a) return EXIT_USAGE;
        if (emptyPath(a.positionals)) return usage(io, false, EMPTY_PATH);
        const { runIr } = await import('./ir.js');
        return await runIr(a.positionals.length ? a.positionals : ['rules'], io);
      }
      case 'fmt': {
        const a = parse(rest, { check: { type: 'boolean' } }, io, json);
        if (!a) return EXIT_USAGE;
        if (emptyPath(a.positionals)) return usage(io, json, EMPTY_PATH);
        const { runFmt } = await import('./fmt.js');
        return await runFmt(a.positionals.length ? a.positionals : ['rules'], a.values.check === true, io);
      }
      case 'test': {
        const a = parse(
          rest,
          { json: { type: 'boolean' }, coverage: { type: 'boolean' }, pad: { type: 'string' } },
          io,
          json,
        );
        if (!a) return EXIT_USAGE;
        const pad = padOption(a.values.pad, io, json);
        if (!pad) return EXIT_USAGE;
        if (emptyPath(a.positionals)) return usage(io, json, EMPTY_PATH);
        const { runTest } = await import('./test.js');
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
      case 'explain':
      case 'uitleg': {
        const a = parse(
          rest,
          {
            regels: { type: 'string', multiple: true },
            casus: { type: 'string' },
            json: { type: 'boolean' },
            pad: { type: 'string' },
          },
          io,
          json,
        );
        if (!a) return EXIT_USAGE;
        const { regels, casus } = a.values;
        if (regels === undefined || typeof casus !== 'string')
          return usage(
            io,
            json,
            `${command} heeft --regels <map of bestand> en --casus <bestand.json> nodig.`,
          );
        if (emptyPath([...regels, casus]))
          return usage(io, json, `bij ${command} mogen --regels en --casus niet leeg zijn.`);
        if (a.positionals.length > 0)
          return usage(
            io,
            json,
            `${command} neemt geen losse argumenten, maar kreeg '${a.positionals.join("', '")}'; de casus staat achter --casus.`,
          );
        const pad = padOption(a.values.pad, io, json);
        if (!pad) return EXIT_USAGE;
        const { runEval } = await import('./eval.js');
        return await runEval(
          { regels, casus, json: a.values.json === true, explain: command !== 'eval', path: pad },
          io,
        );
      }
      case 'diff': {
        const a = parse(
          rest,
          {
            regels: { type: 'string', multiple: true },
            json: { type: 'boolean' },
            csv: { type: 'boolean' },
          },
          io,
          json,
        );
        if (!a) return EXIT_USAGE;
        if (a.values.json === true && a.values.csv === true)
          return usage(io, json, 'kies --json of --csv, niet allebei.', false);
        const [from, to, ...extra] = a.positionals;
        const regels = a.values.regels;
        if (regels === undefined || !from || !to || extra.length > 0)
          return usage(
            io,
            json,
            'diff heeft --regels <map> en twee versies nodig, bijvoorbeeld: regelwerk diff --regels rules/twents-model 2019 2020.',
          );
        if (emptyPath(regels)) return usage(io, json, EMPTY_PATH);
        // The versions are checked here: one the rules do not have is wrong usage (exit 2), not a problem found.
        const { compileRuleset } = await import('./ruleset.js');
        const load = await compileRuleset(regels);
        if (!load.ok) {
          (await import('./ruleset-failure.js')).reportFailure(load.failure, io, json);
          return EXIT_PROBLEMS;
        }
        const programs = load.ruleset.programs;
        const known = [...new Set(programs.map((p) => p.version))];
        const unknown = [...new Set([from, to])].filter((v) => !known.includes(v));
        const older = programs.find((p) => p.version === from);
        const newer = programs.find((p) => p.version === to);
        if (unknown.length > 0 || !older || !newer)
          return usage(
            io,
            json,
            `${unknown.length === 1 ? 'onbekende versie' : 'onbekende versies'} '${unknown.join("' en '")}'. Bekende versies: ${known.join(', ')}.`,
            false,
          );
        const { runDiff } = await import('./diff.js');
        return runDiff(
          { from: older, to: newer, json: a.values.json === true, csv: a.values.csv === true },
          io,
        );
      }
      case 'tarieven':
        return await (await import('./tarieven.js')).runTarievenCommand(rest, io, json);
      case 'impact':
        return await (await import('./impact-args.js')).runImpactCommand(rest, io, json);
      case 'caseload':
        return (await import('./impact-args.js')).runCaseloadCommand(rest, io);
      case 'versie':
        return await (await import('./versie.js')).runVersieCommand(rest, io);
      case 'gebruiker':
        return await (await import('./gebruiker.js')).runGebruikerCommand(rest, io);
      case 'rapport':
        return await (await import('./rapport.js')).runRapportCommand(rest, io);
      case 'bundle': {
        const a = parse(
          rest,
          {
            regels: { type: 'string', multiple: true },
            uit: { type: 'string', short: 'o' },
            json: { type: 'boolean' },
          },
          io,
          json,
        );
        if (!a) return EXIT_USAGE;
        const { regels, uit } = a.values;
        if (regels === undefined || typeof uit !== 'string' || a.positionals.length > 0)
          return usage(
            io,
            json,
            'bundle heeft --regels <map> en -o <bestand> nodig, bijvoorbeeld: regelwerk bundle --regels rules/twents-model -o twents-model.bundle.json.',
          );
        if (emptyPath([...regels, uit])) return usage(io, json, EMPTY_PATH);
        const { runBundle } = await import('./bundle.js');
        return await runBundle({ regels, out: uit, json: a.values.json === true }, io);
      }
      case 'schema': {
        const a = parse(
          rest,
          {
            regels: { type: 'string', multiple: true },
            bundel: { type: 'boolean' },
            json: { type: 'boolean' },
          },
          io,
          json,
        );
        if (!a) return EXIT_USAGE;
        const { regels, bundel } = a.values;
        if ((regels !== undefined) === (bundel === true) || a.positionals.length > 0)
          return usage(
            io,
            json,
            'schema heeft --regels <map> (het schema van een casus) of --bundel (het bundelformaat) nodig.',
          );
        if (regels !== undefined && emptyPath(regels)) return usage(io, json, EMPTY_PATH);
        const { runSchema } = await import('./bundle.js');
        return await runSchema({ regels, format: bundel === true, json }, io);
      }
      case 'api': {
        const { runApi } = await import('./api.js');
        return await runApi(rest, io);
      }
      case 'toewijzing': {
        const a = parse(
          rest,
          {
            regels: { type: 'string', multiple: true },
            casus: { type: 'string' },
            vorige: { type: 'string' },
            tijdstip: { type: 'string' },
            xsd: { type: 'string' },
            uit: { type: 'string', short: 'o' },
            'nummer-vanaf': { type: 'string' },
          },
          io,
          false,
        );
        if (!a) return EXIT_USAGE;
        const v = a.values;
        if (v.regels === undefined || typeof v.casus !== 'string')
          return usage(
            io,
            false,
            'toewijzing heeft --regels <map of bestand> en --casus <bestand.json> nodig.',
          );
        if (emptyPath([...v.regels, v.casus, v.vorige, v.xsd, v.uit])) return usage(io, false, EMPTY_PATH);
        if (a.positionals.length > 0)
          return usage(
            io,
            false,
            `toewijzing neemt geen losse argumenten, maar kreeg '${a.positionals.join("', '")}'.`,
          );
        const { tijdstipProblem } = await import('./tijdstip.js');
        const tijdstip = v.tijdstip === undefined ? undefined : tijdstipProblem(v.tijdstip);
        if (tijdstip !== undefined) return usage(io, false, tijdstip, false);
        const nummer = v['nummer-vanaf'] ?? '1';
        if (!/^[1-9]\d{0,7}$/.test(nummer))
          return usage(
            io,
            false,
            `--nummer-vanaf moet een nummer van 1 tot 99999999 zijn, niet '${nummer}'.`,
            false,
          );
        const { runToewijzing } = await import('./toewijzing.js');
        return await runToewijzing(
          {
            regels: v.regels,
            casus: v.casus,
            vorige: v.vorige,
            tijdstip: v.tijdstip,
            xsd: v.xsd,
            uit: v.uit,
            nummerVanaf: Number(nummer),
          },
          io,
        );
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
      case '--version':
      case '-v':
        io.out(`regelwerk ${(await import('./version.js')).version()}`);
        return 0;
      default: {
        const { suggest } = await import('../../dsl/text/suggest.js');
        const near = suggest(command, [...COMMANDS])[0];
        io.err(`Onbekende opdracht '${command}'.${near ? ` Bedoelt u '${near}'?` : ''}\n\n${USAGE}`);
        return EXIT_USAGE;
      }
    }
  } catch (e) {
    // A bug in regelwerk, not a user mistake: say so plainly, without a stack trace.
    const msg = e instanceof Error ? e.message : String(e);
    const text = `Interne fout in regelwerk: ${msg}. Meld dit alstublieft met het bestand dat u gebruikte.`;
    if (json) writeJsonFailure(io, [{ severity: 'fout', message: text }]);
    else io.err(text);
    if (process.env['REGELWERK_DEBUG'] && e instanceof Error && e.stack) io.err(e.stack);
    return 3;
  }
}
