/**
 * Which names the editor may show, read and create. Names with control characters, bidirectional
 * overrides (which can make `evil.regels.exe` look like something else) or `<>` are refused, as are names
 * longer than the file system allows. Existing names up to that limit are fine: temporary files get a short
 * name of their own (see atomic-write.ts).
 */

/** Longest name of one file or folder, in UTF-8 bytes (ext4, xfs, btrfs, APFS: 255). */
export const MAX_NAME_BYTES = 255;
/** Longest path relative to the rules folder, in UTF-8 bytes. */
export const MAX_PATH_BYTES = 1024;

// C0/C1 controls and DEL; bidi marks, embeddings, overrides and isolates; the Arabic letter mark.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const ANGLE = /[<>]/u;

/** Why a single name (no `/`) may not be used, in Dutch, or undefined when it is fine. */
export function nameProblem(name: string): string | undefined {
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) {
    return `de naam is te lang (hooguit ${MAX_NAME_BYTES} bytes, dit is ${Buffer.byteLength(name, 'utf8')})`;
  }
  if (CONTROL.test(name)) return 'de naam bevat een stuurteken (zoals een regeleinde of tab)';
  if (BIDI.test(name)) {
    return 'de naam bevat een teken dat de schrijfrichting omkeert (zoals U+202E), waardoor hij anders lijkt dan hij is';
  }
  if (ANGLE.test(name)) return "de naam bevat '<' of '>'";
  return undefined;
}

/** Why a relative path may not be used, or undefined. Checks every segment. */
export function pathProblem(relPath: string): string | undefined {
  if (Buffer.byteLength(relPath, 'utf8') > MAX_PATH_BYTES) {
    return `het pad is te lang (hooguit ${MAX_PATH_BYTES} bytes)`;
  }
  for (const segment of relPath.split('/')) {
    const problem = nameProblem(segment);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The path for a message: shortened, with control and bidi characters made visible. */
export function showPath(relPath: string): string {
  const visible = [...relPath]
    .map((c) => (CONTROL.test(c) || BIDI.test(c) ? `\\u{${c.codePointAt(0)?.toString(16) ?? ''}}` : c))
    .join('');
  const chars = [...visible];
  return chars.length > 80 ? `${chars.slice(0, 60).join('')}…${chars.slice(-15).join('')}` : visible;
}
