/**
 * Turns a path's prices into result lines (with version parts) and their amounts in cents for the total (module
 * decisions and rule diagnostics: decisions.ts). Shared by both evaluators, so they can only differ in their answers.
 *
 * A line across a version boundary has one part per version when its quantity is measured by the period (else one
 * part, `wholeAcross`, priced by the version of the first day); each part is `rate × quantity` of its own version,
 * rounded as that version declares, and the line amount is the sum of the parts' rounded amounts. A module's cap
 * (maximum) applies to the line amount after summing the parts. The line's `rate` is the first part's rate.
 */
import type { Ir } from '../../dsl/index.js';
import { childExprs } from '../../dsl/core.js';
import {
  Dec,
  PRECISION,
  ZERO,
  moneyOfCents,
  moneyString,
  plainString,
  roundDec,
  sum,
  times,
} from './decimal.js';
import type { SharedDecimals } from './decimal.js';
import type { LineCache } from './line-cache.js';
import type { Priced } from './pricing.js';
import type { CaseDiagnostic, LinePart, ResultLine } from './result.js';
import type { CaseItem } from './values.js';

/** A priced part of a line, kept for explanations. */
export interface PricedPart {
  readonly program: Ir.Program;
  readonly from: string;
  readonly to: string;
  readonly priced: Priced;
  readonly amount: Dec;
  /** The item runs across a version boundary and is priced whole by this part (see PlannedLine.parts). */
  readonly wholeAcross: boolean;
}

export interface LineDraft {
  readonly line: ResultLine;
  readonly parts: readonly PricedPart[];
  readonly amount: Dec;
  readonly uncapped: Dec;
  readonly cap: Dec | undefined;
  /** The amount in whole cents when it is known to be a safe non-negative integer of cents (for the total). */
  readonly cents: number | undefined;
}

/**
 * The draft of an uncapped line of several parts whose amounts are all in cents: the decimal sum of the parts is
 * computed only when asked for (explanations); the result and the total need only the cents.
 */
class CentsDraft implements LineDraft {
  private summed: Dec | undefined;
  constructor(
    readonly line: ResultLine,
    readonly parts: readonly PricedPart[],
    readonly cents: number,
    /** A cap the sum stays within (the line is not capped). */
    readonly cap: Dec | undefined,
  ) {}
  get uncapped(): Dec {
    return (this.summed ??= sum(this.parts.map((p) => p.amount)));
  }
  get amount(): Dec {
    return this.uncapped;
  }
}

/** A planned line: its item, label and version parts; part `j` was priced as `prices[first + j]`. */
export interface PlannedLine {
  readonly kind: 'resultaat' | 'module';
  readonly item: CaseItem;
  readonly label: string;
  readonly first: number;
  readonly parts: readonly {
    readonly program: Ir.Program;
    readonly from: string;
    readonly to: string;
    /** The item runs across a version boundary, but its quantity is not measured by the period: one whole part. */
    readonly wholeAcross?: boolean;
  }[];
}

/**
 * The item's own fields that `exprs` read and that are empty in the case: a rate or quantity that reads an empty
 * field has no value, and the message names the field instead of only saying there is none.
 */
function emptyFieldsOf(exprs: readonly (Ir.Expr | undefined)[], plan: PlannedLine): string[] {
  const names: string[] = [];
  const visit = (e: Ir.Expr): void => {
    if (e.kind === 'field' && e.level === plan.kind && e.outer !== true) {
      const v = plan.item.fields[e.name];
      if ((v === undefined || v === '') && !names.includes(e.name)) names.push(e.name);
    }
    for (const c of childExprs(e)) visit(c);
  };
  for (const e of exprs) if (e !== undefined) visit(e);
  return names;
}

