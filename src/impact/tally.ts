/**
 * The running sums of an impact analysis. A tally is plain data (Maps, bigint cents, arrays): a worker thread or
 * web worker sends its tally back by structured clone, and {@link mergeTally} adds tallies exactly, in any order,
 * to the same result. {@link finishReport} turns the sums into the JSON report.
 *
 * Adding goes first into a plain number of cents per sum (`…Pending`), exact while it stays a safe integer: a sum
 * is moved into its bigint before it could leave that range ({@link addCents}), and {@link settleTally} moves
 * what is pending before sums are merged or reported. (A bigint per addition cost ~10 % of pricing a caseload.)
 */
import type { Evaluation, EvaluationOk } from '../index.js';
import { absCents, cents } from './money.js';
import type { BandName, CaseRef, CaseloadBadRow, CaseloadCase, StatusChangeKind } from './types.js';
import { BANDS, LARGEST_LISTED, MAX_BAD_ROWS_LISTED, STATUS_EXAMPLES } from './types.js';

export interface Sum {
  basis: bigint;
  variant: bigint;
  /** Cents added to `basis` / `variant` but not yet moved into them (safe integers; see {@link addCents}). */
  basisPending: number;
  variantPending: number;
  count: number;
}

export interface CellSum {
  basis: bigint;
  variant: bigint;
  basisPending: number;
  variantPending: number;
  basisCount: number;
  variantCount: number;
}

/** Pending cents stay within ±2^52, so adding one more amount of at most 2^52 cents is exact in a double. */
const PENDING_LIMIT = 2 ** 52;

/** Amounts in cents as numbers: a safe integer of at most 2^52 in size, or a bigint when larger (rare). */
type Cents = number | bigint;

/** Adds cents to one side of a sum, exactly. */
export function addCents(s: Sum | CellSum, side: 'basis' | 'variant', c: Cents): void {
  if (typeof c === 'bigint') {
    s[side] += c;
    return;
  }
  const key = side === 'basis' ? 'basisPending' : 'variantPending';
  const next = s[key] + c;
  if (next > PENDING_LIMIT || next < -PENDING_LIMIT) {
    s[side] += BigInt(s[key]) + BigInt(c);
    s[key] = 0;
  } else s[key] = next;
}

/** Moves the pending cents of one sum into its bigints. */
function settle(s: Sum | CellSum): void {
  if (s.basisPending !== 0) s.basis += BigInt(s.basisPending);
  if (s.variantPending !== 0) s.variant += BigInt(s.variantPending);
  s.basisPending = 0;
  s.variantPending = 0;
}

/** Moves every pending cent of a tally into its bigints (before merging or reporting). */
export function settleTally(t: Tally): void {
  settle(t.totals);
  for (const map of [t.gemeente, t.wet, t.perspectiefOb, t.intensiteitBandbreedte, t.module, t.bands])
    for (const s of map.values()) settle(s);
  for (const c of t.cells.values()) settle(c);
}

/** Cents of a money string as a number when its size is at most 2^52, else as a bigint (see `cents`). */
function centsOf(amount: string): Cents {
  const n = amount.length;
  // The common form, "1234.50", with at most 15 digits: the digits without the point are the cents.
  if (n >= 4 && n <= 16 && amount.charCodeAt(n - 3) === 46 && amount.charCodeAt(0) !== 45) {
    let c = 0;
    for (let i = 0; i < n; i++) {
      if (i === n - 3) continue;
      const d = amount.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return cents(amount);
      c = c * 10 + d;
    }
    return c;
  }
  return cents(amount);
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

/** The band of one beschikking's change: ± 0,1 % is equal; 5 % splits small from large changes. */
export function bandOf(basis: bigint, variant: bigint): BandName {
  const diff = variant - basis;
  if (basis === 0n) return diff === 0n ? 'gelijk' : diff > 0n ? 'hoger_meer_dan_5' : 'lager_meer_dan_5';
  const size = absCents(diff);
  const whole = absCents(basis);
  if (size * 1000n <= whole) return 'gelijk';
  const large = size * 20n > whole;
  if (diff < 0n) return large ? 'lager_meer_dan_5' : 'lager_tot_5';
  return large ? 'hoger_meer_dan_5' : 'hoger_tot_5';
}

export function addBadRow(t: Tally, row: CaseloadBadRow): void {
  t.read++;
  t.bad++;
  if (t.badRows.length < MAX_BAD_ROWS_LISTED) t.badRows.push(row);
}

type Fields = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : String(v));

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

