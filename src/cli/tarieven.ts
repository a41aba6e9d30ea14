/**
 * `regelwerk tarieven --regels <map> <versie> [--tabel <naam>] [--herkomst] [--json]`: the tariff sheet of a
 * version, every table and parameter as it applies there (inherited, indexed, overridden), in Dutch notation;
 * `--herkomst` adds where each value comes from. main.ts dispatches here with its own parser and usage helper.
 */
import { buildSheet } from '../sheet/sheet.js';
import { renderSheet } from '../sheet/render-sheet.js';
import type { ArgHelpers } from './impact-args.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from './output.js';
import { compileRuleset, reportFailure } from './ruleset.js';

export async function runTarievenCommand(
  args: string[],
  io: Io,
  json: boolean,
  h: ArgHelpers,
): Promise<number> {
  const a = h.parse(
    args,
    {
      regels: { type: 'string' },
      tabel: { type: 'string' },
      herkomst: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    io,
    json,
  );
  if (!a) return EXIT_USAGE;
  const regels = a.values.regels;
  const tabel = typeof a.values.tabel === 'string' ? a.values.tabel : undefined;
  const [version, ...extra] = a.positionals;
  if (typeof regels !== 'string' || regels === '' || version === undefined || extra.length > 0) {
    return h.usage(
      io,
      json,
      'tarieven heeft --regels <map> en één versie nodig, bijvoorbeeld: regelwerk tarieven --regels rules/twents-model 2022.',
    );
  }
  const load = await compileRuleset([regels]);
  if (!load.ok) {
    reportFailure(load.failure, io, json);
    return EXIT_PROBLEMS;
  }
  const programs = load.ruleset.programs;
  const program = programs.find((p) => p.version === version);
  if (program === undefined) {
    const known = [...new Set(programs.map((p) => p.version))].join(', ');
    return h.usage(io, json, `onbekende versie '${version}'. Bekende versies: ${known}.`, false);
  }
  const sheet = buildSheet(program);
  if (tabel !== undefined && !sheet.tables.some((t) => t.name === tabel)) {
    const known = sheet.tables.map((t) => t.name).join(', ');
    return h.usage(io, json, `versie ${version} heeft geen tabel '${tabel}'. Tabellen: ${known}.`, false);
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
