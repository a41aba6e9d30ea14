/**
 * Changes of status between the two evaluations of one beschikking (a module newly refused or allowed, new errors
 * or warnings, a module only one version has): counted per kind and subject in the tally, with examples.
 */
import type { Evaluation } from '../index.js';
import type { Tally } from './tally.js';
import type { CaseRef, StatusChangeKind } from './types.js';
import { STATUS_EXAMPLES } from './types.js';

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

/** Where an input message's field sits, for a reader of the report. */
const FIELD_OWNER: Readonly<Record<string, string>> = {
  resultaten: 'van een resultaat',
  modules: 'van een moduleaanvraag',
};

/**
 * A message about any item, in words where it is about an unknown field ("veld groepsgrootte van een resultaat:
 * onbekend, genegeerd" for "resultaten[0].groepsgrootte: onbekend veld, genegeerd"), else with item positions
 * left out ("resultaten[…].periode: …").
 */
function general(message: string): string {
  const unknown = /^(?:(resultaten|modules)\[\d+\]\.)?([\w-]+): onbekend veld, genegeerd\.?$/.exec(message);
  if (unknown) {
    const owner = unknown[1] !== undefined ? FIELD_OWNER[unknown[1]] : 'van de beschikking';
    return `veld ${unknown[2] ?? ''} ${owner ?? ''}: onbekend in deze versie, genegeerd`;
  }
  return message.replace(/\[\d+\]/g, '[…]').replace(/\.$/, '');
}

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

export const NOTHING_DROPPED: Dropped = { basis: [], variant: [] };

/** Notes the requests only one side could price; returns whether there were any. */
function noteDropped(t: Tally, dropped: Dropped, ref: CaseRef): boolean {
  if (dropped.basis.length === 0 && dropped.variant.length === 0) return false;
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

/**
 * Notes every change of status of one beschikking (including requests one side left out); returns whether there
 * was one. The usual case, the same outcome on both sides and nothing left out, costs one comparison.
 */
export function noteStatusChanges(
  t: Tally,
  basis: Evaluation,
  variant: Evaluation,
  dropped: Dropped,
  ref: CaseRef,
): boolean {
  const withdrawn = noteDropped(t, dropped, ref);
  return (
    (!sameOutcome(basis, variant) && compareStatus(t, outcomeOf(basis), outcomeOf(variant), ref)) || withdrawn
  );
}
