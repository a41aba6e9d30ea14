/**
 * `loadBundle(text)`: checks a bundle (format, format version, content hash, shape) and prepares its programs
 * for evaluation. A bundle that fails a check is refused with a Dutch message that says what is wrong and what
 * to do; nothing is evaluated with it. Never throws.
 */
import type { Ir } from '../../dsl/index.js';
import { createEngine } from '../engine/evaluate.js';
import type { Engine, EvaluateOptions } from '../engine/evaluate.js';
import type { Evaluation } from '../engine/result.js';
import { bundleHash } from './canonical.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './format.js';
import type { Bundle, BundleVersion, JsonSchema } from './format.js';

/** A version as the runtime describes it (without its program and tables). */
export type VersionInfo = Omit<BundleVersion, 'program' | 'tables'>;

/** A bundle ready to evaluate cases. Holds no state between evaluations. */
export interface BundleRuntime {
  /** The bundle as loaded (programs, resolved tables, scenarios included). */
  readonly bundle: Bundle;
  readonly ruleset: string;
  readonly release: string;
  readonly hash: string;
  readonly formatVersion: number;
  readonly generator: string;
  readonly versions: readonly VersionInfo[];
  readonly caseSchema: JsonSchema;
  /** Evaluates a case as `createEngine(programs).evaluate` does; invalid input gives `{ ok: false, diagnostics }`. */
  evaluate(casus: unknown, options?: EvaluateOptions): Promise<Evaluation>;
  /** Same as `evaluate(casus, { explain: true })`. */
  explain(casus: unknown): Promise<Evaluation>;
  /** Synchronous evaluation (the fast path; undefined with `path: 'jre'`). */
  readonly evaluateSync: ((casus: unknown, options?: EvaluateOptions) => Evaluation) | undefined;
}

export interface LoadOptions {
  /** 'fast' (compiled closures, default) or 'jre' (json-rules-engine): the same answers. */
  readonly path?: 'fast' | 'jre';
}

export type BundleLoad =
  { readonly ok: true; readonly runtime: BundleRuntime } | { readonly ok: false; readonly error: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const refuse = (error: string): BundleLoad => ({ ok: false, error });

/** What is wrong with the shape of a bundle whose hash matched, or undefined. */
function shapeProblem(b: Record<string, unknown>): string | undefined {
  for (const key of ['ruleset', 'release', 'generator'] as const)
    if (typeof b[key] !== 'string') return `het veld '${key}' ontbreekt of is geen tekst`;
  if (!isObject(b.caseSchema)) return "het veld 'caseSchema' ontbreekt of is geen object";
  const versions = b.versions;
  if (!Array.isArray(versions) || versions.length === 0)
    return "'versions' is geen lijst met ten minste één versie";
  for (const [i, v] of versions.entries()) {
    if (!isObject(v)) return `versions[${i}] is geen object`;
    for (const key of ['version', 'validFrom', 'file'] as const)
      if (typeof v[key] !== 'string') return `versions[${i}].${key} ontbreekt of is geen tekst`;
    const p = v.program;
    if (!isObject(p) || p.kind !== 'Program' || p.version !== v.version)
      return `versions[${i}].program is geen verlaagd programma van versie '${String(v.version)}'`;
    if (p.ruleset !== b.ruleset)
      return `versions[${i}] hoort bij regelset '${String(p.ruleset)}', niet bij '${String(b.ruleset)}'`;
  }
  return undefined;
}

/**
 * Reads a bundle from its JSON text (or the parsed value) and prepares it. Refuses, with a Dutch message, what
 * is not a bundle, an unknown format version, a hash that does not match the content, and a malformed shape.
 */
export async function loadBundle(input: string | unknown, options: LoadOptions = {}): Promise<BundleLoad> {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      return refuse('De bundel is geen geldige JSON. Schrijf hem opnieuw met `regelwerk bundle`.');
    }
  }
  if (!isObject(data) || data.format !== BUNDLE_FORMAT)
    return refuse(`Dit is geen regelwerk-bundel: het veld 'format' is niet '${BUNDLE_FORMAT}'.`);
  if (data.formatVersion !== BUNDLE_FORMAT_VERSION)
    return refuse(
      `Onbekende formaatversie ${JSON.stringify(data.formatVersion) ?? '(geen)'} van de bundel; deze runtime leest formaatversie ${BUNDLE_FORMAT_VERSION}. Schrijf de bundel met dezelfde versie van regelwerk als de runtime.`,
    );
  if (typeof data.hash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(data.hash))
    return refuse(
      "De bundel heeft geen geldige inhoudshash (veld 'hash', 'sha256:' en 64 hexadecimale tekens).",
    );
  const actual = await bundleHash(data);
  if (actual !== data.hash)
    return refuse(
      `De inhoudshash van de bundel klopt niet (in de bundel ${data.hash}, berekend ${actual}): de bundel is na het schrijven gewijzigd of beschadigd. Gebruik de bundel zoals \`regelwerk bundle\` hem schreef.`,
    );
  const problem = shapeProblem(data);
  if (problem !== undefined) return refuse(`De bundel is onvolledig: ${problem}.`);
  const bundle = data as unknown as Bundle;
  return { ok: true, runtime: prepare(bundle, options.path ?? 'fast') };
}

function prepare(bundle: Bundle, path: 'fast' | 'jre'): BundleRuntime {
  const programs: Ir.Program[] = bundle.versions.map((v) => v.program);
  const engine: Engine = createEngine(programs, { path });
  return {
    bundle,
    ruleset: bundle.ruleset,
    release: bundle.release,
    hash: bundle.hash,
    formatVersion: bundle.formatVersion,
    generator: bundle.generator,
    versions: bundle.versions.map(({ program: _p, tables: _t, ...info }) => info),
    caseSchema: bundle.caseSchema,
    evaluate: (casus, opts) => engine.evaluate(casus, opts),
    explain: (casus) => engine.explain(casus),
    evaluateSync: engine.evaluateSync,
  };
}
