/**
 * The OpenAPI 3.1 document of the API, generated from the same JSON Schemas the routes validate with: the
 * bundle's case schema (its $defs become components) and the response schemas below. Examples are scenario
 * cases of the bundle that the engine accepts, so every example in the document is a request the API answers.
 */
import type { JsonSchema } from '../runtime/format.js';
import type { BundleRuntime } from '../runtime/load.js';
import type { Bundle } from '../runtime/format.js';
import { PROBLEMS } from './problem.js';

export interface ApiLimits {
  /** Largest request body for one case, in bytes. */
  readonly bodyBytes: number;
  /** Largest request body for a batch, in bytes. */
  readonly batchBodyBytes: number;
  /** Most cases in one batch request. */
  readonly batchCases: number;
  /** Longest time a batch may compute, in milliseconds. */
  readonly timeMs: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  bodyBytes: 1024 * 1024,
  batchBodyBytes: 16 * 1024 * 1024,
  batchCases: 1000,
  timeMs: 10_000,
};

/** The headers every response carries. */
export const BUNDLE_HEADERS = {
  ruleset: 'regelwerk-bundel',
  release: 'regelwerk-bundel-versie',
  hash: 'regelwerk-bundel-hash',
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const text = { type: 'string' } as const;
const decimal = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' } as const;

/** Rewrites `#/$defs/x` references to components named `prefix` + X. */
function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/'))
      out[k] = `#/components/schemas/${names.get(v.slice('#/$defs/'.length)) ?? v}`;
    else out[k] = rewriteRefs(v, names);
  }
  return out;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The case schema as OpenAPI components: `Casus` and one component per $def (`Resultaat`, `Periode`, …). */
export function caseComponents(caseSchema: JsonSchema): Record<string, unknown> {
  const {
    $defs,
    $schema: _s,
    $id: _i,
    ...casus
  } = caseSchema as Record<string, unknown> & { $defs?: Record<string, unknown> };
  const defs = $defs ?? {};
  const names = new Map(Object.keys(defs).map((k) => [k, capital(k)]));
  const out: Record<string, unknown> = { Casus: rewriteRefs(casus, names) };
  for (const [k, v] of Object.entries(defs)) out[names.get(k) as string] = rewriteRefs(v, names);
  return out;
}

const SOURCE = {
  type: 'object',
  description: 'Waar in de regels dit vandaan komt.',
  properties: {
    id: text,
    file: text,
    span: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
  },
};

