/**
 * Warnings for the fields of a valid case that no version judging it declares (a misspelt optional field would
 * otherwise be ignored without a word), with the declared name it most resembles.
 */
import { suggest } from '../../dsl/core.js';
import type { Ir } from '../../dsl/index.js';
import { isIsoDate } from '../calendar/dates.js';
import { CaseCache, MAX_ITEMS, isObject } from './case-statics.js';
import type { KnownFields } from './case-statics.js';
import type { CaseDiagnostic } from './result.js';

function knownFields(programs: readonly Ir.Program[], cache: CaseCache): KnownFields {
  const [first] = programs;
  if (!first) return NO_FIELDS;
  let byRest = cache.known.get(first);
  if (!byRest) cache.known.set(first, (byRest = new Map()));
  let key = '';
  for (let i = 1; i < programs.length; i++) {
    const p = programs[i] as Ir.Program;
    let id = cache.ids.get(p);
    if (id === undefined) cache.ids.set(p, (id = cache.nextId++));
    key += `${id},`;
  }
  let known = byRest.get(key);
  if (!known) {
    const names = (level: 'beschikking' | 'resultaat' | 'module', extra: readonly string[]) =>
      new Set([...extra, ...programs.flatMap((p) => p.input[level].map((f) => f.name))]);
    known = {
      beschikking: names('beschikking', ['resultaten', 'modules']),
      resultaat: names('resultaat', ['id', 'periode']),
      module: names('module', ['id', 'periode', 'module', 'variant']),
    };
    byRest.set(key, known);
  }
  return known;
}
const NO_FIELDS: KnownFields = { beschikking: new Set(), resultaat: new Set(), module: new Set() };

/**
 * Warnings for fields of a (valid) case that no version judging it declares: a misspelt optional field
 * (`groepsgroote`) would otherwise be ignored without a word and change the amount. Each warning names the path
 * and, when there is one, the declared field it most resembles. The case is still evaluated.
 */
export function unknownFieldWarnings(
  programs: readonly Ir.Program[],
  raw: Record<string, unknown>,
  itemPrograms?: (from: string, to: string) => readonly Ir.Program[],
  cache: CaseCache = new CaseCache(),
): readonly CaseDiagnostic[] {
  const known = knownFields(programs, cache);
  let out: CaseDiagnostic[] | undefined;
  const visit = (obj: Record<string, unknown>, names: ReadonlySet<string>, prefix: string) => {
    const keys = Object.keys(obj);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if (names.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      (out ??= []).push({
        severity: 'waarschuwing',
        rule: 'invoer',
        message: `${path}: onbekend veld, genegeerd${hint(names, key, cache)}`,
        path,
      });
    }
  };
  visit(raw, known.beschikking, '');
  const lists = [
    [raw.resultaten, 'resultaat', cache.resultPath],
    [raw.modules, 'module', cache.modulePath],
  ] as const;
  for (const [list, level, pathOf] of lists) {
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length && i < MAX_ITEMS; i++) {
      const item: unknown = list[i];
      if (!isObject(item)) continue;
      // An item is checked against the versions of its own days (a field of a later version is unknown to an
      // item that ends before it); the beschikking against all of them.
      const p = item.periode;
      const own =
        itemPrograms && isObject(p) && isIsoDate(p.van) && isIsoDate(p.tot) && p.tot >= p.van
          ? knownFields(itemPrograms(p.van, p.tot), cache)
          : known;
      visit(item, own[level], pathOf(i));
    }
  }
  return out ?? NO_WARNINGS;
}

/** The end of an unknown-field warning: the closest declared name, remembered per set of names and key. */
function hint(names: ReadonlySet<string>, key: string, cache: CaseCache): string {
  let byKey = cache.hints.get(names);
  if (!byKey) cache.hints.set(names, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) {
    const like = suggest(key, names)[0];
    text = like ? `; bedoelt u '${like}'?` : '.';
    // Keys come from callers: remember a bounded number per set of names.
    if (byKey.size < 1000) byKey.set(key, text);
  }
  return text;
}

const NO_WARNINGS: readonly CaseDiagnostic[] = [];
