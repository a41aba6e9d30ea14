/**
 * The JSON Schema (draft 2020-12) of the bundle format, version 1 (types: src/runtime/format.ts). The lowered
 * programs are described by their envelope; their inside is the IR of dsl/ir/ir.ts, which the runtime reads as is.
 * `regelwerk schema --bundel` prints it.
 */
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../runtime/format.js';
import type { JsonSchema } from '../runtime/format.js';

const text = { type: 'string' } as const;
const textOrNull = { type: ['string', 'null'] } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const decimalOrNull = { type: ['string', 'null'], pattern: '^-?\\d+(\\.\\d+)?$' } as const;

export const bundleFormatSchema: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:regelwerk:bundel:${BUNDLE_FORMAT_VERSION}`,
  title: `regelwerk-bundel, formaatversie ${BUNDLE_FORMAT_VERSION}`,
  description:
    'Alle versies en gemeentelijke afwijkingen van één regelset, met verlaagde programma’s, tabellen met hun indexaties toegepast, het JSON Schema van een casus en een sha256-inhoudshash over de canonieke vorm (sleutels gesorteerd, zonder witruimte, zonder het veld hash).',
  type: 'object',
  required: ['format', 'formatVersion', 'ruleset', 'release', 'hash', 'generator', 'caseSchema', 'versions'],
  additionalProperties: false,
  properties: {
    format: { const: BUNDLE_FORMAT },
    formatVersion: { const: BUNDLE_FORMAT_VERSION },
    ruleset: { ...text, description: 'De naam van de regelset.' },
    release: { ...text, description: 'De nieuwste regionale versie: de versie van de bundel.' },
    hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    generator: text,
    caseSchema: { type: 'object', description: 'JSON Schema (draft 2020-12) van een casus.' },
    versions: { type: 'array', minItems: 1, items: { $ref: '#/$defs/version' } },
  },
  $defs: {
    version: {
      type: 'object',
      additionalProperties: false,
      required: [
        'version',
        'base',
        'municipality',
        'validFrom',
        'validTo',
        'status',
        'bron',
        'file',
        'program',
        'tables',
      ],
      properties: {
        version: text,
        base: textOrNull,
        municipality: {
          ...textOrNull,
          description: 'De gemeente van een afwijking; null voor de regionale versie.',
        },
        validFrom: date,
        validTo: { anyOf: [date, { type: 'null' }] },
        status: { enum: ['concept', 'vastgesteld'] },
        bron: textOrNull,
        file: { ...text, description: 'Het regelbestand, relatief aan de map van de regelset.' },
        program: {
          type: 'object',
          description: 'Het verlaagde programma (dsl/ir/ir.ts), overerving opgelost.',
          required: ['kind', 'ruleset', 'version', 'validFrom', 'input', 'tables', 'rules', 'modules'],
          properties: { kind: { const: 'Program' } },
        },
        tables: { type: 'array', items: { $ref: '#/$defs/table' } },
      },
    },
    table: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'label', 'type', 'keys', 'cells'],
      properties: {
        name: text,
        label: textOrNull,
        type: { type: 'object', required: ['kind'] },
        keys: { type: 'array', items: text },
        cells: { type: 'array', items: { $ref: '#/$defs/cell' } },
      },
    },
    cell: {
      type: 'object',
      additionalProperties: false,
      required: ['key', 'value', 'written', 'indexations', 'version', 'validFrom', 'bron'],
      properties: {
        key: { type: 'array', items: text },
        value: { ...decimalOrNull, description: 'De prijs in deze versie, met indexaties; null voor -.' },
        written: { ...decimalOrNull, description: 'De waarde zoals geschreven, voor indexatie.' },
        indexations: { type: 'integer', minimum: 0 },
        version: text,
        validFrom: date,
        bron: textOrNull,
      },
    },
  },
};
