/**
 * The JSON Schema (draft 2020-12) of a case, generated from the `invoer` declarations of every version in a
 * bundle: the fields of the beschikking, of each result (`resultaten`) and of each module request (`modules`).
 * A field is required when every version declares it as required; domain fields list the values of all versions.
 * Fields no version declares are allowed (the engine warns and ignores them), so a case that an older or newer
 * version accepts is never refused by the schema. Values take the forms the engine reads (src/engine/casus.ts):
 * amounts as a number or a decimal text ("12.50"), dates as JJJJ-MM-DD, a period as { van, tot }.
 */
import type { Ir } from '../../dsl/index.js';
import { MAX_ITEMS, domainValues } from '../engine/casus.js';
import type { JsonSchema } from '../runtime/format.js';

const DECIMAL = '^-?\\d+(\\.\\d+)?$';
const NON_NEGATIVE = '^\\d+(\\.\\d+)?$';
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const DEFS: Record<string, JsonSchema> = {
  decimaal: {
    description: 'Een getal, of een decimale tekst met een punt ("1234.50"): exact, zonder afronding.',
    anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL, maxLength: 60 }],
  },
  hoeveelheid: {
    description: 'Een hoeveelheid van 0 of meer, als getal of decimale tekst.',
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: NON_NEGATIVE, maxLength: 60 },
    ],
  },
  datum: { type: 'string', format: 'date', pattern: DATE, description: 'Een datum JJJJ-MM-DD.' },
  periode: {
    type: 'object',
    description: 'Een periode van begin- tot en met einddatum.',
    properties: { van: { $ref: '#/$defs/datum' }, tot: { $ref: '#/$defs/datum' } },
    required: ['van', 'tot'],
  },
  janee: { anyOf: [{ type: 'boolean' }, { enum: ['ja', 'nee', 'true', 'false'] }] },
  tekst: { type: 'string', maxLength: 10000 },
};

interface Field {
  name: string;
  type: Ir.Type;
  /** Required in every version that declares it, and declared by every version. */
  required: boolean;
  count: number;
  values: Set<string>;
}

function valueSchema(f: Field, moduleNames: readonly string[]): JsonSchema {
  const t = f.type;
  switch (t.kind) {
    case 'number':
      // `aantal`: a whole number, 0 or more (as a JSON number or a text of digits).
      return t.whole === true
        ? {
            oneOf: [
              { type: 'integer', minimum: 0 },
              { type: 'string', pattern: '^[0-9]{1,12}$' },
            ],
          }
        : { $ref: '#/$defs/decimaal' };
    case 'money':
    case 'rate':
    case 'percent':
      return { $ref: '#/$defs/decimaal' };
    case 'quantity':
      return { $ref: '#/$defs/hoeveelheid' };
    case 'date':
      return { $ref: '#/$defs/datum' };
    case 'period':
      return { $ref: '#/$defs/periode' };
    case 'bool':
      return { $ref: '#/$defs/janee' };
    case 'text':
      return f.name === 'module' && moduleNames.length > 0
        ? { type: 'string', enum: moduleNames }
        : { $ref: '#/$defs/tekst' };
    case 'domain':
      return { type: 'string', enum: [...f.values] };
    case 'error':
      return {};
  }
}

/** The fields of one level across all programs, in first-declared order. */
function mergeFields(programs: readonly Ir.Program[], level: keyof Ir.InputDef): Field[] {
  const fields = new Map<string, Field>();
  for (const p of programs) {
    const domains = domainValues(p);
    for (const def of p.input[level]) {
      let f = fields.get(def.name);
      if (!f)
        fields.set(
          def.name,
          (f = { name: def.name, type: def.type, required: true, count: 0, values: new Set() }),
        );
      f.count++;
      if (def.optional) f.required = false;
      if (def.type.kind === 'domain') for (const v of domains.get(def.type.name) ?? []) f.values.add(v);
    }
  }
  for (const f of fields.values()) if (f.count < programs.length) f.required = false;
  return [...fields.values()];
}

