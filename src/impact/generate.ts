/**
 * A generated, ILLUSTRATIVE Twente caseload (`regelwerk caseload genereer`): plausible beschikkingen for trying
 * impact analysis, not statistics. Deterministic for a seed. The distributions (documented in the README):
 *
 * - gemeente: in proportion to population (CBS, 1 January 2022, rounded to thousands), Enschede the largest;
 * - wet: Jeugdwet 70 %, Wmo 30 %; Jeugdwet clients 0–17 years on the ingangsdatum, 4 % 18–22 with verlengde
 *   jeugdhulp; Wmo clients 18–90 (60 % under 65);
 * - verwijzer (Jeugdwet): toegang 55 %, huisarts 20 %, medisch specialist 7 %, jeugdarts 6 %, GI 9 %, rechter 3 %,
 *   with a maatregel (OTS 60 %, voogdij 25 %, jeugdreclassering 15 %) when a GI or the rechter refers; Wmo: toegang;
 * - resultaten: Jeugdwet 1 (75 %), 2 (18 %) or 3 (7 %: families with several results); Wmo 1 (90 %) or 2;
 *   perspectief ontwikkelen 70 % (Jeugdwet) or 35 % (Wmo); OB1 30 %, OB2 35 %, OB3 22 %, OB4 13 %; intensiteit
 *   licht 40 %, midden 42 %, zwaar 18 %, the lower bandbreedte of the intensiteit 60 %; groepsgerichte inzet
 *   (groepsgrootte) in 8 % of licht and midden results; from 2022 (the version that limits combinations) a
 *   family's results have different ondersteuningsbehoeften and at most one is stabiliseren;
 * - duration: 3 months 30 %, 6 months 40 %, a year 30 %, from the ingangsdatum, a day of the chosen year;
 * - modules: vervoer 15 % (per rit 60 %: 10–120 ritten; per km: 100–4.000 km), consultatie & diagnostiek 10 % of
 *   Jeugdwet cases (two months), wonen en verblijf 4 % of Jeugdwet cases (gezinshuis 35 %, residentieel 30 %,
 *   logeren 25 %, kamertraining 10 %), maatregelhulp with 90 % of the maatregelen; from 2022 (the version that
 *   declares it) dagbesteding in een groep for Wmo clients: 30 % when their first result is stabiliseren, 15 %
 *   when ontwikkelen, over the beschikking's period, 2–9 dagdelen per week (4 the most common) times its whole
 *   weeks, so never above the maximum of 9 per week. Drawn from a second stream of the same seed: adding it left
 *   every other field of every case as it was.
 */

export interface GenerateOptions {
  readonly aantal: number;
  readonly seed: number;
  /** The year the ingangsdata fall in (default 2022). */
  readonly jaar?: number;
}

/** Population in thousands (CBS, 1 January 2022, rounded): the weight of each gemeente. */
export const GEMEENTE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['Enschede', 160],
  ['Hengelo', 81],
  ['Almelo', 73],
  ['Rijssen_Holten', 38],
  ['Hellendoorn', 36],
  ['Hof_van_Twente', 35],
  ['Twenterand', 34],
  ['Oldenzaal', 32],
  ['Dinkelland', 26],
  ['Wierden', 25],
  ['Borne', 24],
  ['Haaksbergen', 24],
  ['Losser', 23],
  ['Tubbergen', 21],
];

type Rng = () => number;

/** mulberry32: a small, well-known seeded generator (deterministic across platforms). */
function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: Rng, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return (weighted[weighted.length - 1] as readonly [T, number])[0];
}

const between = (rnd: Rng, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The last day of a period of `months` calendar months from `start`. */
function periodEnd(start: Date, months: number): string {
  const end = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()) - 86_400_000,
  );
  return iso(end);
}

const BANDS: Readonly<Record<string, readonly [string, string]>> = {
  licht: ['A', 'B'],
  midden: ['B', 'C'],
  zwaar: ['C', 'D'],
};

type Json = Record<string, unknown>;

/** The first year whose version (2022) declares `module dagbesteding_groep`. */
const DAGBESTEDING_FROM = 2022;

/**
 * The first year whose version (2022) limits combinations: no two results with the same ondersteuningsbehoefte
 * at the same time, at most one result stabiliseren.
 */
const COMBINATIONS_FROM = 2022;

const OBS = ['OB1', 'OB2', 'OB3', 'OB4'] as const;

/**
 * A family's results as the 2022 rules allow them (all share the beschikking's period): a later result with an
 * ondersteuningsbehoefte taken already gets the next free one, and one stabiliseren after the first becomes
 * ontwikkelen. No further draws, so every other field stays as drawn.
 */
function combinable(resultaten: readonly Json[]): void {
  const taken = new Set<unknown>();
  let stabiliseren = false;
  for (const r of resultaten) {
    const ob = r['ondersteuningsbehoefte'];
    if (taken.has(ob)) {
      const at = OBS.indexOf(ob as (typeof OBS)[number]);
      r['ondersteuningsbehoefte'] = [...OBS.slice(at + 1), ...OBS.slice(0, at)].find((x) => !taken.has(x));
    }
    taken.add(r['ondersteuningsbehoefte']);
    if (r['perspectief'] === 'stabiliseren') {
      if (stabiliseren) r['perspectief'] = 'ontwikkelen';
      stabiliseren = true;
    }
  }
}

/** Dagdelen per week asked for dagbesteding in een groep (the rules allow at most 9). */
const DAGDELEN_PER_WEEK: readonly (readonly [number, number])[] = [
  [2, 20],
  [3, 10],
  [4, 30],
  [5, 5],
  [6, 20],
  [8, 10],
  [9, 5],
];

const DAY_MS = 86_400_000;

