/**
 * The bundle: every version and override with its metadata, resolved tables, a case schema that agrees with the
 * engine's validation, a format that validates against its own schema, and a hash stable across builds.
 */
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bundleFormatSchema } from '../../src/bundle/bundle-schema.js';
import { bundleFromSources, commonFolder, serializeBundle } from '../../src/bundle/build.js';
import { createEngine } from '../../src/engine/evaluate.js';
import { bundleHash } from '../../src/runtime/canonical.js';
import type { Bundle } from '../../src/runtime/format.js';
import { ROOT, readSources } from './sources.js';

async function build(sources = readSources()): Promise<Bundle> {
  const b = await bundleFromSources(sources);
  if (!b.ok) throw new Error(b.error);
  return b.bundle;
}

const bundle = await build();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

describe('regelwerk bundle', () => {
  it('is byte-identical across builds, whatever the paths look like or the order they come in', async () => {
    const again = await build(readSources().reverse());
    const relative = await build(readSources(undefined, (p) => path.relative(ROOT, p)));
    expect(serializeBundle(again)).toBe(serializeBundle(bundle));
    expect(serializeBundle(relative)).toBe(serializeBundle(bundle));
  });

  it('carries the sha256 of its canonical form, which changes with any content', async () => {
    expect(bundle.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await bundleHash(bundle)).toBe(bundle.hash);
    const changed = JSON.parse(serializeBundle(bundle)) as {
      versions: { tables: { cells: { value: string }[] }[] }[];
    };
    const cell = changed.versions[0]?.tables[0]?.cells[0];
    if (!cell) throw new Error('no cell');
    cell.value = '999.99';
    expect(await bundleHash(changed)).not.toBe(bundle.hash);
  });

  it('holds every version and municipal override with dates, status and bron, files relative to the ruleset', () => {
    expect(bundle.format).toBe('regelwerk-bundel');
    expect(bundle.formatVersion).toBe(2);
    expect(bundle.release).toBe('2022');
    expect(bundle.versions.map((v) => [v.version, v.municipality, v.validFrom, v.file])).toEqual([
      ['2019', null, '2019-01-01', '2019.regels'],
      ['2019-almelo', 'Almelo', '2019-01-01', 'almelo/2019-almelo.regels'],
      ['2020', null, '2020-01-01', '2020.regels'],
      ['2021-01', null, '2021-01-01', '2021-01.regels'],
      ['2021-07', null, '2021-07-01', '2021-07.regels'],
      ['2022', null, '2022-01-01', '2022.regels'],
    ]);
    for (const v of bundle.versions) {
      expect(v.status).toMatch(/^(concept|vastgesteld)$/);
      expect(v.program.version).toBe(v.version);
      expect(v.tables.length).toBe(v.program.tables.length);
    }
    expect(bundle.versions.some((v) => v.bron !== null)).toBe(true);
  });

  it('resolves tables: an indexed version prices cells above what was written', () => {
    const indexed = bundle.versions.flatMap((v) =>
      v.tables.flatMap((t) => t.cells.filter((c) => c.indexations > 0)),
    );
    expect(indexed.length).toBeGreaterThan(0);
    for (const c of indexed.slice(0, 50)) expect(Number(c.value)).toBeGreaterThan(Number(c.written));
  });

  it('validates against the JSON Schema of the bundle format, which refuses a wrong format version', () => {
    const validate = ajv.compile(bundleFormatSchema);
    const data = JSON.parse(serializeBundle(bundle)) as Record<string, unknown>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...data, formatVersion: 1 })).toBe(false);
  });

  it('has a case schema (draft 2020-12) that accepts every scenario case the engine accepts and refuses field errors', async () => {
    expect(bundle.caseSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = ajv.compile(bundle.caseSchema);
    const engine = createEngine(
      bundle.versions.map((v) => v.program),
      { path: 'fast' },
    );
    let accepted = 0;
    let refusedBoth = 0;
    for (const v of bundle.versions)
      for (const s of v.program.scenarios) {
        const ev = await engine.evaluate(s.casus);
        const inputOk = ev.ok || !ev.diagnostics.some((d) => d.rule === 'invoer');
        const valid = validate(s.casus);
        // Checks across fields (a period's order, unique ids) are the engine's alone: the schema may accept more.
        if (inputOk) expect(valid, `${v.version} ${s.name}: ${JSON.stringify(validate.errors)}`).toBe(true);
        if (inputOk) accepted++;
        else if (!valid) refusedBoth++;
      }
    expect(accepted).toBeGreaterThan(20);
    expect(refusedBoth).toBeGreaterThan(0);
    // A wrong bandwidth for the intensity and an unknown domain value are refused by the schema too.
    const base = v2019case();
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, gemeente: 'Amsterdam' })).toBe(false);
    expect(
      validate({ ...base, resultaten: [{ ...base.resultaten[0], intensiteit: 'licht', bandbreedte: 'C' }] }),
    ).toBe(false);
  });

  it('names the folder a set of files shares', () => {
    expect(commonFolder(['a/b/1.regels', 'a/b/c/2.regels'])).toBe('a/b/');
    expect(commonFolder(['1.regels', 'a/2.regels'])).toBe('');
  });
});

function v2019case() {
  return {
    gemeente: 'Borne',
    wet: 'jeugdwet',
    geboortedatum: '2012-09-30',
    ingangsdatum: '2019-02-01',
    verwijzer: 'toegang',
    resultaten: [
      {
        id: 'r1',
        perspectief: 'ontwikkelen',
        ondersteuningsbehoefte: 'OB2',
        intensiteit: 'midden',
        bandbreedte: 'C',
        periode: { van: '2019-02-01', tot: '2019-07-31' },
      },
    ],
  };
}
