import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/evaluate.js';
import { renderExplanation } from '../../src/engine/explain.js';
import type { EvaluationOk } from '../../src/engine/result.js';
import { splitPeriod, timeline } from '../../src/versions/timeline.js';
import { casus as makeCasus } from '../support/casus.js';
import { loadTwentsModel } from '../support/twents-model.js';

const { programs, texts } = loadTwentsModel();

const casus = (gemeente: string, van: string, tot: string) => makeCasus({ gemeente, van, tot });

const ok = (ev: unknown): EvaluationOk => {
  const e = ev as EvaluationOk;
  if (!e.ok) throw new Error(JSON.stringify(ev));
  return e;
};

describe('versions and time', () => {
  it('picks one version per day', () => {
    const segs = timeline(programs, 'Hengelo');
    expect(segs.map((s) => [s.from, s.program.version])).toEqual([
      ['2019-01-01', '2019'],
      ['2020-01-01', '2020'],
      ['2021-01-01', '2021-01'],
      ['2021-07-01', '2021-07'],
      ['2022-01-01', '2022'],
    ]);
    const almelo = timeline(programs, 'Almelo');
    expect(almelo[0]?.program.municipality).toBe('Almelo');
    const split = splitPeriod(segs, '2018-12-30', '2019-01-02');
    expect(split).toEqual({ uncovered: '2018-12-30' });
  });

  for (const path of ['jre', 'fast'] as const) {
    it(`prices a case from 2020-10-01 to 2021-03-31 in two parts whose sum is the total (${path})`, async () => {
      const ev = ok(
        await createEngine(programs, { path }).evaluate(casus('Hengelo', '2020-10-01', '2021-03-31')),
      );
      expect(ev.versions).toEqual(['2020', '2021-01']);
      const line = ev.lines[0];
      expect(line?.parts.map((p) => [p.version, p.from, p.to])).toEqual([
        ['2020', '2020-10-01', '2020-12-31'],
        ['2021-01', '2021-01-01', '2021-03-31'],
      ]);
      const cents = (s: string) => Math.round(Number(s) * 100);
      expect(cents(line?.amount ?? '0')).toBe((line?.parts ?? []).reduce((n, p) => n + cents(p.amount), 0));
      expect(ev.total).toBe(line?.amount);
      // 2020 has no time norms: no hours for the line, though its 2021-01 part has them.
      expect(line?.hours).toBeUndefined();
      const explained = ok(
        await createEngine(programs, { path }).explain(casus('Hengelo', '2020-10-01', '2021-03-31')),
      );
      expect(explained.explanation?.lines[0]?.parts.map((p) => p.hours)).toEqual([undefined, '20.85']);
      const within = ok(
        await createEngine(programs, { path }).evaluate(casus('Hengelo', '2021-01-01', '2021-03-31')),
      );
      expect(within.lines[0]?.hours).toBe('20.85');
    });

    it(`splits only quantities measured by the period at a version boundary (${path})`, async () => {
      const whole = { van: '2019-12-01', tot: '2020-01-31' };
      const c = {
        ...casus('Hengelo', whole.van, whole.tot),
        modules: [
          { module: 'wonen_verblijf', variant: 'logeren', periode: whole },
          {
            module: 'consultatie_diagnostiek',
            perspectief: 'ontwikkelen',
            ondersteuningsbehoefte: 'OB2',
            intensiteit: 'midden',
            periode: whole,
          },
          { module: 'vervoer', variant: 'km', aantal: 300, periode: whole },
        ],
      };
      const ev = ok(await createEngine(programs, { path }).evaluate(c));
      const parts = (key: string) =>
        ev.lines.find((l) => l.key === key)?.parts.map((p) => [p.version, p.from, p.to, p.quantity]);
      // Budget (weken) and wonen en verblijf (etmalen): one part per version.
      expect(parts('wonen_verblijf/logeren')).toEqual([
        ['2019', '2019-12-01', '2019-12-31', '31'],
        ['2020', '2020-01-01', '2020-01-31', '31'],
      ]);
      expect(ev.lines[0]?.parts).toHaveLength(2);
      // One traject and the requested 300 km: once, whole, by the version of the first day.
      expect(parts('consultatie_diagnostiek')).toEqual([['2019', '2019-12-01', '2020-01-31', '1']]);
      expect(parts('vervoer/km')).toEqual([['2019', '2019-12-01', '2020-01-31', '300']]);
      expect(ev.lines.find((l) => l.key === 'vervoer/km')?.amount).toBe('135.00');
      expect(ev.versions).toEqual(['2019', '2020']);
    });

    it(`judges an item only by the versions of its own days (${path})`, async () => {
      // gezinshuis_plus exists from 2021-07-01; the result starts in 2021-01's time, the module in 2021-07's.
      const c = {
        ...casus('Hengelo', '2021-06-01', '2021-09-30'),
        modules: [
          {
            module: 'wonen_verblijf',
            variant: 'gezinshuis_plus',
            periode: { van: '2021-07-01', tot: '2021-09-30' },
          },
        ],
      };
      const engine = createEngine(programs, { path });
      const ev = ok(await engine.evaluate(c));
      expect(ev.versions).toEqual(['2021-01', '2021-07']);
      expect(ev.decisions.map((d) => [d.variant, d.allowed])).toEqual([['gezinshuis_plus', true]]);
      expect(ev.lines.find((l) => l.kind === 'module')?.parts.map((p) => p.version)).toEqual(['2021-07']);
      // Starting one day earlier, the variant does not exist on its first day: the message names that version.
      const early = {
        ...c,
        modules: [{ ...c.modules[0], periode: { van: '2021-06-30', tot: '2021-09-30' } }],
      };
      const bad = await engine.evaluate(early);
      expect(bad.ok).toBe(false);
      expect(bad.diagnostics.map((d) => d.message)).toEqual([
        "modules[0].variant: onbekende variant 'gezinshuis_plus' van module wonen_verblijf; verwacht een van gezinshuis, residentieel, logeren, kamertraining (versie 2021-01).",
      ]);
    });

    it(`lets rules a later version adds judge the later part, and reports a rule once (${path})`, async () => {
      const engine = createEngine(programs, { path });
      const r1 = casus('Hengelo', '2021-06-01', '2021-09-30').resultaten[0] as Record<string, unknown>;
      const group = {
        ...casus('Hengelo', '2021-06-01', '2021-09-30'),
        resultaten: [{ ...r1, intensiteit: 'zwaar', bandbreedte: 'D', groepsgrootte: 'klein' }],
      };
      const ev = ok(await engine.evaluate(group));
      // 2021-07 adds the rule; the result starts under 2021-01, its part from 2021-07-01 is judged by it.
      expect(ev.diagnostics.map((d) => [d.rule, d.path])).toEqual([
        ['Groepsgerichte inzet niet bij intensiteit zwaar', 'resultaten[0]'],
      ]);
      // Entirely before 2021-07: the rule does not exist yet (and groepsgrootte is an unknown field).
      const before = {
        ...group,
        resultaten: [{ ...group.resultaten[0], periode: { van: '2021-06-01', tot: '2021-06-30' } }],
      };
      expect(ok(await engine.evaluate(before)).diagnostics.map((d) => d.rule)).toEqual(['invoer']);
      // Five results: "Maximaal aantal resultaten" fires under 2021-01 (max 3) and its rewrite under 2021-07
      // (max 4): one message, the first version's.
      const five = {
        ...casus('Hengelo', '2021-06-01', '2021-09-30'),
        resultaten: ['OB1', 'OB2', 'OB3', 'OB4', 'OB1'].map((ob, i) => ({
          ...r1,
          id: `r${i + 1}`,
          ondersteuningsbehoefte: ob,
        })),
      };
      const max = ok(await engine.evaluate(five)).diagnostics.filter(
        (d) => d.rule === 'Maximaal aantal resultaten per beschikking',
      );
      expect(max.map((d) => d.message)).toEqual([
        'Een beschikking heeft ten hoogste drie resultaten (illustratief).',
      ]);
      const explained = ok(await engine.explain(five)).explanation?.rules ?? [];
      expect(explained.filter((r) => r.rule === 'Maximaal aantal resultaten per beschikking')).toHaveLength(
        1,
      );
    });

    it(`reports a problem every version finds once, without naming versions (${path})`, async () => {
      // 2021-01 and 2021-07 declare different input, so each validates the case; both find the duplicate id.
      const c = casus('Hengelo', '2021-06-01', '2021-09-30');
      const twice = { ...c, resultaten: [c.resultaten[0], { ...c.resultaten[0], groepsgrootte: 'klein' }] };
      const ev = await createEngine(programs, { path }).evaluate(twice);
      expect(ev.ok).toBe(false);
      expect(ev.diagnostics.map((d) => d.message)).toEqual([
        "resultaten[1].id: 'r1' is al het id van resultaten[0]; elk id komt één keer voor.",
      ]);
    });

    it(`prices Almelo with its override and Hengelo with the regional version (${path})`, async () => {
      const engine = createEngine(programs, { path });
      const almelo = ok(await engine.evaluate(casus('Almelo', '2019-01-01', '2019-06-30')));
      const hengelo = ok(await engine.evaluate(casus('Hengelo', '2019-01-01', '2019-06-30')));
      expect(hengelo.version).toBe('2019');
      expect(almelo.version).toBe('2019-almelo');
      expect(almelo.total).not.toBe(hengelo.total);
      // OB3 is not overridden by Almelo: the same amount.
      const ob3 = (g: string) => {
        const c = casus(g, '2019-01-01', '2019-06-30');
        (c.resultaten[0] as Record<string, unknown>).ondersteuningsbehoefte = 'OB3';
        return engine.evaluate(c);
      };
      expect(ok(await ob3('Almelo')).total).toBe(ok(await ob3('Hengelo')).total);
    });
  }

  it('rejects a period before the first version', async () => {
    const ev = await createEngine(programs).evaluate(casus('Hengelo', '2018-12-01', '2019-01-31'));
    expect(ev.ok).toBe(false);
    expect(ev.diagnostics[0]?.message).toContain('geen versie van de regelset geldig op 2018-12-01');
  });
});