/** Dagbesteding in een groep for a Wmo client, or nothing (`rnd` is the second stream). */
function dagbesteding(rnd: Rng, first: Json, periode: { van: string; tot: string }): Json | undefined {
  const share = first['perspectief'] === 'stabiliseren' ? 0.3 : 0.15;
  if (rnd() >= share) return undefined;
  const days = (Date.parse(periode.tot) - Date.parse(periode.van)) / DAY_MS + 1;
  const aantal = pick(rnd, DAGDELEN_PER_WEEK) * Math.floor(days / 7);
  return { module: 'dagbesteding_groep', id: 'db1', aantal: String(aantal), periode };
}

function result(rnd: Rng, i: number, jeugd: boolean, periode: Json): Json {
  const intensiteit = pick(rnd, [
    ['licht', 40],
    ['midden', 42],
    ['zwaar', 18],
  ]);
  const [lower, upper] = BANDS[intensiteit] as readonly [string, string];
  const r: Json = {
    id: `r${i + 1}`,
    perspectief: rnd() < (jeugd ? 0.7 : 0.35) ? 'ontwikkelen' : 'stabiliseren',
    ondersteuningsbehoefte: pick(rnd, [
      ['OB1', 30],
      ['OB2', 35],
      ['OB3', 22],
      ['OB4', 13],
    ]),
    intensiteit,
    bandbreedte: rnd() < 0.6 ? lower : upper,
  };
  if (intensiteit !== 'zwaar' && rnd() < 0.08)
    r['groepsgrootte'] = pick(rnd, [
      ['klein', 50],
      ['middel', 35],
      ['groot', 15],
    ]);
  r['periode'] = periode;
  return r;
}

/** One beschikking; `extra` is the second stream (modules added later, so that the rest stays as it was). */
function beschikking(rnd: Rng, extra: Rng, year: number): Json {
  const gemeente = pick(rnd, GEMEENTE_WEIGHTS);
  const jeugd = rnd() < 0.7;
  const start = new Date(Date.UTC(year, 0, 1 + between(rnd, 0, 364)));
  const extended = jeugd && rnd() < 0.04;
  const age = jeugd
    ? extended
      ? between(rnd, 18, 22)
      : between(rnd, 0, 17)
    : rnd() < 0.6
      ? between(rnd, 18, 64)
      : between(rnd, 65, 90);
  const born = new Date(
    Date.UTC(
      start.getUTCFullYear() - age - 1,
      start.getUTCMonth(),
      start.getUTCDate() + between(rnd, 1, 364),
    ),
  );
  const verwijzer = jeugd
    ? pick(rnd, [
        ['toegang', 55],
        ['huisarts', 20],
        ['medisch_specialist', 7],
        ['jeugdarts', 6],
        ['gi', 9],
        ['rechter', 3],
      ])
    : 'toegang';
  const c: Json = {
    gemeente,
    wet: jeugd ? 'jeugdwet' : 'wmo',
    geboortedatum: iso(born),
    ingangsdatum: iso(start),
    verwijzer,
  };
  if (verwijzer === 'gi' || verwijzer === 'rechter')
    c['maatregel'] = pick(rnd, [
      ['ots', 60],
      ['voogdij', 25],
      ['jeugdreclassering', 15],
    ]);
  if (extended) c['verlengde_jeugdhulp'] = true;
  const months = pick(rnd, [
    [3, 30],
    [6, 40],
    [12, 30],
  ]);
  const periode = { van: iso(start), tot: periodEnd(start, months) };
  const count = jeugd
    ? pick(rnd, [
        [1, 75],
        [2, 18],
        [3, 7],
      ])
    : rnd() < 0.9
      ? 1
      : 2;
  const resultaten = Array.from({ length: count }, (_, i) => result(rnd, i, jeugd, periode));
  if (year >= COMBINATIONS_FROM) combinable(resultaten);
  c['resultaten'] = resultaten;
  const modules: Json[] = [];
  if (rnd() < 0.15) {
    const rit = rnd() < 0.6;
    modules.push({
      module: 'vervoer',
      id: 'v1',
      variant: rit ? 'rit' : 'km',
      aantal: String(rit ? between(rnd, 10, 120) : between(rnd, 100, 4000)),
      periode,
    });
  }
  const verblijf = jeugd && rnd() < 0.04;
  if (verblijf)
    modules.push({
      module: 'wonen_verblijf',
      id: 'w1',
      variant: pick(rnd, [
        ['gezinshuis', 35],
        ['residentieel', 30],
        ['logeren', 25],
        ['kamertraining', 10],
      ]),
      periode,
    });
  if (jeugd && !verblijf && rnd() < 0.1) {
    const first = resultaten[0] as Json;
    modules.push({
      module: 'consultatie_diagnostiek',
      id: 'cd1',
      perspectief: first['perspectief'],
      ondersteuningsbehoefte: first['ondersteuningsbehoefte'],
      intensiteit: first['intensiteit'],
      periode: { van: iso(start), tot: periodEnd(start, 2) },
    });
  }
  if (c['maatregel'] !== undefined && rnd() < 0.9)
    modules.push({ module: 'maatregelhulp', id: 'm1', periode });
  if (!jeugd && year >= DAGBESTEDING_FROM) {
    const db = dagbesteding(extra, resultaten[0] as Json, periode);
    if (db) modules.push(db);
  }
  if (modules.length > 0) c['modules'] = modules;
  return c;
}

/** The beschikkingen of a generated caseload, one by one (a large caseload is never held whole). */
export function* generateCaseload(options: GenerateOptions): Generator<Json> {
  const rnd = seeded(options.seed);
  const extra = seeded(options.seed ^ 0x5bd1e995);
  const year = options.jaar ?? 2022;
  for (let i = 0; i < options.aantal; i++) yield beschikking(rnd, extra, year);
}
