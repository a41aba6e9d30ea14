/**
 * The running sums of an impact analysis. A tally is plain data (Maps, bigint cents, arrays): a worker thread or
 * web worker sends its tally back by structured clone, and {@link mergeTally} adds tallies exactly, in any order,
 * to the same result. {@link finishReport} turns the sums into the JSON report. The sums themselves (cents added
 * as plain numbers while exact) are in sums.ts.
 */
import type { Evaluation, EvaluationOk } from '../index.js';
import { absCents } from './money.js';
import { addCents, centsOf, settle } from './sums.js';
import type { CellSum, Cents, Sum } from './sums.js';
import type { BandName, CaseRef, CaseloadBadRow, CaseloadCase, StatusChangeKind } from './types.js';
import { BANDS, LARGEST_LISTED, MAX_BAD_ROWS_LISTED } from './types.js';
import { NOTHING_DROPPED, noteStatusChanges } from './tally-status.js';
import type { Dropped } from './tally-status.js';

/** Moves every pending cent of a tally into its bigints (before merging or reporting). */
export function settleTally(t: Tally): void {
  settle(t.totals);
  for (const map of [t.gemeente, t.wet, t.perspectiefOb, t.intensiteitBandbreedte, t.module, t.bands])
    for (const s of map.values()) settle(s);
  for (const c of t.cells.values()) settle(c);
}

export interface StatusSum {
  readonly kind: StatusChangeKind;
  readonly subject: string;
  count: number;
  examples: CaseRef[];
}

export interface LargestEntry extends CaseRef {
  readonly gemeente: string;
  readonly basis: bigint;
  readonly variant: bigint;
  /** The size of the change in cents as a number (exact below 2^53), to pass over smaller changes quickly. */
  readonly size: number;
  readonly casus: unknown;
}

export interface Tally {
  read: number;
  priced: number;
  bad: number;
  statusChanged: number;
  readonly totals: Sum;
  readonly gemeente: Map<string, Sum>;
  readonly wet: Map<string, Sum>;
  readonly perspectiefOb: Map<string, Sum>;
  readonly intensiteitBandbreedte: Map<string, Sum>;
  readonly module: Map<string, Sum>;
  readonly cells: Map<string, CellSum>;
  readonly bands: Map<BandName, Sum>;
  readonly status: Map<string, StatusSum>;
  largest: LargestEntry[];
  badRows: CaseloadBadRow[];
}

const newSum = (): Sum => ({ basis: 0n, variant: 0n, basisPending: 0, variantPending: 0, count: 0 });

export function newTally(): Tally {
  return {
    read: 0,
    priced: 0,
    bad: 0,
    statusChanged: 0,
    totals: newSum(),
    gemeente: new Map(),
    wet: new Map(),
    perspectiefOb: new Map(),
    intensiteitBandbreedte: new Map(),
    module: new Map(),
    cells: new Map(),
    bands: new Map(BANDS.map((b) => [b, newSum()])),
    status: new Map(),
    largest: [],
    badRows: [],
  };
}

function sumIn(map: Map<string, Sum>, key: string): Sum {
  let s = map.get(key);
  if (!s) map.set(key, (s = newSum()));
  return s;
}

function cellIn(map: Map<string, CellSum>, key: string): CellSum {
  let s = map.get(key);
  if (!s)
    map.set(
      key,
      (s = { basis: 0n, variant: 0n, basisPending: 0, variantPending: 0, basisCount: 0, variantCount: 0 }),
    );
  return s;
}

/** Cents below this in size have bands computed in plain numbers (× 1000 stays exact). */
const NUMBER_BAND_LIMIT = 2 ** 40;

/** The band of one beschikking's change: ± 0,1 % is equal; 5 % splits small from large changes. */
export function bandOf(basis: Cents, variant: Cents): BandName {
  if (typeof basis === 'number' && typeof variant === 'number') {
    if (Math.abs(basis) < NUMBER_BAND_LIMIT && Math.abs(variant) < NUMBER_BAND_LIMIT) {
      const diff = variant - basis;
      if (basis === 0) return diff === 0 ? 'gelijk' : diff > 0 ? 'hoger_meer_dan_5' : 'lager_meer_dan_5';
      const size = Math.abs(diff);
      const whole = Math.abs(basis);
      if (size * 1000 <= whole) return 'gelijk';
      const large = size * 20 > whole;
      if (diff < 0) return large ? 'lager_meer_dan_5' : 'lager_tot_5';
      return large ? 'hoger_meer_dan_5' : 'hoger_tot_5';
    }
  }
  const b = BigInt(basis);
  const diff = BigInt(variant) - b;
  if (b === 0n) return diff === 0n ? 'gelijk' : diff > 0n ? 'hoger_meer_dan_5' : 'lager_meer_dan_5';
  const size = absCents(diff);
  const whole = absCents(b);
  if (size * 1000n <= whole) return 'gelijk';
  const large = size * 20n > whole;
  if (diff < 0n) return large ? 'lager_meer_dan_5' : 'lager_tot_5';
  return large ? 'hoger_meer_dan_5' : 'hoger_tot_5';
}

export type { CellSum, Sum } from './sums.js';

export function addBadRow(t: Tally, row: CaseloadBadRow): void {
  t.read++;
  t.bad++;
  if (t.badRows.length < MAX_BAD_ROWS_LISTED) t.badRows.push(row);
}

type Fields = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));
const NO_FIELDS: Fields = {};

