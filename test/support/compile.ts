/** Compiling rules in tests: inline texts to programs, failing loudly (with every error) when they do not compile. */
import { compile } from '../../dsl/index.js';
import type { Ir, Source } from '../../dsl/index.js';

/** Compiles the sources together; throws with every error (`file: RWxxxx message`) when they do not compile. */
export function compileSources(sources: readonly Source[]): Ir.Program[] {
  const r = compile(sources);
  if (!r.ok)
    throw new Error(
      r.diagnostics
        .filter((d) => d.severity === 'fout')
        .map((d) => `${d.file}: ${d.code} ${d.message}`)
        .join('\n'),
    );
  return r.programs;
}

/** Compiles one rules text (path `t.regels` unless given); throws with every error when it does not compile. */
export function compileText(text: string, path = 't.regels'): Ir.Program[] {
  return compileSources([{ path, text }]);
}

/** The one program of a compiled text; throws when there is not exactly one. */
export function compileOne(text: string, path = 't.regels'): Ir.Program {
  const ps = compileText(text, path);
  const [p] = ps;
  if (ps.length !== 1 || p === undefined) throw new Error(`verwacht één programma, kreeg ${ps.length}`);
  return p;
}

/**
 * The program of a version: the regional one of that name when there is one (or the one of `municipality` when
 * given), else the municipal one of that name; throws when it is missing.
 */
export function programOf(
  programs: readonly Ir.Program[],
  version: string,
  municipality?: string,
): Ir.Program {
  const named = programs.filter((x) => x.version === version);
  const p =
    municipality === undefined
      ? (named.find((x) => x.municipality === undefined) ?? named[0])
      : named.find((x) => x.municipality === municipality);
  if (!p) throw new Error(`geen versie ${version}${municipality ? ` van ${municipality}` : ''}`);
  return p;
}

/** Header of a later version on top of `base` (`regelset "T"` unless given), followed by `body`. */
export function laterVersion(
  version: string,
  base: string,
  validFrom: string,
  body: string,
  regelset = 'T',
): string {
  return `regelset "${regelset}"\nversie "${version}" op basis van "${base}"\ngeldig vanaf ${validFrom}\n\n${body}`;
}
