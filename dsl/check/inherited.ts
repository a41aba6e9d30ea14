/**
 * RW6016: a version breaks a declaration it inherits. A version built `op basis van` another is checked with the
 * declarations of its bases, so a fault in an inherited declaration (`vervalt tabel weektarief` while the
 * inherited budget still reads `weektarief`) is found at that declaration, in the base's file. Shown there, it
 * misleads twice: `regelwerk check` on the new version's folder leaves base files out (0 fouten) and the editor
 * marks a file that is fine. The cause is the new version, so the fault is reported in its own file: at the
 * `vervalt` that removed what the message names, else at `op basis van`, quoting the inherited place.
 * A fault the base has itself (reported when the base is checked) stays where it is, once.
 */
import type { WithdrawDecl } from '../ast/ast.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DiagnosticSink } from '../diagnostics/diagnostic.js';
import type { Span } from '../text/span.js';
import type { VersionNode } from './versions.js';

/** The diagnostics one version's check reported. */
export interface VersionDiagnostics {
  readonly node: VersionNode;
  readonly items: readonly Diagnostic[];
}

const keyOf = (d: Diagnostic): string => `${d.file}\u0000${d.span.start}\u0000${d.code}\u0000${d.message}`;

/** The quoted names in a message (`Onbekende tabel 'weektarief'.` → weektarief). */
const quoted = (message: string): string[] => [...message.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);

function withdrawals(node: VersionNode): WithdrawDecl[] {
  return node.file.ast.decls.filter((d): d is WithdrawDecl => d.kind === 'WithdrawDecl');
}

/** Where in `node`'s own file the fault `d` is caused: the `vervalt` naming it, else `op basis van`. */
function causeIn(node: VersionNode, d: Diagnostic): Span {
  const names = new Set(quoted(d.message));
  const w = withdrawals(node).find((x) => names.has(textOf(x)));
  return w?.span ?? node.header.base?.span ?? node.header.version.span;
}

const textOf = (w: WithdrawDecl): string => (w.name.kind === 'Name' ? w.name.text : w.name.value);

/**
 * Moves each fault a version causes in an inherited declaration into that version's own file (RW6016). `place`
 * renders a position of the inherited declaration ("2021-07.regels:41:10").
 */
export function attributeInherited(
  results: readonly VersionDiagnostics[],
  place: (file: string, offset: number) => string,
): Diagnostic[] {
  const reported = new Map<VersionNode, Set<string>>();
  for (const r of results) reported.set(r.node, new Set(r.items.map(keyOf)));
  /** Whether a base of `node` reported `d` too: then the base is its cause (or has it itself). */
  const inBase = (node: VersionNode, d: Diagnostic): boolean => {
    const key = keyOf(d);
    let depth = 0;
    for (let b = node.base; b && depth < 1000; b = b.base, depth++)
      if (reported.get(b)?.has(key)) return true;
    return false;
  };
  const out: Diagnostic[] = [];
  for (const r of results) {
    const sink = new DiagnosticSink(r.node.file.path);
    for (const d of r.items) {
      if (d.file === r.node.file.path) out.push(d);
      else if (inBase(r.node, d)) continue;
      else if (d.severity !== 'fout') out.push(d);
      else
        sink.report('RW6016', causeIn(r.node, d), [r.node.version, place(d.file, d.span.start), d.message]);
    }
    out.push(...sink.items);
  }
  return out;
}
