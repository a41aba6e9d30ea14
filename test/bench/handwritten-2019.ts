/**
 * The Twents Model 2019 rules (regional version, rules/twents-model/2019.regels) written by hand in TypeScript
 * with decimal.js: the practical speed limit the engine is measured against. Same tariffs (illustrative), same
 * rules, same rounding, and the same result as the engine's `Evaluation` for a 2019 case:
 * - `ok`, `version` ("2019"), `versions`;
 * - `lines`: one per result and per allowed module request, with kind, key ("weektarief[ontwikkelen, OB2, midden,
 *   B]", "vervoer/km"), ref, quantity, unit, rate, amount, `capped` when the vervoer maximum applied, and one
 *   part (version, from, to, quantity, rate, amount);
 * - `total`;
 * - `decisions`: one per module request (module, variant, ref, allowed, the Dutch reason when refused);
 * - `diagnostics`: the rules that fire (severity, rule name, Dutch message, item path), beschikking rules first
 *   in declaration order, then per result.
 * Left out: source references (`source`, origin ids), the failed conditions with their actual values per
 * decision (`failed`), explanations.
 *
 * Input validation is minimal and hand-written: only the fields this function reads (types, domain values, the
 * intensity/bandwidth pair, ISO dates, periods within 2019, known modules and variants, `aantal` as a number).
 * A case it does not cover (another version, the Almelo override, malformed input) gets `ok: false` with a Dutch
 * message; its messages are not the engine's. Only `decimal.ts` (Dec, formatting) and `dates.ts` are shared with
 * the engine. Day counts and their week quantities are computed once per number of days (as the engine caches
 * them too).
 */
import { Dec, moneyString, plainString } from '../../src/engine/decimal.js';
import { daysInclusive, isIsoDate, monthsFraction, wholeYears } from '../../src/calendar/dates.js';

const VERSION = '2019';
const FROM = '2019-01-01';
const TO = '2019-12-31';

interface Cell {
  readonly rate: Dec;
  readonly rateText: string;
  readonly key: string;
}

const cell = (table: string, key: readonly string[], value: string): Cell => {
  const rate = new Dec(value);
  return { rate, rateText: rate.toFixed(2), key: `${table}[${key.join(', ')}]` };
};

const PERSPECTIEF = ['ontwikkelen', 'stabiliseren'];
const OB = ['OB1', 'OB2', 'OB3', 'OB4'];
const INTENSITEIT = ['licht', 'midden', 'zwaar'];
/** Weektarief columns (intensiteit/bandbreedte) and rows (perspectief/OB): the allowed bandwidth pairs. */
const COLS = ['licht/A', 'licht/B', 'midden/B', 'midden/C', 'zwaar/C', 'zwaar/D'];
const WEEK_ROWS: readonly (readonly string[])[] = [
  ['62.40', '88.20', '118.60', '152.30', '198.50', '256.80'],
  ['71.80', '101.40', '136.20', '174.90', '228.10', '294.60'],
  ['84.60', '119.50', '160.40', '206.10', '268.70', '347.20'],
  ['97.30', '137.40', '184.50', '237.00', '309.00', '399.30'],
  ['56.20', '79.40', '106.70', '137.10', '178.70', '231.10'],
  ['64.60', '91.30', '122.60', '157.40', '205.30', '265.10'],
  ['76.10', '107.60', '144.40', '185.50', '241.80', '312.50'],
  ['87.60', '123.70', '166.10', '213.30', '278.10', '359.40'],
];
const CD_ROWS: readonly (readonly string[])[] = [
  ['420', '680', '1050'],
  ['480', '760', '1180'],
  ['560', '890', '1390'],
  ['640', '1020', '1590'],
  ['380', '610', '940'],
  ['430', '690', '1060'],
  ['500', '800', '1250'],
  ['580', '920', '1430'],
];

/** Cells by perspectief → OB → column key ("midden/B" for weektarief, "midden" for cd_tarief). */
type Grid = Map<string, Map<string, Map<string, Cell>>>;
function grid(table: string, rows: readonly (readonly string[])[], cols: readonly string[]): Grid {
  const g: Grid = new Map();
  PERSPECTIEF.forEach((p, pi) => {
    const byOb = new Map<string, Map<string, Cell>>();
    g.set(p, byOb);
    OB.forEach((ob, oi) => {
      const row = rows[pi * OB.length + oi] ?? [];
      const byCol = new Map<string, Cell>();
      byOb.set(ob, byCol);
      cols.forEach((col, ci) => byCol.set(col, cell(table, [p, ob, ...col.split('/')], row[ci] ?? '0')));
    });
  });
  return g;
}
const WEEK = grid('weektarief', WEEK_ROWS, COLS);
const CD = grid('cd_tarief', CD_ROWS, INTENSITEIT);