/** What the outcome of one evaluation is, as far as a change of status goes. */
interface Outcome {
  readonly valid: boolean;
  readonly message: string;
  readonly modules: ReadonlyMap<string, boolean>;
  readonly errors: ReadonlySet<string>;
  readonly warnings: ReadonlySet<string>;
}

/** A diagnostic's subject: the rule's name; for input problems the message without item positions. */
const subjectOf = (d: { readonly rule: string; readonly message: string }): string =>
  d.rule === 'invoer' ? general(d.message) : d.rule;

/** A message about any item: "resultaten[…].groepsgrootte: onbekend veld, genegeerd". */
const general = (message: string): string => message.replace(/\[\d+\]/g, '[…]').replace(/\.$/, '');

/** The quick check for the usual case: both valid, no diagnostics, the same decisions. */
function sameOutcome(b: Evaluation, v: Evaluation): boolean {
  if (!b.ok || !v.ok || b.diagnostics.length > 0 || v.diagnostics.length > 0) return false;
  if (b.decisions.length !== v.decisions.length) return false;
  for (let i = 0; i < b.decisions.length; i++) {
    const x = b.decisions[i];
    const y = v.decisions[i];
    if (
      !x ||
      !y ||
      x.allowed !== y.allowed ||
      x.ref !== y.ref ||
      x.module !== y.module ||
      x.variant !== y.variant
    )
      return false;
  }
  return true;
}

function outcomeOf(ev: Evaluation): Outcome {
  const errors = new Set<string>();
  const warnings = new Set<string>();
  for (const d of ev.diagnostics) (d.severity === 'fout' ? errors : warnings).add(subjectOf(d));
  const modules = new Map<string, boolean>();
  if (ev.ok)
    for (const d of ev.decisions) {
      const name = d.variant ? `${d.module}/${d.variant}` : d.module;
      modules.set(`${name}\u0000${d.ref}`, d.allowed);
    }
  const first = ev.diagnostics.find((d) => d.severity === 'fout');
  return { valid: ev.ok, message: first ? first.message : '', modules, errors, warnings };
}

function noteStatus(t: Tally, kind: StatusChangeKind, subject: string, ref: CaseRef): void {
  const key = `${kind}\u0000${subject}`;
  let s = t.status.get(key);
  if (!s) t.status.set(key, (s = { kind, subject, count: 0, examples: [] }));
  s.count++;
  if (s.examples.length < STATUS_EXAMPLES) s.examples.push(ref);
}

/** Module requests one side left out because its version does not have the module (see `withdrawn.ts`). */
export interface Dropped {
  readonly basis: readonly string[];
  readonly variant: readonly string[];
}

const NOTHING_DROPPED: Dropped = { basis: [], variant: [] };

/** Notes the requests only one side could price; returns whether there were any. */
function noteDropped(t: Tally, dropped: Dropped, ref: CaseRef): boolean {
  for (const name of new Set(dropped.variant)) noteStatus(t, 'module_vervallen', name, ref);
  for (const name of new Set(dropped.basis)) noteStatus(t, 'module_nieuw', name, ref);
  return dropped.basis.length > 0 || dropped.variant.length > 0;
}

