/**
 * A partial indexation's selection in Dutch, as the formatter writes it after `voor` and as the tariff sheet,
 * the hover, the explanation and the CLI show it: "ondersteuningsbehoefte OB2 en OB3" (one domain),
 * "ondersteuningsbehoefte OB2, OB3 en intensiteit zwaar" (several: every domain must match).
 */

/** One domain and its values; `domain` is undefined only in text the checker refuses (`voor OB2`). */
export interface SelectionPart {
  readonly domain: string | undefined;
  readonly values: readonly string[];
}

/** "a", "a en b", "a, b en c". */
export function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
}

const part = (p: SelectionPart, values: string): string =>
  p.domain === undefined ? values : `${p.domain} ${values}`;

/** The selection after `voor`, without that word. */
export function selectionText(selection: readonly SelectionPart[]): string {
  const [only] = selection;
  if (selection.length === 1 && only !== undefined) return part(only, dutchList(only.values));
  return dutchList(selection.map((p) => part(p, p.values.join(', '))));
}

/** Does a cell key match every part of a selection (its value for that key is one of the part's values)? */
export function keyMatches(
  selection: readonly { readonly key: number; readonly values: readonly string[] }[],
  key: readonly string[],
): boolean {
  return selection.every((s) => s.key >= 0 && s.values.includes(key[s.key] ?? '\u0000'));
}
