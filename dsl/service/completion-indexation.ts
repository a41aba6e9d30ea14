/**
 * Completion in an `indexeer` line: the tables and parameters to index, then `voor` or `met`; after `voor`
 * (`indexeer weektarief voor ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar met …`) the key domains of the
 * tables named and, after a domain, its values.
 */
import { kw, nameItems, valueItems, type Names } from './completion-names.js';
import type { CompletionItem } from './types.js';

/** The key domains of the tables an `indexeer` line names (all tables with `alle …`). */
function indexedKeys(line: string, n: Names): string[] {
  const m = /^indexeer\s+(.*?)(?:\s+voor\b|\s+met\b|$)/u.exec(line);
  const named = /^alle\b/.test(m?.[1] ?? '') ? undefined : new Set((m?.[1] ?? '').split(/\s*,\s*/));
  const keys: string[] = [];
  for (const d of n.defs) {
    if (d.kind !== 'tabel' || d.node.kind !== 'TableDecl' || d.node.amend) continue;
    if (named !== undefined && !named.has(d.name)) continue;
    for (const k of [...d.node.rowKeys, ...d.node.columnKeys]) if (!keys.includes(k.text)) keys.push(k.text);
  }
  return keys;
}

/**
 * `indexeer weektarief voor ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar met …`: after `voor`, `,` or
 * `en` the key domains of the tables named (and more values of the domain before); after a domain its values.
 */
export function indexationCompletion(before: string, n: Names): CompletionItem[] | undefined {
  if (!/^indexeer\s/u.test(before) || /\smet\s/u.test(before)) return undefined;
  const voor = /^indexeer\b.*?\svoor\s+(.*)$/u.exec(before);
  if (voor === null) {
    // The tables (or parameters) to index, then `voor` or `met`.
    if (/^indexeer\s+(alle\s+\S+\s+|[^,]*[\p{L}\d_]\s+)$/u.test(before)) return [kw('voor'), kw('met')];
    if (/^indexeer\s+alle\s+$/u.test(before)) return [kw('tabellen'), kw('tarieven')];
    const start = /^indexeer\s+$/u.test(before) ? [kw('alle tabellen'), kw('alle tarieven')] : [];
    return [...start, ...nameItems(n).filter((i) => i.kind === 'table' || i.kind === 'parameter')];
  }
  const keys = indexedKeys(before, n);
  const domainItems = (): CompletionItem[] =>
    keys.map((d) => ({ label: d, kind: 'domain' as const, detail: 'domein (sleutel van de tabel)' }));
  const words = (voor[1] ?? '').split(/[\s,]+/).filter((w) => w !== '' && w !== 'en');
  const last = words[words.length - 1];
  // Right after a domain: its values.
  if (last !== undefined && keys.includes(last) && /\s$/.test(voor[1] ?? '')) {
    const values = n.domains.get(last);
    return values === undefined ? [] : valueItems(values, last);
  }
  if (/(^|,|\sen)\s*$/u.test(voor[1] ?? '')) {
    // A new domain, or another value of the domain written last.
    const current = [...words].reverse().find((w) => keys.includes(w));
    const values = current === undefined ? [] : (n.domains.get(current) ?? []);
    return [...domainItems(), ...valueItems(values, current ?? '').filter((v) => !words.includes(v.label))];
  }
  return [kw('en'), kw('met')];
}