/** Notes every change of status between the two outcomes; returns whether there was one. */
function compareStatus(t: Tally, b: Outcome, v: Outcome, ref: CaseRef): boolean {
  let changed = false;
  const note = (kind: StatusChangeKind, subject: string): void => {
    noteStatus(t, kind, subject, ref);
    changed = true;
  };
  if (b.valid && !v.valid) note('ongeldig_geworden', general(v.message));
  if (!b.valid && v.valid) note('geldig_geworden', general(b.message));
  const seen = new Set<string>();
  for (const [key, allowed] of v.modules) {
    const before = b.modules.get(key);
    const name = key.slice(0, key.indexOf('\u0000'));
    if (before === true && !allowed && !seen.has(`-${name}`)) {
      seen.add(`-${name}`);
      note('module_geweigerd', name);
    } else if (before === false && allowed && !seen.has(`+${name}`)) {
      seen.add(`+${name}`);
      note('module_toegestaan', name);
    }
  }
  for (const e of v.errors) if (!b.errors.has(e)) note('nieuwe_fout', e);
  for (const e of b.errors) if (!v.errors.has(e)) note('fout_vervallen', e);
  for (const w of v.warnings) if (!b.warnings.has(w)) note('nieuwe_waarschuwing', w);
  for (const w of b.warnings) if (!v.warnings.has(w)) note('waarschuwing_vervallen', w);
  return changed;
}

/** Orders the largest changes: largest absolute difference first, then by position in the caseload. */
export function largerChange(a: LargestEntry, b: LargestEntry): number {
  const da = absCents(a.variant - a.basis);
  const db = absCents(b.variant - b.basis);
  if (da !== db) return da > db ? -1 : 1;
  return a.line - b.line;
}

function noteLargest(t: Tally, entry: LargestEntry): void {
  const list = t.largest;
  if (list.length >= LARGEST_LISTED && largerChange(entry, list[list.length - 1] as LargestEntry) >= 0)
    return;
  let i = list.length;
  while (i > 0 && largerChange(entry, list[i - 1] as LargestEntry) < 0) i--;
  list.splice(i, 0, entry);
  if (list.length > LARGEST_LISTED) list.pop();
}

/** Adds the lines of one side to the breakdowns of results and modules. */
function addLines(t: Tally, ev: EvaluationOk, side: 'basis' | 'variant', casus: Fields): void {
  for (const line of ev.lines) {
    const amount = centsOf(line.amount);
    const cell = cellIn(t.cells, line.key);
    addCents(cell, side, amount);
    if (side === 'basis') cell.basisCount++;
    else cell.variantCount++;
    if (line.kind === 'resultaat') {
      const r = itemByRef(casus['resultaten'], 'resultaat', line.ref);
      const po = sumIn(
        t.perspectiefOb,
        `${text(r?.['perspectief'])}, ${text(r?.['ondersteuningsbehoefte'])}`,
      );
      const ib = sumIn(t.intensiteitBandbreedte, `${text(r?.['intensiteit'])}/${text(r?.['bandbreedte'])}`);
      addCents(po, side, amount);
      addCents(ib, side, amount);
      if (side === 'basis') {
        po.count++;
        ib.count++;
      }
    } else {
      const m = itemByRef(casus['modules'], 'module', line.ref);
      const name = text(m?.['module']) || (line.key.split('/')[0] as string);
      const s = sumIn(t.module, name);
      addCents(s, side, amount);
      if (side === 'basis') s.count++;
    }
  }
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
  const casus: Fields = isObject(entry.casus) ? entry.casus : {};
  const bc = basis.ok ? centsOf(basis.total) : 0;
  const vc = variant.ok ? centsOf(variant.total) : 0;
  const b = BigInt(bc);
  const v = BigInt(vc);
  const gemeente = text(casus['gemeente']);
  const band = t.bands.get(bandOf(b, v)) as Sum;
  for (const s of [t.totals, sumIn(t.gemeente, gemeente), sumIn(t.wet, text(casus['wet'])), band]) {
    addCents(s, 'basis', bc);
    addCents(s, 'variant', vc);
    s.count++;
  }
  if (basis.ok) addLines(t, basis, 'basis', casus);
  if (variant.ok) addLines(t, variant, 'variant', casus);
  const withdrawn = noteDropped(t, dropped, ref);
  if (
    (!sameOutcome(basis, variant) && compareStatus(t, outcomeOf(basis), outcomeOf(variant), ref)) ||
    withdrawn
  )
    t.statusChanged++;
  if (b !== v) noteLargest(t, { ...ref, gemeente, basis: b, variant: v, casus: entry.casus });
}