function objectSchema(
  fields: readonly Field[],
  moduleNames: readonly string[],
  extra: Record<string, JsonSchema>,
  description: string,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of fields) {
    const schema = valueSchema(f, moduleNames);
    // An optional field may be left empty (null or ''), as the engine reads it.
    properties[f.name] = f.required ? schema : { anyOf: [schema, { type: 'null' }, { const: '' }] };
  }
  Object.assign(properties, extra);
  return {
    type: 'object',
    description,
    properties,
    required: fields.filter((f) => f.required).map((f) => f.name),
  };
}

/**
 * A bandwidth belongs to an intensity (`bandbreedte A … voor licht`): for each intensity, the bandwidths any
 * version allows with it, as `if intensiteit = x then bandbreedte ∈ …` (the engine's check in casus.ts).
 */
function bandwidthPairs(programs: readonly Ir.Program[]): JsonSchema[] {
  const allowed = new Map<string, Map<string, Set<string>>>();
  for (const p of programs) {
    const names = new Set(p.bandwidths.map((b) => b.name));
    const intensities = new Set(p.bandwidths.map((b) => b.intensity));
    if (names.size === 0) continue;
    const domains = [...domainValues(p)];
    const bwDomain = domains.find(([, vs]) => vs.length === names.size && vs.every((v) => names.has(v)))?.[0];
    const inDomain = domains.find(([, vs]) => [...intensities].every((i) => vs.includes(i)))?.[0];
    const field = (d: string | undefined) =>
      p.input.resultaat.find((f) => f.type.kind === 'domain' && f.type.name === d)?.name;
    const bwField = field(bwDomain);
    const inField = field(inDomain);
    if (bwField === undefined || inField === undefined) continue;
    const pair = `${inField}\u0000${bwField}`;
    let byIntensity = allowed.get(pair);
    if (!byIntensity) allowed.set(pair, (byIntensity = new Map()));
    for (const b of p.bandwidths) {
      let set = byIntensity.get(b.intensity);
      if (!set) byIntensity.set(b.intensity, (set = new Set()));
      set.add(b.name);
    }
  }
  return [...allowed].flatMap(([pair, byIntensity]) => {
    const [inField = '', bwField = ''] = pair.split('\u0000');
    return [...byIntensity].map(([intensity, names]) => ({
      if: { properties: { [inField]: { const: intensity } }, required: [inField] },
      then: { properties: { [bwField]: { enum: [...names] } } },
    }));
  });
}

/** The case schema of a ruleset's programs. */
export function caseSchema(programs: readonly Ir.Program[], ruleset: string): JsonSchema {
  const moduleNames = [...new Set(programs.flatMap((p) => p.modules.map((m) => m.name)))];
  const casus = objectSchema(
    mergeFields(programs, 'beschikking'),
    moduleNames,
    {
      resultaten: { type: 'array', maxItems: MAX_ITEMS, items: { $ref: '#/$defs/resultaat' } },
      modules: { type: 'array', maxItems: MAX_ITEMS, items: { $ref: '#/$defs/module' } },
    },
    '',
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:regelwerk:${encodeURIComponent(ruleset)}:casus`,
    title: `Casus (beschikking) voor regelset ${ruleset}`,
    ...casus,
    description:
      'Een beschikking met haar resultaten en moduleaanvragen, zoals de invoer-declaraties van de regels die beschrijven. Onbekende velden zijn toegestaan: de engine waarschuwt en negeert ze.',
    $defs: {
      ...DEFS,
      resultaat: {
        ...objectSchema(
          mergeFields(programs, 'resultaat'),
          moduleNames,
          {},
          'Een resultaat van de beschikking.',
        ),
        allOf: bandwidthPairs(programs),
      },
      module: objectSchema(
        mergeFields(programs, 'module'),
        moduleNames,
        { variant: { anyOf: [{ $ref: '#/$defs/tekst' }, { type: 'null' }] } },
        'Een moduleaanvraag.',
      ),
    },
  };
}