/** The rate and quantity expressions of a line's target in `program` (for {@link emptyFieldsOf}). */
function targetExprs(plan: PlannedLine, program: Ir.Program): (Ir.Expr | undefined)[] {
  if (plan.kind === 'resultaat') return [program.budget?.rate, program.budget?.quantity];
  const m = program.modules.find((x) => x.name === plan.item.fields.module);
  if (m === undefined) return [];
  const variant = m.variants.find((v) => v.name === plan.item.fields.variant);
  return [variant?.rate ?? m.rate, m.quantity];
}

const emptyNote = (names: readonly string[]): string =>
  names.length === 0
    ? ''
    : names.length === 1
      ? `: het veld ${names[0]} is leeg`
      : `: de velden ${names.slice(0, -1).join(', ')} en ${names[names.length - 1]} zijn leeg`;

function missingRate(p: Priced, label: string, version: string): string {
  const cell = p.cells.find((c) => c.cell?.value === undefined);
  if (cell)
    return `Geen tarief voor ${label}: ${cell.table.def.name}[${cell.key.join(', ')}] ${cell.cell ? "is leeg ('-')" : 'bestaat niet'} in versie ${version}`;
  return `Geen tarief voor ${label} in versie ${version}`;
}

/**
 * The quantity of a line of several parts: the sum of the parts' quantities as plain text. For two parts the
 * text is remembered per pair of decimal instances (the engine reuses its day-count quantities, and a line across
 * one version boundary has two parts); decimals are immutable, so the text of a pair never changes.
 */
const quantitySumText = (parts: readonly PricedPart[]): string =>
  plainString(sum(parts.map((p) => p.priced.quantity ?? ZERO)));
function summedQuantityText(parts: readonly PricedPart[], cache: LineCache): string {
  const [a, b] = parts;
  const qa = a?.priced.quantity;
  const qb = b?.priced.quantity;
  if (parts.length !== 2 || qa === undefined || qb === undefined) return quantitySumText(parts);
  // Looked up first; only a miss asks whether the pair is worth remembering.
  let t = cache.pairQuantity.get(qa)?.get(qb);
  if (t !== undefined) return t;
  t = quantitySumText(parts);
  if (!cache.decimals.isShared(qa) || !cache.decimals.isShared(qb)) return t;
  let byFirst = cache.pairQuantity.get(qa);
  if (!byFirst) cache.pairQuantity.set(qa, (byFirst = new WeakMap()));
  byFirst.set(qb, t);
  return t;
}

/** A part's amount (`rate × quantity`, rounded as declared) with the texts of its figures. */
export interface PartFigures {
  readonly amount: Dec;
  readonly quantity: string;
  readonly rate: string;
  readonly amountText: string;
  /** Amount and quantity within the working precision (summing them alone would not round them). */
  readonly exact: boolean;
  /** The amount in whole cents when it is a non-negative amount in cents below 10^12 (else undefined). */
  readonly cents: number | undefined;
}

/**
 * The sum of the parts' amounts in cents when every part is in cents and the sum is a safe integer (then exact, as
 * is their decimal sum), else undefined.
 */
function summedCents(figures: readonly PartFigures[]): number | undefined {
  let cents = 0;
  for (const f of figures) {
    if (f.cents === undefined) return undefined;
    cents += f.cents;
  }
  return Number.isSafeInteger(cents) ? cents : undefined;
}

const figuresOf = (
  rate: Dec,
  quantity: Dec,
  rounding: Ir.Rounding | undefined,
  decimals: SharedDecimals,
): PartFigures => {
  const exact = times(rate, quantity);
  const amount = rounding ? roundDec(exact, rounding) : exact;
  const amountText = moneyString(amount);
  const inCents = amount.decimalPlaces() <= 2 && !amount.isNegative() && amount.lt(MAX_CENTS_AMOUNT);
  return {
    amount,
    quantity: decimals.plainText(quantity),
    rate: decimals.rateText(rate),
    amountText,
    exact: amount.sd() <= PRECISION && quantity.sd() <= PRECISION,
    cents: inCents ? Number(amountText.replace('.', '')) : undefined,
  };
};

