/**
 * `regelwerk tarieven --regels <map> <versie> [--tabel <naam>] [--herkomst] [--json]`: the tariff sheet of a
 * version, every table and parameter as it applies there (inherited, indexed, overridden), in Dutch notation;
 * `--herkomst` adds where each value comes from. `--regels` may be given more than once (a draft and its base).
 */
import { buildSheet } from '../sheet/sheet.js';
import { renderSheet } from '../sheet/render-sheet.js';
import { parseCommand, usage } from './args.js';
import { EXIT_OK, EXIT_PROBLEMS, type Io } from './output.js';
import { reportFailure } from './ruleset-failure.js';
import { compileRuleset } from './ruleset.js';

const TARIEVEN_USAGE =
  'tarieven heeft --regels <map> en één versie nodig, bijvoorbeeld: regelwerk tarieven --regels rules/twents-model 2022.';

export async function runTarievenCommand(args: string[], io: Io, json: boolean): Promise<number> {
  const a = parseCommand(
    args,
    {
      command: 'tarieven',
      options: {
        regels: { type: 'string', multiple: true },
        tabel: { type: 'string' },
        herkomst: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      required: ['regels'],
      missing: TARIEVEN_USAGE,
      positionals: true,
      json,
    },
    io,
  );
  if (typeof a === 'number') return a;
  const tabel = a.values.tabel;
  const [version, ...extra] = a.positionals;
  if (version === undefined || extra.length > 0) return usage(io, json, TARIEVEN_USAGE);
  const load = await compileRuleset(a.values.regels ?? []);
  if (!load.ok) {
    reportFailure(load.failure, io, json);
    return EXIT_PROBLEMS;
  }
  const programs = load.ruleset.programs;
  const program = programs.find((p) => p.version === version);
  if (program === undefined) {
    const known = [...new Set(programs.map((p) => p.version))].join(', ');
    return usage(io, json, `onbekende versie '${version}'. Bekende versies: ${known}.`, false);
  }
  const sheet = buildSheet(program);
  if (tabel !== undefined && !sheet.tables.some((t) => t.name === tabel)) {
    const known = sheet.tables.map((t) => t.name).join(', ');
    return usage(io, json, `versie ${version} heeft geen tabel '${tabel}'. Tabellen: ${known}.`, false);
  }
  if (a.values.json === true) {
    const tables = tabel === undefined ? sheet.tables : sheet.tables.filter((t) => t.name === tabel);
    io.out(JSON.stringify({ ok: true, kind: 'tarieven', ...sheet, tables }, null, 2));
  } else {
    io.out(
      renderSheet(sheet, {
        ...(tabel !== undefined ? { table: tabel } : {}),
        origin: a.values.herkomst === true,
      }),
    );
  }
  return EXIT_OK;
}
