/**
 * Operations: a new bundle loads without downtime (SIGHUP and POST /beheer/herladen), a broken one is refused
 * while the old one keeps serving, the optional API key, and the time limit of a batch.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../bundle/sources.js';
import { post, startApi, tmpDir, writeBundle } from './harness.js';
import type { Running } from './harness.js';

const running: Running[] = [];
afterAll(async () => {
  for (const r of running) await r.stop();
});

const casus = {
  gemeente: 'Borne',
  wet: 'jeugdwet',
  geboortedatum: '2012-09-30',
  ingangsdatum: '2019-02-01',
  verwijzer: 'toegang',
  resultaten: [
    {
      id: 'r1',
      perspectief: 'ontwikkelen',
      ondersteuningsbehoefte: 'OB2',
      intensiteit: 'midden',
      bandbreedte: 'C',
      periode: { van: '2019-02-01', tot: '2019-07-31' },
    },
  ],
};

const waitFor = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
};

describe('regelwerk api: reloading a bundle', () => {
  it('swaps to a new bundle on SIGHUP and via /beheer/herladen, with no failed request; refuses a broken one', async () => {
    const dir = await tmpDir();
    const a = await writeBundle(dir, 'a.json');
    const b = await writeBundle(dir, 'b.json', path.join(ROOT, 'test/fixtures/versions/good/keten'));
    const served = path.join(dir, 'served.json');
    await copyFile(a.file, served);
    const api = await startApi(['--bundel', served]);
    running.push(api);
    const hash = async () => (await fetch(`${api.url}/gezond`)).headers.get('regelwerk-bundel-hash');
    expect(await hash()).toBe(a.bundle.hash);

    // Requests keep flowing while the bundle changes under them.
    let stop = false;
    const statuses: number[] = [];
    const traffic = (async () => {
      while (!stop) statuses.push((await post(`${api.url}/v1/evaluaties`, casus)).status);
    })();

    await copyFile(b.file, served);
    api.proc.kill('SIGHUP');
    await waitFor(async () => (await hash()) === b.bundle.hash);

    await copyFile(a.file, served);
    // As an operator does it: `curl -X POST …/beheer/herladen`, no body and no content type.
    const res = await fetch(`${api.url}/beheer/herladen`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'herladen',
      gewijzigd: true,
      bundel: { hash: a.bundle.hash },
    });
    expect(res.headers.get('regelwerk-bundel-hash')).toBe(a.bundle.hash);
    stop = true;
    await traffic;
    // The case is valid for the Twents Model; the other bundle's ruleset refuses it (400) - never a 5xx or a reset.
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 400)).toEqual([]);

    await writeFile(served, '{"format":"regelwerk-bundel","formatVersion":1,"hash":"sha256:00"}');
    const bad = await fetch(`${api.url}/beheer/herladen`, { method: 'POST' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(
      /De vorige bundel blijft in gebruik\.$/,
    );
    expect(await hash()).toBe(a.bundle.hash);
    expect((await post(`${api.url}/v1/evaluaties`, casus)).status).toBe(200);
  }, 120_000);
});

describe('regelwerk api: API key and time limit', () => {
  it('asks for the key on /v1 and /beheer, not on /gezond, /gereed, /openapi.json', async () => {
    const { file } = await writeBundle(await tmpDir());
    const api = await startApi(['--bundel', file, '--tijdslimiet', '0.001'], {
      REGELWERK_API_SLEUTEL: 'geheim-123',
    });
    running.push(api);
    const none = await post(`${api.url}/v1/evaluaties`, casus);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect((await post(`${api.url}/v1/evaluaties`, casus, { authorization: 'Bearer fout' })).status).toBe(
      401,
    );
    expect(
      (await post(`${api.url}/v1/evaluaties`, casus, { authorization: 'Bearer geheim-123' })).status,
    ).toBe(200);
    expect((await post(`${api.url}/v1/evaluaties`, casus, { 'x-api-sleutel': 'geheim-123' })).status).toBe(
      200,
    );
    expect((await fetch(`${api.url}/beheer/herladen`, { method: 'POST' })).status).toBe(401);
    for (const p of ['/gezond', '/gereed', '/openapi.json'])
      expect((await fetch(`${api.url}${p}`)).status).toBe(200);
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as {
      components: { securitySchemes?: unknown };
    };
    expect(doc.components.securitySchemes).toBeDefined();

    // A batch that cannot finish within the time limit (1 ms) is stopped with 503.
    const slow = await post(
      `${api.url}/v1/evaluaties/batch`,
      { gevallen: Array(1000).fill(casus) },
      { authorization: 'Bearer geheim-123' },
    );
    expect(slow.status).toBe(503);
    expect(await slow.json()).toMatchObject({ type: '/problemen/tijdslimiet' });
  }, 120_000);
});