/** Amounts below this (10^10 euros, 10^12 cents) can be summed as cents in a double. */
const MAX_CENTS_AMOUNT = new Dec('1e10');

/**
 * A cap in whole cents when it is a non-negative amount in cents below 10^12 (else undefined), remembered per
 * shared instance (caps are loaded parameters and literals; decimals are immutable).
 */
function capCents(cap: Dec, cache: LineCache): number | undefined {
  const known = cache.capCents.get(cap);
  if (known !== undefined) return known ?? undefined;
  const cents =
    cap.decimalPlaces() <= 2 && !cap.isNegative() && cap.lt(MAX_CENTS_AMOUNT)
      ? Number(moneyString(cap).replace('.', ''))
      : undefined;
  if (cache.decimals.isShared(cap)) cache.capCents.set(cap, cents ?? null);
  return cents;
}

/**
 * A part's figures, remembered per rate and quantity instance when the program rounds and both are shared
 * decimals (see `isShared`): rates are loaded table cells and parameters, quantities the engine's cached day
 * counts, so the same few products recur across cases; decimals are immutable. A rate is remembered with the first
 * rounding it was priced with; with another rounding (a rate instance shared by versions that round differently)
 * its figures are computed every time.
 */
function partFigures(
  rate: Dec,
  quantity: Dec,
  rounding: Ir.Rounding | undefined,
  cache: LineCache,
): PartFigures {
  const decimals = cache.decimals;
  if (!rounding) return figuresOf(rate, quantity, rounding, decimals);
  // Looked up first; only a miss asks whether the rate and quantity are worth remembering.
  let byRate = cache.partFigures.get(rate);
  if (byRate !== undefined && byRate.rounding !== rounding)
    return figuresOf(rate, quantity, rounding, decimals);
  const hit = byRate?.byQuantity.get(quantity);
  if (hit !== undefined) return hit;
  const figures = figuresOf(rate, quantity, rounding, decimals);
  if (!decimals.isShared(rate) || !decimals.isShared(quantity)) return figures;
  if (!byRate) cache.partFigures.set(rate, (byRate = { rounding, byQuantity: new WeakMap() }));
  byRate.byQuantity.set(quantity, figures);
  return figures;
}

