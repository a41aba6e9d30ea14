/** A rules file as bytes: its version tag, whether it is UTF-8, and reading it with its mode. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { showPath } from './file-names.js';

/** The version tag of a file's content (its bytes; a text counts as its UTF-8 bytes). */
export const versionTag = (content: string | Uint8Array): string =>
  createHash('sha256')
    .update(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)
    .digest('hex');

/** The text of valid UTF-8 bytes, or undefined. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Index of the first byte that is not part of valid UTF-8 (valid bytes re-encode to themselves). */
function firstInvalidByte(bytes: Uint8Array): number {
  const again = Buffer.from(Buffer.from(bytes).toString('utf8'), 'utf8');
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  return at;
}

/** Why a file that is not UTF-8 is read-only, in Dutch. */
export const notUtf8Message = (pad: string, bytes: Uint8Array): string => {
  const at = firstInvalidByte(bytes);
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return (
    `Het bestand '${showPath(pad)}' is geen geldige UTF-8 (regel ${line}, bijvoorbeeld Latin-1 of Windows-1252). ` +
    'Het is alleen-lezen geopend, zodat opslaan het niet beschadigt. Zet het om naar UTF-8 ' +
    `(bijvoorbeeld: iconv -f windows-1252 -t utf-8) en laad de editor opnieuw.`
  );
};

/** The bytes and permission bits of a file, or undefined when it does not exist. */
export async function readIfExists(full: string): Promise<{ bytes: Buffer; mode: number } | undefined> {
  try {
    const handle = await fs.open(full, 'r');
    try {
      const [bytes, stat] = await Promise.all([handle.readFile(), handle.stat()]);
      return { bytes, mode: stat.mode & 0o7777 };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
