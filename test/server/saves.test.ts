/**
 * Saves that hold (issue 9, items 4–6): one lock per real file (a symlinked folder alias is the same file),
 * the file's mode kept, non-UTF-8 files never rewritten, sound names, long names saved, short body timeouts,
 * leftovers of killed processes removed at startup. Two processes and kill -9: processes.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../dsl/index.js';
import { startServer, type RunningServer } from '../../src/server/http-server.js';
import { versionTag } from '../../src/server/rules-store.js';
import { lockPathFor } from '../../src/server/file-lock.js';
import { putSave, rawRequest } from './helpers.js';

let dir: string;
let rules: string;
let server: RunningServer | undefined;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'regelwerk-saves-'));
  rules = path.join(dir, 'rules');
  await fs.mkdir(path.join(rules, 'almelo'), { recursive: true });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await server?.close();
});

async function start(extra: { bodyTimeoutMs?: number } = {}): Promise<RunningServer> {
  server = await startServer({ rulesDir: rules, appDir: undefined, host: '127.0.0.1', port: 0, ...extra });
  return server;
}

const get = async (pad: string) => {
  const res = await rawRequest(`${server?.url}/api/bestand?pad=${encodeURIComponent(pad)}`, {});
  return { status: res.status, body: JSON.parse(res.body) as Record<string, unknown> };
};

// Leftovers of the editor (temporary files, locks); the rules folder's own git repository and its .gitignore stay.
const hidden = async (folder: string) =>
  (await fs.readdir(folder)).filter((n) => n.startsWith('.') && n !== '.git' && n !== '.gitignore');

describe('one save wins', () => {
  it('through a symlinked folder alias: the same file, exactly one of two saves wins, every round', async () => {
    await fs.symlink(path.join(rules, 'almelo'), path.join(rules, 'alias'));
    const s = await start();
    for (let round = 0; round < 12; round++) {
      const start = `ronde ${round}\n`;
      await fs.writeFile(path.join(rules, 'almelo', 'a.regels'), start);
      const statuses = await Promise.all([
        putSave(s.url, 'almelo/a.regels', `via almelo ${round}\n`, versionTag(start)),
        putSave(s.url, 'alias/a.regels', `via alias ${round}\n`, versionTag(start)),
      ]);
      expect(statuses.sort(), `ronde ${round}`).toEqual([200, 409]);
      expect(await fs.readFile(path.join(rules, 'almelo', 'a.regels'), 'utf8')).toMatch(
        /^via (almelo|alias)/,
      );
    }
    expect(await hidden(path.join(rules, 'almelo'))).toEqual([]);
  });
});

describe('what a save keeps', () => {
  it.each([0o600, 0o640, 0o664])('keeps mode %o', async (mode) => {
    const file = path.join(rules, 'geheim.regels');
    await fs.writeFile(file, 'oud\n');
    await fs.chmod(file, mode);
    const s = await start();
    expect(await putSave(s.url, 'geheim.regels', 'nieuw\n', versionTag('oud\n'))).toBe(200);
    expect(await fs.readFile(file, 'utf8')).toBe('nieuw\n');
    expect((await fs.stat(file)).mode & 0o777).toBe(mode);
  });

  it('opens a Latin-1 file read-only with a Dutch message, and never rewrites it', async () => {
    const bytes = Buffer.from('regelset "Twents Model"\n// tarief voor caf\xe9 en cr\xe8che\n', 'latin1');
    const file = path.join(rules, 'latin1.regels');
    await fs.writeFile(file, bytes);
    const s = await start();
    const read = await get('latin1.regels');
    expect(read.status).toBe(200);
    expect(read.body.alleenLezen).toBe(true);
    expect(read.body.melding).toMatch(/geen geldige UTF-8 \(regel 2.*alleen-lezen/);
    // The editor's Problemen shows it as RW9001 by this code, not by the message's wording.
    expect(read.body.code).toBe('RW9001');
    expect(CATALOG.RW9001.severity).toBe('fout');
    expect(read.body.inhoud).toContain('café en crèche');
    expect(read.body.versie).toBe(versionTag(bytes));
    // Saving it back unchanged (what the old server did with U+FFFD) is refused; the bytes stay.
    const save = await rawRequest(`${s.url}/api/bestand?pad=latin1.regels`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ inhoud: read.body.inhoud, versie: read.body.versie }),
    });
    expect(save.status).toBe(422);
    expect(JSON.parse(save.body)).toMatchObject({
      fout: expect.stringMatching(/geen geldige UTF-8/),
      code: 'RW9001',
    });
    expect(Buffer.compare(await fs.readFile(file), bytes)).toBe(0);
    expect((await get('almelo/../latin1.regels')).status).toBe(400);
  });

  it('reads and saves UTF-8 with a BOM and non-ASCII text unchanged', async () => {
    const text = '\ufeffregelset "Twents Model" // crèche € 12,50\n';
    await fs.writeFile(path.join(rules, 'bom.regels'), text);
    const s = await start();
    const read = await get('bom.regels');
    expect(read.body).toMatchObject({ inhoud: text, alleenLezen: false, versie: versionTag(text) });
    expect(await putSave(s.url, 'bom.regels', `${text}// meer\n`, versionTag(text))).toBe(200);
  });
});

describe('names', () => {
  it.each([240, 250])('saves an existing file with a %i-character name (short temporary name)', async (n) => {
    const name = `${'t'.repeat(n - '.regels'.length)}.regels`;
    await fs.writeFile(path.join(rules, name), 'oud\n');
    const s = await start();
    expect((await get(name)).status).toBe(200);
    expect(await putSave(s.url, name, 'nieuw\n', versionTag('oud\n'))).toBe(200);
    expect(await fs.readFile(path.join(rules, name), 'utf8')).toBe('nieuw\n');
    expect(await hidden(rules)).toEqual([]);
  });

  it('refuses a 300-character name with a Dutch 400, not a 500', async () => {
    const s = await start();
    const name = `${'x'.repeat(300)}.regels`;
    const res = await rawRequest(`${s.url}/api/bestand?pad=${name}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ inhoud: 'x', versie: null }),
    });
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as { fout: string }).fout).toMatch(/te lang \(hooguit 255 bytes/);
  });

  it('leaves names with control or bidi characters or <> out of the listing', async () => {
    for (const name of ['goed.regels', 'regel\neinde.regels', 'om\u202Ekeren.regels', '<b>.regels']) {
      await fs.writeFile(path.join(rules, name), 'x');
    }
    const s = await start();
    const res = await rawRequest(`${s.url}/api/bestanden`, {});
    const names = (JSON.parse(res.body) as { kinderen: { naam: string }[] }).kinderen.map((k) => k.naam);
    expect(names).toEqual(['goed.regels']);
  });
});

describe('slow bodies', () => {
  it('answers a body that stops arriving with a Dutch 408 and closes the connection', async () => {
    await fs.writeFile(path.join(rules, 'a.regels'), 'oud\n');
    const s = await start({ bodyTimeoutMs: 300 });
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(s.port, '127.0.0.1');
      let data = '';
      socket.on('data', (c: Buffer) => (data += c.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
      socket.write(
        `PUT /api/bestand?pad=a.regels HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"inhoud": "half',
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toMatch(/kwam niet binnen/);
    expect(await fs.readFile(path.join(rules, 'a.regels'), 'utf8')).toBe('oud\n');
  });
});

describe('leftovers of killed processes', () => {
  it('removes temporary files of dead processes and stale locks at startup, keeps those of live ones', async () => {
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    const deadTemp = path.join(rules, 'almelo', `.regelwerk-${dead}-0123456789ab.tmp`);
    const liveTemp = path.join(rules, `.regelwerk-${process.ppid}-0123456789ab.tmp`);
    const oldStyle = path.join(rules, '.2019.regels.a1b2c3d4e5f6.tmp');
    for (const f of [deadTemp, liveTemp, oldStyle]) await fs.writeFile(f, 'half');
    const longAgo = new Date(Date.now() - 120_000);
    await fs.utimes(oldStyle, longAgo, longAgo);
    await fs.writeFile(path.join(rules, 'b.regels'), 'oud\n');
    const staleLock = lockPathFor(path.join(await fs.realpath(rules), 'b.regels'));
    await fs.mkdir(staleLock);
    await fs.utimes(staleLock, longAgo, longAgo);
    const s = await start();
    expect((await hidden(rules)).sort()).toEqual([path.basename(liveTemp)]);
    expect(await hidden(path.join(rules, 'almelo'))).toEqual([]);
    expect(await putSave(s.url, 'b.regels', 'nieuw\n', versionTag('oud\n'))).toBe(200);
  });

  it('takes over a lock whose holder stopped refreshing it', async () => {
    await fs.writeFile(path.join(rules, 'c.regels'), 'oud\n');
    const s = await start();
    const lock = lockPathFor(path.join(await fs.realpath(rules), 'c.regels'));
    await fs.mkdir(lock);
    const longAgo = new Date(Date.now() - 120_000);
    await fs.utimes(lock, longAgo, longAgo);
    expect(await putSave(s.url, 'c.regels', 'nieuw\n', versionTag('oud\n'))).toBe(200);
    expect(await hidden(rules)).toEqual([]);
  });
});