const VERBLIJF = new Map(
  Object.entries({
    gezinshuis: '148.50',
    residentieel: '268.40',
    logeren: '126.80',
    kamertraining: '97.30',
  }).map(([k, v]) => [k, cell('verblijf_tarief', [k], v)]),
);
const MAATREGEL_TARIEF = new Map(
  Object.entries({ ots: '1184.00', voogdij: '1052.00', jeugdreclassering: '936.00' }).map(([k, v]) => [
    k,
    cell('maatregelhulp_tarief', [k], v),
  ]),
);
const VERVOER = new Map([
  ['rit', cell('vervoer_per_rit', [], '12.50')],
  ['km', cell('vervoer_per_km', [], '0.45')],
]);
const CAP = new Dec('2500');
const CAP_TEXT = '2500.00';
const ONE = new Dec(1);

const GEMEENTEN = new Set([
  'Borne',
  'Dinkelland',
  'Enschede',
  'Haaksbergen',
  'Hellendoorn',
  'Hengelo',
  'Hof_van_Twente',
  'Losser',
  'Oldenzaal',
  'Rijssen_Holten',
  'Tubbergen',
  'Twenterand',
  'Wierden',
]);
const WET = new Set(['jeugdwet', 'wmo']);
const VERWIJZER = new Set(['toegang', 'huisarts', 'jeugdarts', 'medisch_specialist', 'gi', 'rechter']);
const MAATREGEL = new Set(['geen', 'ots', 'voogdij', 'jeugdreclassering']);
const MAATREGEL_ECHT = new Set(['ots', 'voogdij', 'jeugdreclassering']);
const PERSPECTIEF_SET = new Set(PERSPECTIEF);
const OB_SET = new Set(OB);
const INTENSITEIT_SET = new Set(INTENSITEIT);
const VARIANTS = new Map<string, ReadonlySet<string> | undefined>([
  ['consultatie_diagnostiek', undefined],
  ['wonen_verblijf', new Set(VERBLIJF.keys())],
  ['maatregelhulp', undefined],
  ['vervoer', new Set(VERVOER.keys())],
]);

const MSG = {
  jeugdwet18: ['Jeugdwet tot 18 jaar', 'Jeugdhulp na het 18e jaar kan alleen als verlengde jeugdhulp.'],
  jeugdwet23: [
    'Jeugdhulp uiterlijk tot 23 jaar',
    'Vanaf 23 jaar is jeugdhulp niet meer mogelijk, ook niet als verlengde jeugdhulp.',
  ],
  wmo18: [
    'Wmo vanaf 18 jaar',
    'Een Wmo-maatwerkvoorziening is er vanaf 18 jaar; voor jongeren geldt de Jeugdwet.',
  ],
  verlengd: [
    'Verlengde jeugdhulp alleen vanaf 18 jaar onder de Jeugdwet',
    'Verlengde jeugdhulp is alleen aan de orde onder de Jeugdwet en vanaf 18 jaar; controleer de beschikking.',
  ],
  wmoToegang: [
    'Wmo alleen via de gemeentelijke toegang',
    'Een Wmo-maatwerkvoorziening wordt alleen door de gemeentelijke toegang beschikt.',
  ],
  maatregel: [
    'Maatregel zonder gecertificeerde instelling',
    'Er is een maatregel, maar de verwijzer is geen gecertificeerde instelling of rechter.',
  ],
  maxResultaten: [
    'Maximaal aantal resultaten per beschikking',
    'Een beschikking heeft ten hoogste drie resultaten (illustratief).',
  ],
  cdWv: [
    'Geen consultatie en diagnostiek naast wonen en verblijf',
    'Consultatie en diagnostiek is bij wonen en verblijf al inbegrepen (illustratief).',
  ],
  begin: [
    'Resultaat begint niet voor de ingangsdatum',
    'Een resultaat kan niet beginnen voor de ingangsdatum van de beschikking.',
  ],
  jaar: [
    'Resultaat langer dan een jaar',
    'Het resultaat loopt langer dan een jaar; beoordeel de beschikking opnieuw binnen een jaar.',
  ],
} as const;

const REFUSED = {
  cd: 'Geef bij consultatie en diagnostiek het perspectief, de ondersteuningsbehoefte en de intensiteit op.',
  wv: 'Wonen en verblijf is in deze regelset alleen mogelijk onder de Jeugdwet; beschermd wonen (Wmo) loopt via centrumgemeente Enschede.',
  gi: 'Maatregelhulp kan alleen worden ingezet door een gecertificeerde instelling.',
  maatregel: 'Maatregelhulp hoort bij een maatregel: ondertoezichtstelling, voogdij of jeugdreclassering.',
  vervoer: 'Geef bij vervoer het aantal ritten of kilometers op.',
} as const;

