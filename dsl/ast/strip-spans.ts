/** Removes spans from an AST (for comparing trees that differ only in layout, e.g. the formatter's round trip). */
export function stripSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripSpans);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'span' || k.endsWith('Span')) continue;
    out[k] = stripSpans(v);
  }
  return out;
}
