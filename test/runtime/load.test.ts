/** loadBundle refuses what it cannot trust, with a Dutch message that says what is wrong. */
import { describe, expect, it } from 'vitest';
import { bundleFromSources, serializeBundle } from '../../src/bundle/build.js';
import { bundleHash } from '../../src/runtime/canonical.js';
import { loadBundle } from '../../src/runtime/load.js';
import { readSources } from '../bundle/sources.js';

const build = await bundleFromSources(readSources());
if (!build.ok) throw new Error(build.error);
const text = serializeBundle(build.bundle);
const data = (): Record<string, unknown> & { versions: Record<string, unknown>[] } =>
  JSON.parse(text) as Record<string, unknown> & { versions: Record<string, unknown>[] };

async function refusal(input: unknown): Promise<string> {
  const load = await loadBundle(input);
  if (load.ok) throw new Error('accepted');
  return load.error;
}

describe('loadBundle', () => {
  it('loads the written bundle, from text (with a byte order mark) or parsed', async () => {
    expect((await loadBundle(text)).ok).toBe(true);
    expect((await loadBundle(`\ufeff${text}`)).ok).toBe(true);
    expect((await loadBundle(data())).ok).toBe(true);
  });

  it('refuses a bundle whose content no longer matches its hash', async () => {
    const d = data();
    const v = d.versions[0] as { tables: { cells: { value: string }[] }[] };
    (v.tables[0]?.cells[0] as { value: string }).value = '1.00';
    expect(await refusal(d)).toMatch(
      /^De inhoudshash van de bundel klopt niet \(in de bundel sha256:[0-9a-f]{64}, berekend sha256:[0-9a-f]{64}\)/,
    );
    expect(await refusal(text.replace('"2019-01-01"', '"2019-01-02"'))).toMatch(/inhoudshash/);
    expect(await refusal({ ...data(), hash: 'md5:abc' })).toMatch(/geen geldige inhoudshash/);
  });

  it('refuses an unknown format version, even with a matching hash', async () => {
    const d: Record<string, unknown> = { ...data(), formatVersion: 1 };
    d.hash = await bundleHash(d);
    expect(await refusal(d)).toBe(
      'Onbekende formaatversie 1 van de bundel; deze runtime leest formaatversie 2. Schrijf de bundel met dezelfde versie van regelwerk als de runtime.',
    );
  });

  it('refuses what is not a bundle, and a bundle without versions', async () => {
    expect(await refusal('{"a":')).toBe(
      'De bundel is geen geldige JSON. Schrijf hem opnieuw met `regelwerk bundle`.',
    );
    expect(await refusal('[]')).toMatch(/^Dit is geen regelwerk-bundel/);
    expect(await refusal(null)).toMatch(/^Dit is geen regelwerk-bundel/);
    const empty: Record<string, unknown> = { ...data(), versions: [] };
    empty.hash = await bundleHash(empty);
    expect(await refusal(empty)).toBe(
      "De bundel is onvolledig: 'versions' is geen lijst met ten minste één versie.",
    );
  });
});