describe('explanations', () => {
  it('explains every amount with cell, version, bron and calculation', async () => {
    const ev = ok(await createEngine(programs).explain(casus('Hengelo', '2019-01-01', '2019-06-30')));
    const part = ev.explanation?.lines[0]?.parts[0];
    expect(part?.cells[0]?.key).toBe('weektarief[ontwikkelen, OB2, midden, B]');
    expect(part?.cells[0]?.version).toBe('2019');
    expect(part?.cells[0]?.validFrom).toBe('2019-01-01');
    expect(part?.cells[0]?.bron).toMatch(/Tarievenblad/);
    expect(part?.calculation).toBe(
      '€ 136,20 per week × 25,857143… weken = € 3.521,74 (afgerond op centen, half naar boven)',
    );
    const text = renderExplanation(ev, texts);
    expect(text).toContain('weektarief[ontwikkelen, OB2, midden, B]');
    expect(text).toMatch(/2019\.regels:\d+:\d+/);
  });

  it('cites the bron of the declaration that wrote the cell (a municipal wijzig tabel)', async () => {
    const engine = createEngine(programs);
    const almelo = ok(await engine.explain(casus('Almelo', '2019-01-01', '2019-06-30')));
    const cell = almelo.explanation?.lines[0]?.parts[0]?.cells[0];
    expect(cell?.version).toBe('2019-almelo');
    expect(cell?.bron).toMatch(/Almelo/);
    // A cell Almelo did not rewrite keeps the regional bron.
    const c = casus('Almelo', '2019-01-01', '2019-06-30');
    (c.resultaten[0] as Record<string, unknown>).ondersteuningsbehoefte = 'OB3';
    const regional = ok(await engine.explain(c)).explanation?.lines[0]?.parts[0]?.cells[0];
    expect(regional?.version).toBe('2019');
    expect(regional?.bron).toMatch(/^Tarievenblad Twents Model 2019/);
  });

  it('explains a rate taken from a parameter: written value, indexations, bron, place', async () => {
    const c = {
      ...casus('Hengelo', '2022-01-01', '2022-03-31'),
      modules: [
        { module: 'vervoer', variant: 'km', aantal: 100, periode: { van: '2022-01-01', tot: '2022-03-31' } },
      ],
    };
    const ev = ok(await createEngine(programs).explain(c));
    const line = ev.explanation?.lines.find((l) => l.kind === 'module');
    const param = line?.parts[0]?.parameters[0];
    expect(param?.name).toBe('vervoer_per_km');
    expect(param?.written).toBe('0.45');
    expect(param?.value).toBe(line?.parts[0]?.rate);
    expect(param?.indexations.map((i) => [i.version, i.fraction])).toEqual([
      ['2020', '0.0285'],
      ['2022', '0.0474'],
    ]);
    expect(param?.bron).toMatch(/Tarievenblad modules 2019/);
    expect(param?.source.file).toBe('rules/twents-model/2019.regels');
    const text = renderExplanation(ev, texts);
    expect(text).toContain('parameter vervoer_per_km = € 0,48 per km (geschreven in versie 2019');
  });

  it('prints every diagnostic of the evaluation, also those that are not rules', async () => {
    const c = { ...casus('Hengelo', '2019-01-01', '2019-06-30'), groepsgroote: 'klein' };
    const text = renderExplanation(ok(await createEngine(programs).explain(c)), texts);
    expect(text).toContain('Waarschuwing (invoer): groepsgroote: onbekend veld, genegeerd.');
  });

  it('explains inherited, indexed cells with their own version', async () => {
    const ev = ok(await createEngine(programs).explain(casus('Hengelo', '2020-02-01', '2020-02-29')));
    const cell = ev.explanation?.lines[0]?.parts[0]?.cells[0];
    expect(cell?.version).toBe('2019');
    expect(cell?.indexations.map((i) => i.version)).toContain('2020');
  });

  it('explains a refused module with the actual values', async () => {
    const c = {
      ...casus('Hengelo', '2019-01-01', '2019-06-30'),
      modules: [{ module: 'maatregelhulp', periode: { van: '2019-01-01', tot: '2019-03-31' } }],
    };
    const ev = ok(await createEngine(programs).evaluate(c));
    const d = ev.decisions[0];
    expect(d?.allowed).toBe(false);
    expect(d?.failed.map((f) => f.detail)).toEqual([
      'verwijzer = toegang; verwacht = gi',
      // The condition says what an empty maatregel means ('is niet leeg'): the first check decides.
      'maatregel is leeg; verwacht niet leeg',
    ]);
    // The same for programs, per check.
    expect(
      d?.failed.flatMap((f) =>
        f.checks.map(({ subject, actual, expected, held }) => [subject, actual, expected, held]),
      ),
    ).toEqual([
      ['verwijzer', 'toegang', '= gi', false],
      ['maatregel', 'leeg', 'niet leeg', false],
    ]);
  });
});
