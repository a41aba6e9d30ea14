/**
 * `regelwerk bundle --regels <map> -o <bestand>`: writes the ruleset's bundle (src/bundle), atomically.
 * `regelwerk schema --regels <map>`: prints the JSON Schema of a case; `regelwerk schema --bundel`: of the format.
 */
import { chmod, lstat, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFormatSchema } from '../bundle/bundle-schema.js';
import type { Source } from '../../dsl/index.js';
import { bundleFromSources, serializeBundle } from '../bundle/build.js';
import type { BundleBuild } from '../bundle/build.js';
import { EXIT_OK, EXIT_PROBLEMS, writeJsonFailure, type Io } from './output.js';
import { loadRuleset } from './ruleset.js';

/**
 * Each file named relative to the folder it was found in (the deepest of `roots`: a `--regels` folder or one
 * listed in regelwerk.json), so a draft beside the rules bundles as `2023.regels` next to `2022.regels`, the same
 * on every machine, never as an absolute path. Two files with one name keep their folder's name in front.
 * Files outside every root keep their path; the bundle names them relative to the folder they share.
 */
export function namedFromRoots(sources: readonly Source[], roots: readonly string[]): Source[] {
  const rootOf = (abs: string): string | undefined =>
    roots
      .filter((r) => abs === r || abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  const named = sources.map((s) => {
    const abs = path.resolve(s.path);
    const root = rootOf(abs);
    return { source: s, root, name: root ? path.relative(root, abs).split(path.sep).join('/') : undefined };
  });
  const count = new Map<string, number>();
  for (const n of named) if (n.name) count.set(n.name, (count.get(n.name) ?? 0) + 1);
  return named.map(({ source, root, name }) => {
    if (!root || !name) return source;
    const unique = (count.get(name) ?? 0) === 1 ? name : `${path.basename(root)}/${name}`;
    return { path: unique, text: source.text };
  });
}

/** Compiles the rules under `regels` and bundles them; prints why not (Dutch) and returns undefined on failure. */
export async function buildBundle(
  regels: readonly string[],
  io: Io,
  json: boolean,
): Promise<BundleBuild | undefined> {
  const ruleset = await loadRuleset(regels, io, json);
  if (!ruleset) return undefined;
  const build = await bundleFromSources(
    namedFromRoots(
      Object.entries(ruleset.texts).map(([file, text]) => ({ path: file, text })),
      ruleset.roots,
    ),
  );
  if (!build.ok) {
    if (json) writeJsonFailure(io, [{ severity: 'fout', message: build.error }]);
    else io.err(build.error);
    return undefined;
  }
  return build;
}

export interface BundleOptions {
  readonly regels: readonly string[];
  readonly out: string;
  readonly json: boolean;
}

export async function runBundle(options: BundleOptions, io: Io): Promise<number> {
  const build = await buildBundle(options.regels, io, options.json);
  if (!build?.ok) return EXIT_PROBLEMS;
  const { bundle } = build;
  const text = serializeBundle(bundle);
  const target = path.resolve(options.out);
  // A regular file is replaced whole (written beside it with its permissions, then renamed). Anything else that
  // exists is written to as it is, never replaced: a link (/dev/stdout, also when stdout is a file), a named
  // pipe, a device; then the summary goes to stderr, not into the stream.
  const existing = await stat(target).catch(() => undefined);
  const entry = await lstat(target).catch(() => undefined);
  const stream = entry !== undefined && !entry.isFile() && existing?.isDirectory() !== true;
  try {
    if (existing?.isDirectory() === true) throw Object.assign(new Error('map'), { code: 'EISDIR' });
    if (stream) await writeFile(target, text);
    else {
      const temp = `${target}.${process.pid}.tmp`;
      try {
        await writeFile(temp, text);
        if (entry !== undefined) await chmod(temp, entry.mode & 0o7777);
        await rename(temp, target);
      } catch (e) {
        await unlink(temp).catch(() => undefined);
        throw e;
      }
    }
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? ` (${String(e.code)})` : '';
    const message =
      existing?.isDirectory() === true
        ? `Kan de bundel niet schrijven naar '${options.out}': dat is een map; geef een bestandsnaam, bijvoorbeeld ${path.join(options.out, 'twents-model.bundle.json')}.`
        : `Kan de bundel niet schrijven naar '${options.out}'${reason}: bestaat de map en mag er geschreven worden?`;
    if (options.json) writeJsonFailure(io, [{ severity: 'fout', message }]);
    else io.err(message);
    return EXIT_PROBLEMS;
  }
  const summary = {
    ok: true,
    file: options.out,
    ruleset: bundle.ruleset,
    release: bundle.release,
    hash: bundle.hash,
    formatVersion: bundle.formatVersion,
    bytes: Buffer.byteLength(text),
    versions: bundle.versions.map((v) => ({
      version: v.version,
      municipality: v.municipality,
      validFrom: v.validFrom,
      status: v.status,
    })),
  };
  const say = stream ? io.err : io.out;
  if (options.json) say(JSON.stringify(summary, null, 2));
  else {
    say(`Bundel geschreven: ${options.out} (${Math.round(summary.bytes / 1024)} KiB)`);
    say(`  regelset ${bundle.ruleset}, versie ${bundle.release}, formaatversie ${bundle.formatVersion}`);
    say(`  ${bundle.hash}`);
    for (const v of bundle.versions)
      say(
        `  ${v.version}${v.municipality ? ` (${v.municipality})` : ''}: geldig vanaf ${v.validFrom}, ${v.status}`,
      );
  }
  const concepts = bundle.versions.filter((v) => v.status === 'concept').map((v) => v.version);
  if (concepts.length > 0)
    io.err(
      `Let op: de bundel bevat ${concepts.length === 1 ? 'een conceptversie' : 'conceptversies'} (${concepts.join(', ')}), nog niet vastgesteld${concepts.includes(bundle.release) ? `; versie ${bundle.release} is de nieuwste en telt als release` : ''}. Geef een gemeente alleen een bundel met vastgestelde versies.`,
    );
  return EXIT_OK;
}

export async function runSchema(
  options: { regels: readonly string[] | undefined; format: boolean; json: boolean },
  io: Io,
): Promise<number> {
  if (options.format) {
    io.out(JSON.stringify(bundleFormatSchema, null, 2));
    return EXIT_OK;
  }
  const build = await buildBundle(options.regels ?? [''], io, options.json);
  if (!build?.ok) return EXIT_PROBLEMS;
  io.out(JSON.stringify(build.bundle.caseSchema, null, 2));
  return EXIT_OK;
}
