/**
 * Case validation for the API: the bundle's case schema (JSON Schema 2020-12, compiled with Ajv) decides, and the
 * messages are the engine's Dutch field messages, the same the CLI prints (`resultaten[0].bandbreedte: …`).
 * Where only the schema objects (rare: the schema is a superset of nothing the engine accepts), its errors are
 * put in Dutch here.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CaseDiagnostic } from '../engine/result.js';
import type { BundleRuntime } from '../runtime/load.js';

/** One problem with a request, as in the CLI's diagnostics. */
export interface FieldProblem {
  readonly severity: 'fout';
  readonly message: string;
  readonly path?: string;
}

/** `/resultaten/0/periode` → `resultaten[0].periode`. */
export function fieldPath(pointer: string, prefix = ''): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = prefix;
  for (const p of parts) out = /^\d+$/.test(p) ? `${out}[${p}]` : out ? `${out}.${p}` : p;
  return out;
}

/** An Ajv error in Dutch, naming the field. */
export function dutchSchemaError(e: ErrorObject, prefix = ''): FieldProblem {
  const path = fieldPath(e.instancePath, prefix);
  const at = (p: string, m: string): FieldProblem => ({
    severity: 'fout',
    message: `${p || '(de hele invoer)'}: ${m}`,
    ...(p ? { path: p } : {}),
  });
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      return at(path ? `${path}.${field}` : field, 'ontbreekt (verplicht veld).');
    }
    case 'enum':
      return at(
        path,
        `onbekende waarde; verwacht een van ${(params.allowedValues as unknown[]).join(', ')}.`,
      );
    case 'const':
      return at(path, `verwacht ${JSON.stringify(params.allowedValue)}.`);
    case 'type':
      return at(
        path,
        `verkeerd soort waarde; verwacht ${String(params.type).replace('object', 'een object').replace('array', 'een lijst').replace('string', 'een tekst').replace('number', 'een getal')}.`,
      );
    case 'maxItems':
      return at(path, `te veel elementen; maximaal ${String(params.limit)}.`);
    case 'minItems':
      return at(path, `te weinig elementen; minimaal ${String(params.limit)}.`);
    case 'maxLength':
      return at(path, `te lang; maximaal ${String(params.limit)} tekens.`);
    case 'additionalProperties':
      return at(path, `onbekend veld '${String(params.additionalProperty)}'.`);
    case 'pattern':
    case 'format':
      return at(path, 'ongeldige waarde (verkeerde vorm).');
    default:
      return at(path, `voldoet niet aan het schema (${e.keyword}).`);
  }
}

/** Only the deepest, most specific schema errors (anyOf branches produce several for one mistake). */
function specific(errors: readonly ErrorObject[]): ErrorObject[] {
  const keep = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  return keep.filter((e) => {
    const k = e.instancePath;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const asProblem = (d: CaseDiagnostic, prefix: string): FieldProblem => {
  const path = d.path === undefined ? undefined : prefix ? `${prefix}.${d.path}` : d.path;
  return {
    severity: 'fout',
    message: prefix ? `${prefix}.${d.message}` : d.message,
    ...(path !== undefined ? { path } : {}),
  };
};

/** Validates cases against one bundle's case schema, with the engine's messages. */
export class CaseValidator {
  private readonly validate: ValidateFunction;

  constructor(private readonly runtime: BundleRuntime) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    this.validate = ajv.compile(runtime.caseSchema);
  }

  /** The problems of one case (none: valid for the schema); `prefix` names it within a batch (`gevallen[3]`). */
  problems(casus: unknown, prefix = ''): FieldProblem[] {
    if (this.validate(casus)) return [];
    const errors = specific(this.validate.errors ?? []);
    const ev = this.runtime.evaluateSync?.(casus);
    const engine = ev && !ev.ok ? ev.diagnostics.filter((d) => d.severity === 'fout') : [];
    if (engine.length > 0) return engine.map((d) => asProblem(d, prefix));
    return errors.map((e) => dutchSchemaError(e, prefix));
  }
}
