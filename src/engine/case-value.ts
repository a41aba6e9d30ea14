/**
 * The typed value of one field of a case the full way, with the Dutch message of what is wrong (the quick checks
 * of case-statics.ts take the plain valid values before this is asked).
 */
import type { Ir } from '../../dsl/index.js';
import { isIsoDate } from '../calendar/dates.js';
import { caseNumber } from './case-numbers.js';
import { MAX_TEXT, isObject, show, typeName } from './case-statics.js';
import type { Json, Statics } from './case-statics.js';
import { parseDecimal } from './decimal.js';
import type { Value } from './values.js';

const DATE: Ir.Type = { kind: 'date' };

export const join = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

/** Where a field's error goes: its path and the Dutch message. */
export type ReportError = (path: string, message: string) => void;

/** The typed value of `raw` at field `name` under `prefix` (the path is only joined for an error). */
export function typedValue(
  raw: Json,
  type: Ir.Type,
  prefix: string,
  name: string,
  s: Statics,
  error: ReportError,
): Value {
  switch (type.kind) {
    case 'money':
    case 'rate':
    case 'quantity':
    case 'number':
    case 'percent': {
      const parsed = caseNumber(raw);
      if (typeof parsed === 'string') {
        error(join(prefix, name), parsed);
        return undefined;
      }
      const d = parsed ?? parseDecimal(raw);
      if (d === undefined) {
        error(
          join(prefix, name),
          `${show(raw)} is geen getal; verwacht ${typeName(type)} zoals "12.50" of 12.5.`,
        );
        return undefined;
      }
      if (type.kind === 'number' && type.whole === true && (!d.isInteger() || d.isNegative())) {
        error(
          join(prefix, name),
          `${show(raw)} is geen aantal: verwacht een geheel getal van 0 of meer, zoals 3.`,
        );
        return undefined;
      }
      if (type.kind === 'quantity' && d.isNegative()) {
        error(join(prefix, name), `${show(raw)} is negatief; een hoeveelheid is 0 of meer.`);
        return undefined;
      }
      return type.kind === 'percent' ? d.div(100) : d;
    }
    case 'date':
      if (!isIsoDate(raw)) {
        error(
          join(prefix, name),
          `${show(raw)} is geen geldige datum; verwacht JJJJ-MM-DD, bijvoorbeeld 2019-01-01.`,
        );
        return undefined;
      }
      return raw;
    case 'period': {
      const path = join(prefix, name);
      if (!isObject(raw)) {
        error(path, `${show(raw)} is geen periode; verwacht { "van": "2019-01-01", "tot": "2019-06-30" }.`);
        return undefined;
      }
      // A missing date is reported as missing, not also as an invalid date.
      const missing = (v: Json) => v === undefined || v === null || v === '';
      const from = missing(raw.van) ? undefined : typedValue(raw.van, DATE, path, 'van', s, error);
      const to = missing(raw.tot) ? undefined : typedValue(raw.tot, DATE, path, 'tot', s, error);
      if (missing(raw.van)) error(`${path}.van`, 'ontbreekt (begindatum van de periode).');
      if (missing(raw.tot)) error(`${path}.tot`, 'ontbreekt (einddatum van de periode).');
      if (typeof from !== 'string' || typeof to !== 'string') return undefined;
      if (to < from) {
        error(path, `einddatum ${to} ligt voor begindatum ${from}.`);
        return undefined;
      }
      return { from, to };
    }
    case 'bool':
      if (raw === true || raw === 'ja' || raw === 'true') return true;
      if (raw === false || raw === 'nee' || raw === 'false') return false;
      error(join(prefix, name), `${show(raw)} is geen ja/nee; verwacht true of false.`);
      return undefined;
    case 'text':
      if (typeof raw !== 'string' || raw.length > MAX_TEXT) {
        error(join(prefix, name), `${show(raw)} is geen tekst; verwacht een tekst.`);
        return undefined;
      }
      return raw;
    case 'domain': {
      if (typeof raw !== 'string' || s.domainSets.get(type.name)?.has(raw) !== true) {
        const values = s.domains.get(type.name) ?? [];
        error(join(prefix, name), `onbekende waarde ${show(raw)}; verwacht een van ${values.join(', ')}.`);
        return undefined;
      }
      return raw;
    }
    case 'error':
      return undefined;
  }
}
