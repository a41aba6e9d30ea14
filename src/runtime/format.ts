/**
 * The bundle format (format version 1): one JSON file with every version of a ruleset, ready to evaluate
 * without the compiler. Written by `src/bundle` (`regelwerk bundle`), read by `src/runtime` (`regelwerk/runtime`)
 * and the HTTP API. Its JSON Schema is `bundleFormatSchema` (src/bundle/bundle-schema.ts); the README documents it.
 */
import type { Ir } from '../../dsl/index.js';

/** The value of `format` in every bundle. */
export const BUNDLE_FORMAT = 'regelwerk-bundel';
/**
 * The format version this runtime reads and `src/bundle` writes. 2 since programs carry declared units, partial
 * indexations (`selection`) and a quantity maximum beside a euro maximum: a runtime of format 1 would price those
 * wrongly, so it refuses a bundle of format 2 instead.
 */
export const BUNDLE_FORMAT_VERSION = 2;

/** A JSON Schema (draft 2020-12) as plain data. */
export type JsonSchema = { readonly [key: string]: unknown };

/** A table cell with its indexations applied: the price that applies in that version. */
export interface ResolvedCell {
  readonly key: readonly string[];
  /** Decimal string in the table's unit (percent cells as fractions), or null for `-`. */
  readonly value: string | null;
  /** The value as written, before indexation (null for `-`). */
  readonly written: string | null;
  /** How many indexations were applied to the written value. */
  readonly indexations: number;
  /** The version that wrote the cell, its effective date and its policy source. */
  readonly version: string;
  readonly validFrom: string;
  readonly bron: string | null;
}

export interface ResolvedTable {
  readonly name: string;
  readonly label: string | null;
  /** `money`, `rate` (with `per`), `percent` or `number`. */
  readonly type: Ir.Type;
  /** Domain names of the key columns: rows first, then columns. */
  readonly keys: readonly string[];
  readonly cells: readonly ResolvedCell[];
}

/** One version (or municipal override) of the ruleset. */
export interface BundleVersion {
  readonly version: string;
  readonly base: string | null;
  /** The case's `gemeente` value an override applies to; null for the regional version. */
  readonly municipality: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly status: 'concept' | 'vastgesteld';
  readonly bron: string | null;
  /** The source file, relative to the rules folder. */
  readonly file: string;
  /** The lowered program (inheritance resolved), as the compiler produced it. */
  readonly program: Ir.Program;
  /** Every table with its cells as they apply in this version. */
  readonly tables: readonly ResolvedTable[];
}

export interface Bundle {
  readonly format: typeof BUNDLE_FORMAT;
  readonly formatVersion: number;
  readonly ruleset: string;
  /** The newest regional version: the bundle's version as named in API headers. */
  readonly release: string;
  /** `sha256:` and the hex digest of the canonical form of the bundle without this field. */
  readonly hash: string;
  readonly generator: string;
  /** By effective date, regional before municipal. */
  readonly versions: readonly BundleVersion[];
  /** JSON Schema (draft 2020-12) of a case, from the `invoer` declarations of all versions. */
  readonly caseSchema: JsonSchema;
}
