/**
 * `createBundle(programs)`: the portable release of one ruleset (format: src/runtime/format.ts). Deterministic:
 * the same sources give the same bundle, byte for byte (no clock, no absolute paths: files are named relative
 * to the folder they share), and its `hash` is the sha256 of its canonical form.
 */
import { compile } from '../../dsl/index.js';
import type { Ir, Source } from '../../dsl/index.js';
import { bundleHash } from '../runtime/canonical.js';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../runtime/format.js';
import type { Bundle, BundleVersion } from '../runtime/format.js';
import { caseSchema } from './case-schema.js';
import { resolveTables } from './tables.js';

export const GENERATOR = 'regelwerk';

export type BundleBuild =
  { readonly ok: true; readonly bundle: Bundle } | { readonly ok: false; readonly error: string };

const toPosix = (p: string): string => p.replace(/\\/g, '/');

/** The folder all files share ('' when none), with a trailing slash. */
export function commonFolder(files: readonly string[]): string {
  const split = files.map((f) => toPosix(f).split('/').slice(0, -1));
  const first = split[0] ?? [];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return n === 0 ? '' : `${first.slice(0, n).join('/')}/`;
}

/**
 * The sources named relative to the folder they share, in path order: file names (and the ids the compiler
 * derives from them) then do not depend on where the rules lie or how the folder was written.
 */
export function relativeSources(sources: readonly Source[]): Source[] {
  const root = commonFolder(sources.map((s) => s.path));
  return sources
    .map((s) => {
      const posix = toPosix(s.path);
      return { path: posix.startsWith(root) ? posix.slice(root.length) : posix, text: s.text };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Compiles the sources (files named relative to their folder) and bundles them. */
export async function bundleFromSources(sources: readonly Source[]): Promise<BundleBuild> {
  const result = compile(relativeSources(sources));
  if (!result.ok) {
    const n = result.diagnostics.filter((d) => d.severity === 'fout').length;
    return {
      ok: false,
      error: `De regels bevatten ${n === 1 ? 'een fout' : `${n} fouten`}; los die eerst op (regelwerk check).`,
    };
  }
  return createBundle(result.programs);
}

/** Regional versions first, then by effective date, then by name: the order of `versions`. */
function byDate(a: Ir.Program, b: Ir.Program): number {
  const regional = Number(a.municipality !== undefined) - Number(b.municipality !== undefined);
  if (a.validFrom !== b.validFrom) return a.validFrom < b.validFrom ? -1 : 1;
  if (regional !== 0) return regional;
  return a.version < b.version ? -1 : a.version > b.version ? 1 : 0;
}

function versionOf(program: Ir.Program): BundleVersion {
  return {
    version: program.version,
    base: program.base ?? null,
    municipality: program.municipality ?? null,
    validFrom: program.validFrom,
    validTo: program.validTo ?? null,
    status: program.status,
    bron: program.source ?? null,
    file: program.file,
    program,
    tables: resolveTables(program),
  };
}

/**
 * The bundle of the compiled programs of one ruleset (all its versions and municipal overrides), file names as
 * compiled: use {@link bundleFromSources} for a bundle that does not depend on where the rules lie.
 */
export async function createBundle(programs: readonly Ir.Program[]): Promise<BundleBuild> {
  const rulesets = [...new Set(programs.map((p) => p.ruleset))];
  if (rulesets.length !== 1)
    return {
      ok: false,
      error:
        rulesets.length === 0
          ? 'Er zijn geen versies om te bundelen.'
          : `Een bundel bevat één regelset, maar de regels bevatten er ${rulesets.length} (${rulesets.join(', ')}); geef de map van één regelset op.`,
    };
  const relative = [...programs].sort(byDate);
  const regional = relative.filter((p) => p.municipality === undefined);
  const newest = (regional.length > 0 ? regional : relative).at(-1) as Ir.Program;
  const ruleset = rulesets[0] as string;
  const unsigned = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    ruleset,
    release: newest.version,
    generator: GENERATOR,
    versions: relative.map(versionOf),
    caseSchema: caseSchema(relative, ruleset),
  } as const;
  const hash = await bundleHash(unsigned);
  // The written order: what a reader looks for first, the hash near the top.
  const { format, formatVersion, release, generator, versions, caseSchema: schema } = unsigned;
  return {
    ok: true,
    bundle: { format, formatVersion, ruleset, release, hash, generator, caseSchema: schema, versions },
  };
}

/** The bundle as written to a file: JSON without whitespace, one newline at the end. */
export const serializeBundle = (bundle: Bundle): string => `${JSON.stringify(bundle)}\n`;
