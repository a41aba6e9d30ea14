/**
 * The HTTP API against a started server (`regelwerk api --bundel …`, a real process): every route, every error
 * shape, the limits, the bundle named in every response, structured logs, and the same Dutch field messages as
 * the CLI's `eval --json`.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/runtime/load.js';
import type { BundleRuntime } from '../../src/runtime/load.js';
import type { Bundle } from '../../src/runtime/format.js';
import { ROOT } from '../bundle/sources.js';
import { post, startApi, tmpDir, writeBundle } from './harness.js';
import type { Running } from './harness.js';

const EXAMPLES = path.join(ROOT, 'rules/twents-model/voorbeelden');
const readJson = async (name: string): Promise<unknown> =>
  (await import(path.join(EXAMPLES, name), { with: { type: 'json' } })).default as unknown;

let api: Running;
let bundle: Bundle;
let runtime: BundleRuntime;
let casus: Record<string, unknown>;

beforeAll(async () => {
  const dir = await tmpDir();
  const written = await writeBundle(dir);
  bundle = written.bundle;
  const load = await loadBundle(bundle);
  if (!load.ok) throw new Error(load.error);
  runtime = load.runtime;
  casus = (await readJson('gezin-twee-resultaten.json')) as Record<string, unknown>;
  api = await startApi(['--bundel', written.file, '--max-batch', '5']);
}, 90_000);

afterAll(async () => {
  expect(await api.stop()).toBe(0);
});

const expectBundleHeaders = (res: Response) => {
  expect(res.headers.get('regelwerk-bundel-hash')).toBe(bundle.hash);
  expect(res.headers.get('regelwerk-bundel-versie')).toBe('2022');
  expect(decodeURIComponent(res.headers.get('regelwerk-bundel') ?? '')).toBe('Twents Model');
};

const expectProblem = async (res: Response, status: number, type: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expectBundleHeaders(res);
  const body = (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    diagnostics?: { message: string; path?: string }[];
  };
  expect(body).toMatchObject({ type, status });
  expect(body.title).toMatch(/^[A-Z]/);
  expect(body.detail).not.toMatch(/\b(error|invalid|expected|must)\b/i);
  return body;
};

/** A raw request with a Host (and other headers) of our choosing. */
function raw(
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path: pathname, headers },
      (res) => {
        let data = '';
        res.on('data', (d: Buffer) => (data += d.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('regelwerk api: routes', () => {
  it('POST /v1/evaluaties prices one case as the runtime does, naming the bundle', async () => {
    const res = await post(`${api.url}/v1/evaluaties`, casus);
    expect(res.status).toBe(200);
    expectBundleHeaders(res);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      bundel: { ruleset: 'Twents Model', versie: '2022', hash: bundle.hash },
      ...(await runtime.evaluate(casus)),
    });
    expect(body).toMatchObject({
      ok: true,
      version: '2019',
      total: expect.stringMatching(/^[1-9]\d*\.\d\d$/),
    });
  });

  it('POST /v1/evaluaties/batch prices every case, in order', async () => {
    const other = (await readJson('over-versiegrens-2020-2021.json')) as Record<string, unknown>;
    const res = await post(`${api.url}/v1/evaluaties/batch`, { gevallen: [casus, other, casus] });
    expect(res.status).toBe(200);
    expectBundleHeaders(res);
    const body = (await res.json()) as { resultaten: unknown[]; bundel: unknown };
    expect(body.resultaten).toEqual([
      await runtime.evaluate(casus),
      await runtime.evaluate(other),
      await runtime.evaluate(casus),
    ]);
  });

  it('POST /v1/uitleg explains every amount, as data and as text', async () => {
    const res = await post(`${api.url}/v1/uitleg`, casus);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { explanation: unknown; tekst: string };
    expect(body.explanation).toEqual(
      ((await runtime.explain(casus)) as { explanation: unknown }).explanation,
    );
    expect(body.tekst).toContain('weektarief');
  });

  it('GET /v1/versies lists every version with dates, status and bron', async () => {
    const res = await fetch(`${api.url}/v1/versies`);
    expectBundleHeaders(res);
    const body = (await res.json()) as {
      versions: { version: string; municipality: string | null; validFrom: string }[];
    };
    expect(body.versions.map((v) => v.version)).toEqual([
      '2019',
      '2019-almelo',
      '2020',
      '2021-01',
      '2021-07',
      '2022',
    ]);
    expect(body.versions[1]).toMatchObject({ municipality: 'Almelo', validFrom: '2019-01-01' });
  });

  it('GET /v1/schema/casus gives the case schema', async () => {
    const res = await fetch(`${api.url}/v1/schema/casus`);
    expect(res.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    expect(await res.json()).toEqual(bundle.caseSchema);
  });

  it('GET /gezond and /gereed answer, and the browsable documentation is served locally', async () => {
    for (const p of ['/gezond', '/gereed']) {
      const res = await fetch(`${api.url}${p}`);
      expect(res.status).toBe(200);
      expectBundleHeaders(res);
    }
    const page = await fetch(`${api.url}/docs/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    // Every script and stylesheet comes from this server, none from a CDN.
    expect(
      [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1])
        .filter((u) => /^(https?:)?\/\//.test(u ?? '')),
    ).toEqual([]);
    // In Dutch as far as Swagger UI allows: the title, and a script that translates its fixed labels.
    expect(html).toMatch(/<title>regelwerk API: documentatie<\/title>/);
    const script = [...html.matchAll(/src="([^"]*nederlands\.js)"/g)].map((m) => m[1])[0];
    expect(script).toBeDefined();
    const js = await (await fetch(new URL(script ?? '', `${api.url}/docs/`))).text();
    expect(js).toContain('"Try it out":"Uitproberen"');
    const spec = await fetch(`${api.url}/docs/json`);
    expect(((await spec.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('writes structured logs: one JSON object per line with the request id and status', () => {
    const entries = api.stdout.filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(3);
    expect(
      entries.some(
        (e) =>
          typeof e.reqId === 'string' && (e.res as { statusCode?: number } | undefined)?.statusCode === 200,
      ),
    ).toBe(true);
  });
});

describe('regelwerk api: errors', () => {
  it('an invalid case: 400 problem+json with the same Dutch field messages as regelwerk eval --json', async () => {
    const file = path.join(EXAMPLES, 'ongeldig-bandbreedte.json');
    const res = await post(`${api.url}/v1/evaluaties`, await readJson('ongeldig-bandbreedte.json'));
    const body = await expectProblem(res, 400, '/problemen/ongeldige-invoer');
    const cli = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/regelwerk.mjs'),
        'eval',
        '--json',
        '--regels',
        'rules/twents-model',
        '--casus',
        file,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const cliDiagnostics = (JSON.parse(cli.stdout) as { diagnostics: { message: string }[] }).diagnostics.map(
      (d) => d.message,
    );
    expect(body.diagnostics?.map((d) => d.message)).toEqual(cliDiagnostics);
    expect(body.diagnostics?.[0]?.path).toBe('resultaten[0].bandbreedte');
  });

  it('a missing field, a wrong type and an unknown value are named by path', async () => {
    const { gemeente: _g, ...zonder } = casus;
    const body = await expectProblem(
      await post(`${api.url}/v1/uitleg`, { ...zonder, wet: 'belasting', resultaten: 'geen lijst' }),
      400,
      '/problemen/ongeldige-invoer',
    );
    const messages = body.diagnostics?.map((d) => d.message).join('\n') ?? '';
    expect(messages).toMatch(/^gemeente: ontbreekt/m);
    expect(messages).toMatch(/^wet: onbekende waarde 'belasting'/m);
    expect(messages).toMatch(/^resultaten: 'geen lijst' is geen lijst/m);
  });

  it('a batch with an invalid case: nothing computed, each problem prefixed with gevallen[i]', async () => {
    const bad = await readJson('ongeldig-bandbreedte.json');
    const body = await expectProblem(
      await post(`${api.url}/v1/evaluaties/batch`, { gevallen: [casus, bad] }),
      400,
      '/problemen/ongeldige-invoer',
    );
    expect(body.diagnostics?.[0]?.message).toMatch(/^gevallen\[1\]\.resultaten\[0\]\.bandbreedte: /);
    await expectProblem(
      await post(`${api.url}/v1/evaluaties/batch`, { gevallen: [] }),
      400,
      '/problemen/ongeldige-invoer',
    );
    await expectProblem(
      await post(`${api.url}/v1/evaluaties/batch`, [casus]),
      400,
      '/problemen/ongeldige-invoer',
    );
  });

  it('malformed JSON, another media type, an unknown address', async () => {
    await expectProblem(await post(`${api.url}/v1/evaluaties`, '{"gemeente": '), 400, '/problemen/geen-json');
    await expectProblem(
      await post(`${api.url}/v1/evaluaties`, 'gemeente=Borne', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      '/problemen/verkeerd-mediatype',
    );
    // JSON sent as text/plain is refused for its media type, not read as a string.
    await expectProblem(
      await post(`${api.url}/v1/evaluaties`, '{}', { 'content-type': 'text/plain' }),
      415,
      '/problemen/verkeerd-mediatype',
    );
    await expectProblem(await fetch(`${api.url}/v2/iets`), 404, '/problemen/onbekend-adres');
    await expectProblem(await fetch(`${api.url}/v1/evaluaties`), 404, '/problemen/onbekend-adres');
  });

  it('refuses a foreign Host (DNS rebinding) and a cross-site write', async () => {
    const foreign = await raw('GET', '/gezond', { host: 'evil.example' });
    expect(foreign.status).toBe(421);
    expect(JSON.parse(foreign.body)).toMatchObject({ type: '/problemen/verkeerde-host' });
    expect((await raw('GET', '/gezond', { host: 'localhost' })).status).toBe(200);
    const body = JSON.stringify(casus);
    const cross = await raw(
      'POST',
      '/v1/evaluaties',
      { host: new URL(api.url).host, origin: 'https://evil.example', 'content-type': 'application/json' },
      body,
    );
    expect(cross.status).toBe(403);
    const site = await raw(
      'POST',
      '/v1/evaluaties',
      { host: new URL(api.url).host, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body,
    );
    expect(site.status).toBe(403);
    const own = await raw(
      'POST',
      '/v1/evaluaties',
      { host: new URL(api.url).host, origin: api.url, 'content-type': 'application/json' },
      body,
    );
    expect(own.status).toBe(200);
  });
});

describe('regelwerk api: limits', () => {
  it('refuses more cases per batch than allowed (--max-batch 5)', async () => {
    const body = await expectProblem(
      await post(`${api.url}/v1/evaluaties/batch`, { gevallen: Array(6).fill(casus) }),
      400,
      '/problemen/ongeldige-invoer',
    );
    expect(body.detail).toBe(
      'Te veel gevallen in één verzoek (6); hooguit 5. Verdeel ze over meer verzoeken.',
    );
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = { ...casus, opmerking: 'x'.repeat(1024 * 1024) };
    const body = await expectProblem(await post(`${api.url}/v1/evaluaties`, big), 413, '/problemen/te-groot');
    expect(body.detail).toBe('Het verzoek is te groot; hooguit 1024 KiB.');
  });

  it('refuses a case with more items than the engine takes', async () => {
    const r = (casus.resultaten as unknown[])[0];
    const body = await expectProblem(
      await post(`${api.url}/v1/evaluaties`, { ...casus, resultaten: Array(1001).fill(r) }),
      400,
      '/problemen/ongeldige-invoer',
    );
    expect(body.diagnostics?.[0]?.message).toMatch(/^resultaten: /);
  });
});