export interface HandPart {
  readonly version: string;
  readonly from: string;
  readonly to: string;
  readonly quantity: string;
  readonly rate: string;
  readonly amount: string;
}

export interface HandLine {
  readonly kind: 'resultaat' | 'module';
  readonly key: string;
  readonly ref: string;
  readonly quantity: string;
  readonly unit: string;
  readonly rate: string;
  readonly amount: string;
  readonly capped?: boolean;
  readonly parts: readonly HandPart[];
}

export interface HandDecision {
  readonly module: string;
  readonly variant?: string;
  readonly ref: string;
  readonly allowed: boolean;
  readonly reason?: string;
}

export interface HandDiagnostic {
  readonly severity: 'fout' | 'waarschuwing';
  readonly rule: string;
  readonly message: string;
  readonly path?: string;
}

export type HandResult =
  | {
      readonly ok: true;
      readonly version: string;
      readonly versions: readonly string[];
      readonly lines: readonly HandLine[];
      readonly total: string;
      readonly decisions: readonly HandDecision[];
      readonly diagnostics: readonly HandDiagnostic[];
    }
  | { readonly ok: false; readonly version: string | null; readonly diagnostics: readonly HandDiagnostic[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A quantity with its text, per number of days (weeks = days / 7 exact; etmalen = days). */
interface Quantity {
  readonly q: Dec;
  readonly text: string;
}
const WEEKS: (Quantity | undefined)[] = [];
const DAYS: (Quantity | undefined)[] = [];
function weeks(days: number): Quantity {
  let w = WEEKS[days];
  if (!w) {
    const q = new Dec(days).div(7);
    WEEKS[days] = w = { q, text: plainString(q) };
  }
  return w;
}
function etmalen(days: number): Quantity {
  let d = DAYS[days];
  if (!d) DAYS[days] = d = { q: new Dec(days), text: String(days) };
  return d;
}

const r2 = (d: Dec): Dec => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

const fail = (message: string, path?: string): HandResult => ({
  ok: false,
  version: VERSION,
  diagnostics: [
    {
      severity: 'fout',
      rule: 'invoer',
      message: path ? `${path}: ${message}` : message,
      ...(path ? { path } : {}),
    },
  ],
});

/** A period within 2019, or an error message. */
function period(v: unknown): { van: string; tot: string } | string {
  if (!isObj(v) || !isIsoDate(v.van) || !isIsoDate(v.tot)) return 'geen geldige periode (van, tot).';
  if (v.tot < v.van) return 'het einde ligt voor het begin.';
  if (v.van < FROM || v.tot > TO)
    return 'valt niet binnen 2019 (alleen versie 2019 is met de hand geschreven).';
  return { van: v.van, tot: v.tot };
}

/** A decimal `aantal` (JSON number or decimal string), undefined when absent, null when malformed. */
function aantalOf(v: unknown): Dec | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? new Dec(String(v)) : null;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return new Dec(v.trim());
  return null;
}

const optionalIn = (v: unknown, set: ReadonlySet<string>): boolean =>
  v === undefined || v === null || (typeof v === 'string' && set.has(v));

function line(
  kind: 'resultaat' | 'module',
  key: string,
  ref: string,
  p: { van: string; tot: string },
  q: Quantity,
  unit: string,
  c: Cell,
  amount: Dec,
  capped: boolean,
): HandLine {
  const text = moneyString(amount);
  return {
    kind,
    key,
    ref,
    quantity: q.text,
    unit,
    rate: c.rateText,
    amount: capped ? CAP_TEXT : text,
    ...(capped ? { capped: true } : {}),
    parts: [{ version: VERSION, from: p.van, to: p.tot, quantity: q.text, rate: c.rateText, amount: text }],
  };
}

/** Evaluate a case against the regional 2019 rules (see the file header for what is and is not computed). */
export function evaluate2019(c: unknown): HandResult {
  if (!isObj(c)) return fail('Het geval moet een JSON-object zijn.');
  const { wet, verwijzer, maatregel, geboortedatum, ingangsdatum, gemeente } = c;
  const verlengdRaw = c.verlengde_jeugdhulp;
  if (typeof gemeente !== 'string' || !GEMEENTEN.has(gemeente))
    return fail('onbekende gemeente (Almelo heeft in 2019 eigen tarieven).', 'gemeente');
  if (typeof wet !== 'string' || !WET.has(wet)) return fail('ontbreekt of is onbekend.', 'wet');
  if (typeof verwijzer !== 'string' || !VERWIJZER.has(verwijzer))
    return fail('ontbreekt of is onbekend.', 'verwijzer');
  if (!optionalIn(maatregel, MAATREGEL)) return fail('onbekende maatregel.', 'maatregel');
  if (verlengdRaw !== undefined && verlengdRaw !== null && typeof verlengdRaw !== 'boolean')
    return fail('moet ja/nee (true/false) zijn.', 'verlengde_jeugdhulp');
  if (!isIsoDate(geboortedatum)) return fail('geen geldige datum.', 'geboortedatum');
  if (!isIsoDate(ingangsdatum)) return fail('geen geldige datum.', 'ingangsdatum');
  const results = c.resultaten;
  if (!Array.isArray(results) || results.length === 0)
    return fail('ontbreekt of is geen lijst van resultaten.', 'resultaten');
  const modulesRaw = c.modules ?? [];
  if (!Array.isArray(modulesRaw)) return fail('is geen lijst.', 'modules');

  const verlengd = verlengdRaw === true;
  const leeftijd = wholeYears(geboortedatum, ingangsdatum);
  const diagnostics: HandDiagnostic[] = [];
  const fire = (m: readonly [string, string], severity: 'fout' | 'waarschuwing', path?: string): void => {
    diagnostics.push(
      path ? { severity, rule: m[0], message: m[1], path } : { severity, rule: m[0], message: m[1] },
    );
  };
  const jeugdwet = wet === 'jeugdwet';
  const wmo = wet === 'wmo';
  const echteMaatregel = typeof maatregel === 'string' && MAATREGEL_ECHT.has(maatregel);
  if (jeugdwet && leeftijd >= 18 && leeftijd < 23 && !verlengd) fire(MSG.jeugdwet18, 'fout');
  if (jeugdwet && leeftijd >= 23) fire(MSG.jeugdwet23, 'fout');
  if (wmo && leeftijd < 18) fire(MSG.wmo18, 'fout');
  if (verlengd && (wmo || leeftijd < 18)) fire(MSG.verlengd, 'waarschuwing');
  if (wmo && verwijzer !== 'toegang') fire(MSG.wmoToegang, 'fout');
  if (echteMaatregel && verwijzer !== 'gi' && verwijzer !== 'rechter') fire(MSG.maatregel, 'waarschuwing');
  if (results.length > 3) fire(MSG.maxResultaten, 'fout');

  // Results: validate, price, and the per-result rules.
  const lines: HandLine[] = [];
  let total: Dec | undefined;
  const itemRules: HandDiagnostic[] = [];
  for (let i = 0; i < results.length; i++) {
    const r: unknown = results[i];
    const path = `resultaten[${i}]`;
    if (!isObj(r)) return fail('is geen object.', path);
    const p = period(r.periode);
    if (typeof p === 'string') return fail(p, `${path}.periode`);
    const byOb = typeof r.perspectief === 'string' ? WEEK.get(r.perspectief) : undefined;
    if (!byOb) return fail('ontbreekt of is onbekend.', `${path}.perspectief`);
    const byCol =
      typeof r.ondersteuningsbehoefte === 'string' ? byOb.get(r.ondersteuningsbehoefte) : undefined;
    if (!byCol) return fail('ontbreekt of is onbekend.', `${path}.ondersteuningsbehoefte`);
    const cellOf =
      typeof r.intensiteit === 'string' && typeof r.bandbreedte === 'string'
        ? byCol.get(`${r.intensiteit}/${r.bandbreedte}`)
        : undefined;
    if (!cellOf)
      return fail('geen geldige combinatie van intensiteit en bandbreedte.', `${path}.bandbreedte`);
    const days = daysInclusive(p.van, p.tot);
    const q = weeks(days);
    const amount = r2(cellOf.rate.times(q.q));
    total = total === undefined ? amount : total.plus(amount);
    const ref = typeof r.id === 'string' ? r.id : `resultaat ${i + 1}`;
    lines.push(line('resultaat', cellOf.key, ref, p, q, 'week', cellOf, amount, false));
    if (p.van < ingangsdatum)
      itemRules.push({ severity: 'fout', rule: MSG.begin[0], message: MSG.begin[1], path });
    if (wholeYears(p.van, p.tot) >= 1)
      itemRules.push({ severity: 'waarschuwing', rule: MSG.jaar[0], message: MSG.jaar[1], path });
  }

  // Module requests: validate, decide, price the allowed ones.
  const decisions: HandDecision[] = [];
  let hasCd = false;
  let hasWv = false;
  for (let i = 0; i < modulesRaw.length; i++) {
    const m: unknown = modulesRaw[i];
    const path = `modules[${i}]`;
    if (!isObj(m)) return fail('is geen object.', path);
    const name = m.module;
    if (typeof name !== 'string' || !VARIANTS.has(name)) return fail('onbekende module.', `${path}.module`);
    const variants = VARIANTS.get(name);
    const variant = m.variant;
    if (
      variants
        ? typeof variant !== 'string' || !variants.has(variant)
        : variant !== undefined && variant !== null
    )
      return fail('ontbrekende of onbekende variant.', `${path}.variant`);
    const p = period(m.periode);
    if (typeof p === 'string') return fail(p, `${path}.periode`);
    const aantal = aantalOf(m.aantal);
    if (aantal === null) return fail('geen getal.', `${path}.aantal`);
    const { perspectief, ondersteuningsbehoefte: ob, intensiteit } = m;
    if (!optionalIn(perspectief, PERSPECTIEF_SET))
      return fail('onbekend perspectief.', `${path}.perspectief`);
    if (!optionalIn(ob, OB_SET))
      return fail('onbekende ondersteuningsbehoefte.', `${path}.ondersteuningsbehoefte`);
    if (!optionalIn(intensiteit, INTENSITEIT_SET))
      return fail('onbekende intensiteit.', `${path}.intensiteit`);
    const ref = typeof m.id === 'string' ? m.id : `module ${i + 1}`;
    const v = typeof variant === 'string' ? variant : undefined;
    let reason: string | undefined;
    let priced: HandLine | undefined;
    let amount: Dec | undefined;
    switch (name) {
      case 'consultatie_diagnostiek': {
        hasCd = true;
        const cd =
          typeof perspectief === 'string' && typeof ob === 'string' && typeof intensiteit === 'string'
            ? CD.get(perspectief)?.get(ob)?.get(intensiteit)
            : undefined;
        if (!cd) reason = REFUSED.cd;
        else {
          amount = r2(cd.rate.times(ONE));
          priced = line('module', name, ref, p, { q: ONE, text: '1' }, 'traject', cd, amount, false);
        }
        break;
      }
      case 'wonen_verblijf': {
        hasWv = true;
        const tarief = VERBLIJF.get(v ?? '');
        if (!jeugdwet || !tarief) reason = REFUSED.wv;
        else {
          const q = etmalen(daysInclusive(p.van, p.tot));
          amount = r2(tarief.rate.times(q.q));
          priced = line('module', `${name}/${v ?? ''}`, ref, p, q, 'etmaal', tarief, amount, false);
        }
        break;
      }
      case 'maatregelhulp': {
        const gi = verwijzer === 'gi';
        const tarief = typeof maatregel === 'string' ? MAATREGEL_TARIEF.get(maatregel) : undefined;
        if (!gi || !tarief)
          reason = !gi ? (tarief ? REFUSED.gi : `${REFUSED.gi} ${REFUSED.maatregel}`) : REFUSED.maatregel;
        else {
          const f = monthsFraction(p.van, p.tot);
          const mq = new Dec(f.numerator).div(f.denominator);
          const q = { q: mq, text: plainString(mq) };
          amount = r2(tarief.rate.times(mq));
          priced = line('module', name, ref, p, q, 'maand', tarief, amount, false);
        }
        break;
      }
      case 'vervoer': {
        const tarief = VERVOER.get(v ?? '');
        if (aantal === undefined || !tarief) reason = REFUSED.vervoer;
        else {
          const a = r2(tarief.rate.times(aantal));
          const capped = a.gt(CAP);
          const q = { q: aantal, text: plainString(aantal) };
          priced = line('module', `${name}/${v ?? ''}`, ref, p, q, v ?? '', tarief, a, capped);
          amount = capped ? CAP : a;
        }
        break;
      }
    }
    if (priced && amount) {
      lines.push(priced);
      total = total === undefined ? amount : total.plus(amount);
    }
    decisions.push({
      module: name,
      ...(v !== undefined ? { variant: v } : {}),
      ref,
      allowed: reason === undefined,
      ...(reason !== undefined ? { reason } : {}),
    });
  }
  if (hasCd && hasWv) fire(MSG.cdWv, 'fout');
  for (const d of itemRules) diagnostics.push(d);
  return {
    ok: true,
    version: VERSION,
    versions: [VERSION],
    lines,
    total: moneyString(total ?? new Dec(0)),
    decisions,
    diagnostics,
  };
}
