/** `regelwerk serve` on the command line: its options, and Dutch refusals of wrong use (exit 2). */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, rawRequest, startServerProcess, type ServerProcess } from './helpers.js';

let dir: string;
let server: ServerProcess | undefined;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-serve-'));
  await fs.writeFile(path.join(dir, '2019.regels'), 'regelset "Twents Model"\n');
});

afterAll(async () => {
  await server?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/regelwerk.mjs', 'serve', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });

describe('regelwerk serve', () => {
  it('answers the names given with --naam, and no others', async () => {
    server = await startServerProcess(dir, ['--naam', 'regels.gemeente.example']);
    const port = new URL(server.url).port;
    const named = await rawRequest(`${server.url}/api/bestanden`, {
      headers: { Host: `regels.gemeente.example:${port}` },
    });
    expect(named.status).toBe(200);
    // Behind a reverse proxy on port 80/443 the name comes without a port.
    const bare = await rawRequest(`${server.url}/api/bestanden`, {
      headers: { Host: 'regels.gemeente.example' },
    });
    expect(bare.status).toBe(200);
    const other = await rawRequest(`${server.url}/api/bestanden`, {
      headers: { Host: `andere.example:${port}` },
    });
    expect(other.status).toBe(421);
    const otherBare = await rawRequest(`${server.url}/api/bestanden`, {
      headers: { Host: 'andere.example' },
    });
    expect(otherBare.status).toBe(421);
  });

  it.each([
    [['--regels', '/bestaat/niet'], /bestaat niet/],
    [['--naam', 'a b'], /geef bij --naam een hostnaam op/],
    [['--poort', '1'], /onbekende optie '--poort'/],
  ])('refuses %j with a Dutch message and exit 2', (args, message) => {
    const result = run(...args, '--niet-bouwen');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('explains its options with --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--naam hostnaam/);
  });
});
