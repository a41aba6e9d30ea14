/**
 * The canonical form a bundle's hash is computed over: JSON with the keys of every object sorted (by UTF-16
 * code units), no whitespace, `undefined` members left out (as JSON.stringify does). The same data gives the
 * same text in any JavaScript engine. The digest uses Web Crypto, present in Node 20 and in browsers.
 */

/** The canonical JSON text of a JSON value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Lower-case hex sha256 of the text's UTF-8 bytes. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash a bundle must carry: over its canonical form without the `hash` member. */
export async function bundleHash(bundle: object): Promise<string> {
  const { hash: _hash, ...rest } = bundle as Record<string, unknown>;
  return `sha256:${await sha256Hex(canonicalJson(rest))}`;
}