/** Price one planned line; problems become diagnostics (never exceptions). */
export function assembleLine(
  plan: PlannedLine,
  prices: readonly (Priced | undefined)[],
  diagnostics: CaseDiagnostic[],
  cache: LineCache,
): LineDraft | undefined {
  const parts: PricedPart[] = [];
  const figures: PartFigures[] = [];
  for (let j = 0; j < plan.parts.length; j++) {
    const part = plan.parts[j] as PlannedLine['parts'][number];
    const p = prices[plan.first + j];
    if (p === undefined) continue;
    if (p.rate !== undefined && p.quantity !== undefined && !p.missing) {
      const f = partFigures(p.rate, p.quantity, p.rounding, cache);
      figures.push(f);
      parts.push({
        program: part.program,
        from: part.from,
        to: part.to,
        priced: p,
        amount: f.amount,
        wholeAcross: part.wholeAcross === true,
      });
      continue;
    }
    const where = {
      path: plan.item.path,
      source: cache.sourceRef(p.source, p.source.file ?? part.program.file),
    };
    if (p.missing) {
      diagnostics.push({
        severity: 'fout',
        rule: 'tarief',
        message: `Geen tarief voor ${plan.label} in versie ${part.program.version}`,
        ...where,
      });
    } else if (p.rate === undefined) {
      diagnostics.push({
        severity: 'fout',
        rule: 'tarief',
        message: (() => {
          const empty = emptyFieldsOf(targetExprs(plan, part.program).slice(0, 1), plan);
          return empty.length > 0
            ? `Geen tarief voor ${plan.label} in versie ${part.program.version}${emptyNote(empty)}`
            : missingRate(p, plan.label, part.program.version);
        })(),
        ...where,
      });
    } else {
      diagnostics.push({
        severity: 'fout',
        rule: 'hoeveelheid',
        message: `Geen hoeveelheid voor ${plan.label} (${plan.item.ref})${emptyNote(emptyFieldsOf(targetExprs(plan, part.program).slice(1), plan))}`,
        ...where,
      });
    }
  }
  const first = parts[0];
  const firstFigures = figures[0];
  if (!first || !firstFigures) return undefined;
  // Hours on the line only when every part has them: a version without time norms (before 2021) gives no hours
  // for its days, and a sum over part of the line would pass for the whole line's hours.
  let allHours = true;
  const lineParts: LinePart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as PricedPart;
    const f = figures[i] as PartFigures;
    if (p.priced.hours === undefined) allHours = false;
    lineParts.push({
      version: p.program.version,
      from: p.from,
      to: p.to,
      quantity: f.quantity,
      rate: f.rate,
      amount: f.amountText,
    });
  }
  // A line of one part (the usual case) reuses that part's figures instead of summing and formatting again. The
  // sum of one decimal is that decimal (at most 40 significant digits: the precision the sum would round to).
  const firstHours = first.priced.hours;
  const single =
    parts.length === 1 && firstFigures.exact && (firstHours === undefined || firstHours.sd() <= PRECISION);
  const cap = first.priced.cap;
  // Several parts all in cents, within a cap in cents (or none): the line needs only their sum in cents.
  const cents = single ? firstFigures.cents : summedCents(figures);
  const centsCap = cap === undefined || cents === undefined ? undefined : capCents(cap, cache);
  const lazy =
    !single && cents !== undefined && (cap === undefined || (centsCap !== undefined && cents <= centsCap));
  const uncapped = single ? first.amount : lazy ? undefined : sum(parts.map((p) => p.amount));
  const capped = cap !== undefined && uncapped !== undefined && uncapped.gt(cap);
  const hours = allHours
    ? single
      ? (firstHours ?? ZERO)
      : sum(parts.map((p) => p.priced.hours ?? ZERO))
    : undefined;
  const firstPart = lineParts[0] as LinePart;
  const firstCell = first.priced.cells[0];
  const kind = plan.kind;
  const key = kind === 'module' ? plan.label : firstCell ? cache.cellKeyText(firstCell) : plan.label;
  const ref = plan.item.ref;
  const quantity = single ? firstPart.quantity : summedQuantityText(parts, cache);
  const unit = first.priced.unit ?? '';
  // A declared unit's plural travels with the line, for "9 dagdelen" where the program is not at hand.
  const plural = first.program.units?.find((u) => u.name === unit)?.plural;
  const rate = firstPart.rate;
  const amountText =
    cap !== undefined && capped
      ? moneyString(cap)
      : single
        ? firstPart.amount
        : cents !== undefined
          ? moneyOfCents(cents)
          : moneyString(uncapped ?? ZERO);
  const source = cache.sourceRef(first.priced.source, first.priced.source.file ?? first.program.file);
  // The usual line (no hours, not capped) as one literal; the optional keys keep their place otherwise.
  const line: ResultLine =
    hours === undefined && !capped && plural === undefined
      ? { kind, key, ref, quantity, unit, rate, amount: amountText, parts: lineParts, source }
      : {
          kind,
          key,
          ref,
          quantity,
          unit,
          ...(plural !== undefined ? { plural } : {}),
          rate,
          amount: amountText,
          ...(hours !== undefined ? { hours: plainString(hours, 2) } : {}),
          ...(capped ? { capped: true } : {}),
          parts: lineParts,
          source,
        };
  if (uncapped === undefined) return new CentsDraft(line, parts, cents ?? 0, cap);
  return {
    line,
    parts,
    amount: cap !== undefined && capped ? cap : uncapped,
    uncapped,
    cap,
    cents: capped ? undefined : cents,
  };
}