/** The case's item with the ref the engine gives its lines: the item's id, else "resultaat 2" / "module 1". */
function itemByRef(list: unknown, kind: string, ref: string): Fields | undefined {
  if (!Array.isArray(list)) return undefined;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!isObject(item)) continue;
    const id = item['id'];
    if ((typeof id === 'string' && id !== '' ? id : `${kind} ${i + 1}`) === ref) return item;
  }
  return undefined;
}

/** Orders the largest changes: largest absolute difference first, then by position in the caseload. */
export function largerChange(a: LargestEntry, b: LargestEntry): number {
  const da = absCents(a.variant - a.basis);
  const db = absCents(b.variant - b.basis);
  if (da !== db) return da > db ? -1 : 1;
  return a.line - b.line;
}

/** Notes a change among the largest. A full list is passed over by comparing numbers, without an entry made. */
function noteLargest(t: Tally, ref: CaseRef, gemeente: string, bc: Cents, vc: Cents, casus: unknown): void {
  const list = t.largest;
  const last = list.length >= LARGEST_LISTED ? list[list.length - 1] : undefined;
  // Both below 2^52 in size: their difference is exact, and a listed size equal to it is exact too.
  if (last && typeof bc === 'number' && typeof vc === 'number') {
    const size = Math.abs(vc - bc);
    if (size < last.size || (size === last.size && ref.line >= last.line)) return;
  }
  const basis = BigInt(bc);
  const variant = BigInt(vc);
  const entry: LargestEntry = {
    ...ref,
    gemeente,
    basis,
    variant,
    size: Number(absCents(variant - basis)),
    casus,
  };
  if (last && largerChange(entry, last) >= 0) return;
  let i = list.length;
  while (i > 0 && largerChange(entry, list[i - 1] as LargestEntry) < 0) i--;
  list.splice(i, 0, entry);
  if (list.length > LARGEST_LISTED) list.pop();
}

/** The breakdown sums of one result: per perspectief × OB and per intensiteit/bandbreedte. */
interface ResultSums {
  readonly ref: string;
  readonly po: Sum;
  readonly ib: Sum;
}

/** Adds the lines of one side to the breakdowns; `seen` keeps each result's sums for the other side's lines. */
function addLines(
  t: Tally,
  ev: EvaluationOk,
  side: 'basis' | 'variant',
  casus: Fields,
  seen: ResultSums[],
): void {
  const basis = side === 'basis';
  for (const line of ev.lines) {
    const amount = centsOf(line.amount);
    const cell = cellIn(t.cells, line.key);
    addCents(cell, side, amount);
    if (basis) cell.basisCount++;
    else cell.variantCount++;
    if (line.kind === 'resultaat') {
      let sums = seen.find((x) => x.ref === line.ref);
      if (!sums) {
        const r = itemByRef(casus['resultaten'], 'resultaat', line.ref);
        const po = `${text(r?.['perspectief'])}, ${text(r?.['ondersteuningsbehoefte'])}`;
        const ib = `${text(r?.['intensiteit'])}/${text(r?.['bandbreedte'])}`;
        seen.push(
          (sums = { ref: line.ref, po: sumIn(t.perspectiefOb, po), ib: sumIn(t.intensiteitBandbreedte, ib) }),
        );
      }
      addCents(sums.po, side, amount);
      addCents(sums.ib, side, amount);
      if (basis) {
        sums.po.count++;
        sums.ib.count++;
      }
    } else {
      const m = itemByRef(casus['modules'], 'module', line.ref);
      const name = text(m?.['module']) || (line.key.split('/')[0] as string);
      const s = sumIn(t.module, name);
      addCents(s, side, amount);
      if (basis) s.count++;
    }
  }
}

/** Adds a beschikking's totals to one sum. */
function addTotals(s: Sum, bc: Cents, vc: Cents): void {
  addCents(s, 'basis', bc);
  addCents(s, 'variant', vc);
  s.count++;
}

/**
 * Adds one beschikking priced under both versions. A case invalid under both is a bad row (left out of the
 * totals, its first message reported); invalid under one counts zero on that side and is a change of status.
 */
export function addCase(
  t: Tally,
  entry: CaseloadCase,
  basis: Evaluation,
  variant: Evaluation,
  dropped: Dropped = NOTHING_DROPPED,
): void {
  const ref: CaseRef = entry.id !== undefined ? { line: entry.line, id: entry.id } : { line: entry.line };
  if (!basis.ok && !variant.ok) {
    const first = basis.diagnostics.find((d) => d.severity === 'fout') ?? basis.diagnostics[0];
    addBadRow(t, {
      kind: 'bad',
      ...ref,
      message: `ongeldige beschikking: ${first?.message ?? 'onbekende fout'}`,
    });
    return;
  }
  t.read++;
  t.priced++;
  const casus: Fields = isObject(entry.casus) ? entry.casus : NO_FIELDS;
  const bc = basis.ok ? centsOf(basis.total) : 0;
  const vc = variant.ok ? centsOf(variant.total) : 0;
  const gemeente = text(casus['gemeente']);
  addTotals(t.totals, bc, vc);
  addTotals(sumIn(t.gemeente, gemeente), bc, vc);
  addTotals(sumIn(t.wet, text(casus['wet'])), bc, vc);
  addTotals(t.bands.get(bandOf(bc, vc)) as Sum, bc, vc);
  const seen: ResultSums[] = [];
  if (basis.ok) addLines(t, basis, 'basis', casus, seen);
  if (variant.ok) addLines(t, variant, 'variant', casus, seen);
  if (noteStatusChanges(t, basis, variant, dropped, ref)) t.statusChanged++;
  if (typeof bc === typeof vc ? bc !== vc : BigInt(bc) !== BigInt(vc))
    noteLargest(t, ref, gemeente, bc, vc, entry.casus);
}