/** Response schemas (documentation; the engine's result types are in src/engine/result.ts). */
export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Bundel: {
    type: 'object',
    description: 'De bundel waarmee is gerekend.',
    required: ['ruleset', 'versie', 'hash'],
    properties: { ruleset: text, versie: text, hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' } },
  },
  Diagnose: {
    type: 'object',
    required: ['severity', 'message'],
    properties: {
      severity: { enum: ['fout', 'waarschuwing'] },
      rule: text,
      message: text,
      path: text,
      source: SOURCE,
    },
  },
  Regel: {
    type: 'object',
    description: 'Een bedrag: hoeveelheid × tarief, per versiedeel over een versiegrens.',
    required: ['kind', 'ref', 'key', 'quantity', 'unit', 'rate', 'amount', 'parts'],
    properties: {
      kind: { enum: ['resultaat', 'module'] },
      ref: text,
      key: text,
      quantity: decimal,
      unit: text,
      plural: { ...text, description: "Het meervoud van een gedeclareerde eenheid ('dagdelen')." },
      rate: decimal,
      amount: decimal,
      hours: decimal,
      capped: { type: 'boolean' },
      parts: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            version: text,
            from: text,
            to: text,
            quantity: decimal,
            rate: decimal,
            amount: decimal,
          },
        },
      },
      source: SOURCE,
    },
  },
  Modulebeslissing: {
    type: 'object',
    required: ['module', 'ref', 'allowed', 'failed'],
    properties: {
      module: text,
      variant: text,
      ref: text,
      allowed: { type: 'boolean' },
      reason: text,
      failed: { type: 'array', items: { type: 'object' } },
      source: SOURCE,
    },
  },
  Evaluatie: {
    allOf: [ref('Berekening')],
    type: 'object',
    description: 'De berekening van één casus, met de bundel waarmee is gerekend.',
    required: ['bundel'],
    properties: { bundel: ref('Bundel') },
  },
  Berekening: {
    type: 'object',
    description: 'De berekening van één casus.',
    required: ['ok', 'version', 'lines', 'total', 'decisions', 'diagnostics'],
    properties: {
      ok: { const: true },
      version: { ...text, description: 'De versie van de eerste dag.' },
      versions: { type: 'array', items: text },
      lines: { type: 'array', items: ref('Regel') },
      total: decimal,
      decisions: { type: 'array', items: ref('Modulebeslissing') },
      diagnostics: { type: 'array', items: ref('Diagnose') },
      undetermined: {
        type: 'array',
        description:
          'Regels die niet te beoordelen waren: hun voorwaarde vergeleek een leeg veld (onbepaald). Alleen aanwezig als er zulke regels zijn.',
        items: {
          type: 'object',
          required: ['rule', 'severity', 'message', 'empty', 'details', 'version'],
          properties: {
            rule: text,
            severity: { enum: ['fout', 'waarschuwing'] },
            message: text,
            empty: { type: 'array', items: text },
            details: { type: 'array', items: text },
            path: text,
            source: SOURCE,
            version: text,
          },
        },
      },
      explanation: {
        type: 'object',
        description: 'Met /v1/uitleg: de uitleg van elk bedrag en elke beslissing.',
      },
    },
  },
  Uitleg: {
    allOf: [ref('Evaluatie')],
    type: 'object',
    required: ['explanation', 'tekst'],
    properties: {
      tekst: { ...text, description: 'De uitleg als tekst, zoals `regelwerk explain` hem toont.' },
    },
  },
  Batch: {
    type: 'object',
    required: ['gevallen'],
    properties: { gevallen: { type: 'array', minItems: 1, items: ref('Casus') } },
  },
  BatchAntwoord: {
    type: 'object',
    required: ['bundel', 'resultaten'],
    properties: {
      bundel: ref('Bundel'),
      resultaten: { type: 'array', items: ref('Berekening'), description: 'In de volgorde van de gevallen.' },
    },
  },
  Versies: {
    type: 'object',
    required: ['bundel', 'versions'],
    properties: {
      bundel: ref('Bundel'),
      versions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['version', 'validFrom', 'status'],
          properties: {
            version: text,
            base: { type: ['string', 'null'] },
            municipality: { type: ['string', 'null'] },
            validFrom: text,
            validTo: { type: ['string', 'null'] },
            status: { enum: ['concept', 'vastgesteld'] },
            bron: { type: ['string', 'null'] },
            file: text,
          },
        },
      },
    },
  },
  Probleem: {
    type: 'object',
    description: 'RFC 9457 problem details, in het Nederlands.',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { enum: Object.values(PROBLEMS).map((p) => p.type) },
      title: text,
      status: { type: 'integer' },
      detail: text,
      diagnostics: { type: 'array', items: ref('Diagnose') },
    },
  },
  Status: { type: 'object', required: ['status'], properties: { status: text, bundel: ref('Bundel') } },
};

interface Example {
  readonly summary: string;
  readonly value: unknown;
}

/** Up to `n` scenario cases of the bundle that the engine prices (newest versions first). */
export function examples(runtime: BundleRuntime, bundle: Pick<Bundle, 'versions'>, n = 2): Example[] {
  const out: Example[] = [];
  for (const v of [...bundle.versions].reverse()) {
    for (const s of v.program.scenarios) {
      const ev = runtime.evaluateSync?.(s.casus);
      if (!ev?.ok || ev.diagnostics.length > 0) continue;
      out.push({ summary: `Scenario '${s.name}' (versie ${v.version})`, value: s.casus });
      break;
    }
    if (out.length >= n) break;
  }
  return out;
}

const json = (schema: unknown, ex?: readonly Example[]) => ({
  'application/json': {
    schema,
    ...(ex && ex.length > 0
      ? { examples: Object.fromEntries(ex.map((e, i) => [`voorbeeld${i + 1}`, e])) }
      : {}),
  },
});

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Probleem') } },
});

export interface DocumentOptions {
  readonly limits: ApiLimits;
  readonly apiKey: boolean;
}

