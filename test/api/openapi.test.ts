/**
 * GET /openapi.json: a valid OpenAPI 3.1 document (checked with @seriousme/openapi-schema-validator), generated
 * from the same schemas the routes use, and every example in it is a request the API accepts.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startApi, tmpDir, writeBundle } from './harness.js';
import type { Running } from './harness.js';

let api: Running;
let doc: {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

beforeAll(async () => {
  const { file } = await writeBundle(await tmpDir());
  api = await startApi(['--bundel', file]);
  doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as typeof doc;
}, 90_000);

afterAll(async () => {
  await api.stop();
});

describe('GET /openapi.json', () => {
  it('validates as OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route, with the case schema as components', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/gereed',
        '/gezond',
        '/openapi.json',
        '/v1/evaluaties',
        '/v1/evaluaties/batch',
        '/v1/schema/casus',
        '/v1/uitleg',
        '/v1/versies',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Casus', 'Resultaat', 'Module', 'Periode', 'Probleem', 'Evaluatie']),
    );
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('has examples, and the API accepts every one of them', async () => {
    let count = 0;
    for (const [p, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const examples = op.requestBody?.content['application/json']?.examples ?? {};
        for (const [name, ex] of Object.entries(examples)) {
          expect(method).toBe('post');
          const res = await post(`${api.url}${p}`, ex.value);
          expect(res.status, `${p} ${name}: ${await res.clone().text()}`).toBe(200);
          count++;
        }
      }
    expect(count).toBeGreaterThanOrEqual(4);
  });
});