/** The OpenAPI 3.1 document for the bundle being served. */
export function openApiDocument(
  runtime: BundleRuntime,
  bundle: Pick<Bundle, 'versions'>,
  options: DocumentOptions,
): Record<string, unknown> {
  const { limits } = options;
  const ex = examples(runtime, bundle);
  const headers = {
    'Regelwerk-Bundel': { description: 'De regelset van de bundel.', schema: text },
    'Regelwerk-Bundel-Versie': {
      description: 'De versie van de bundel (nieuwste regionale versie).',
      schema: text,
    },
    'Regelwerk-Bundel-Hash': { description: 'De inhoudshash van de bundel.', schema: text },
  };
  const ok = (description: string, schema: unknown, type = 'application/json') => ({
    description,
    headers,
    content: { [type]: { schema } },
  });
  const secured = options.apiKey ? { security: [{ apiSleutel: [] }] } : {};
  const common = {
    '400': problemResponse('Ongeldige invoer: de Nederlandse meldingen per veld, zoals de CLI ze geeft.'),
    ...(options.apiKey ? { '401': problemResponse('Geen of een verkeerde API-sleutel.') } : {}),
    '403': problemResponse('Een schrijfverzoek van een andere site.'),
    '421': problemResponse('Een Host die deze server niet is (zie --naam).'),
    '413': problemResponse('Het verzoek is te groot.'),
    '415': problemResponse('Het verzoek is geen JSON (Content-Type: application/json).'),
  };
  const post = (
    operationId: string,
    summary: string,
    description: string,
    body: unknown,
    response: unknown,
    more: Record<string, unknown> = {},
  ) => ({
    post: {
      operationId,
      summary,
      description,
      ...secured,
      requestBody: { required: true, content: body },
      responses: { '200': ok('Berekend.', response), ...common, ...more },
    },
  });
  const get = (
    operationId: string,
    summary: string,
    response: unknown,
    type = 'application/json',
    extra: Record<string, unknown> = {},
  ) => ({
    get: { operationId, summary, ...extra, responses: { '200': ok(summary, response, type) } },
  });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `regelwerk API: ${runtime.ruleset}`,
      version: runtime.release,
      summary: 'Tarief- en toegangsregels berekenen uit een regelwerk-bundel.',
      description: `Berekent casussen met bundel ${runtime.hash}. Elk antwoord noemt de bundel in de kopregels Regelwerk-Bundel, Regelwerk-Bundel-Versie en Regelwerk-Bundel-Hash. Grenzen: één casus hooguit ${Math.round(limits.bodyBytes / 1024)} KiB; een batch hooguit ${limits.batchCases} gevallen en ${Math.round(limits.batchBodyBytes / 1024 / 1024)} MiB, en ${limits.timeMs / 1000} s rekentijd. Alle tarieven in de regels zijn illustratief.`,
    },
    paths: {
      '/v1/evaluaties': post(
        'evalueer',
        'Eén casus berekenen',
        'Berekent de regels, het totaal en de modulebeslissingen van één casus.',
        json(ref('Casus'), ex),
        ref('Evaluatie'),
      ),
      '/v1/evaluaties/batch': post(
        'evalueerBatch',
        'Meerdere casussen berekenen',
        `Hooguit ${limits.batchCases} gevallen per verzoek, in één keer: is er één ongeldig, dan wordt niets berekend en noemt het antwoord (400) elk ongeldig veld met gevallen[i] ervoor.`,
        json(
          ref('Batch'),
          ex.length > 0 ? [{ summary: 'Twee gevallen', value: { gevallen: ex.map((e) => e.value) } }] : [],
        ),
        ref('BatchAntwoord'),
        { '503': problemResponse('De berekening duurde langer dan de tijdslimiet.') },
      ),
      '/v1/uitleg': post(
        'leguit',
        'Eén casus berekenen en uitleggen',
        'Als /v1/evaluaties, met de uitleg van elk bedrag tot op de tariefcel, als data en als tekst.',
        json(ref('Casus'), ex),
        ref('Uitleg'),
      ),
      '/v1/versies': get('versies', 'De versies in de bundel', ref('Versies'), 'application/json', secured),
      '/v1/schema/casus': get(
        'casusschema',
        'Het JSON Schema (2020-12) van een casus',
        { type: 'object' },
        'application/schema+json',
        secured,
      ),
      '/openapi.json': get('openapi', 'Dit document', { type: 'object' }),
      '/gezond': get('gezond', 'Leeft de server?', ref('Status')),
      '/gereed': {
        get: {
          operationId: 'gereed',
          summary: 'Kan de server verzoeken aannemen?',
          responses: {
            '200': ok('Gereed.', ref('Status')),
            '503': problemResponse('Niet gereed (de server stopt).'),
          },
        },
      },
    },
    components: {
      schemas: { ...caseComponents(runtime.caseSchema), ...RESPONSE_SCHEMAS },
      ...(options.apiKey
        ? {
            securitySchemes: {
              apiSleutel: {
                type: 'http',
                scheme: 'bearer',
                description: 'De API-sleutel (ook als kopregel X-Api-Sleutel).',
              },
            },
          }
        : {}),
    },
  };
}
