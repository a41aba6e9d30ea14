/**
 * The package as an embedder gets it: `npm pack`, installed offline (`npm ci --offline` from npm's cache, with
 * a lockfile made from ours) into an empty project, then used from plain JavaScript (ESM) and from TypeScript
 * through `regelwerk` and `regelwerk/runtime`, and its bin writes a bundle. The runtime entry must work with
 * Chevrotain removed from the project. Needs the build (`npm run build`, which `npm test` runs first).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../bundle/sources.js';

const RULES = path.join(ROOT, 'rules/twents-model');
const CASE = path.join(RULES, 'voorbeelden/gezin-twee-resultaten.json');
let app = '';

const run = (cmd: string, args: string[], cwd = app): string =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

interface LockEntry {
  readonly dev?: boolean;
  readonly link?: boolean;
  readonly version?: string;
  readonly dependencies?: Record<string, string>;
}

beforeAll(async () => {
  for (const f of ['dist/src/index.js', 'dist/src/runtime/index.d.ts', 'dist/cli/main.js'])
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} ontbreekt: voer eerst 'npm run build' uit`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'regelwerk-pack-'));
  const out =
    run('npm', ['pack', '--silent', '--pack-destination', dir], ROOT).trim().split('\n').at(-1) ?? '';
  const tgz = path.join(dir, out);
  app = path.join(dir, 'app');
  run('mkdir', ['-p', app], dir);
  // The project's lockfile: the tarball plus our own lockfile's run-time packages, so npm installs offline.
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const self = lock.packages[''] ?? {};
  const integrity = `sha512-${crypto.createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { regelwerk: `file:${tgz}` } },
    'node_modules/regelwerk': {
      version: self.version,
      resolved: `file:${tgz}`,
      integrity,
      dependencies: self.dependencies,
      bin: { regelwerk: 'bin/regelwerk.mjs' },
    },
  };
  for (const [k, v] of Object.entries(lock.packages))
    if (k.startsWith('node_modules/') && !v.dev && !v.link) packages[k] = v;
  writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({
      name: 'app',
      private: true,
      type: 'module',
      dependencies: { regelwerk: `file:${tgz}` },
    }),
  );
  writeFileSync(
    path.join(app, 'package-lock.json'),
    JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }),
  );
  run('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error']);
}, 300_000);

describe('npm pack → install → use', () => {
  it('ships the library, the runtime, types and the CLI, not the sources or tests', () => {
    const pkg = path.join(app, 'node_modules/regelwerk');
    expect(existsSync(path.join(pkg, 'dist/src/runtime/index.d.ts'))).toBe(true);
    expect(existsSync(path.join(pkg, 'src'))).toBe(false);
    expect(existsSync(path.join(pkg, 'test'))).toBe(false);
  });

  it('works from plain JavaScript (ESM): compile and evaluate with regelwerk, write a bundle with the bin', () => {
    writeFileSync(
      path.join(app, 'full.mjs'),
      `import { readFileSync, readdirSync } from 'node:fs';
import { bundleFromSources, compile, createEngine, serializeBundle } from 'regelwerk';
const dir = ${JSON.stringify(RULES)};
const sources = readdirSync(dir).filter((f) => f.endsWith('.regels')).map((f) => ({ path: f, text: readFileSync(dir + '/' + f, 'utf8') }));
const result = compile(sources);
if (!result.ok) throw new Error('compile');
const ev = await createEngine(result.programs).evaluate(JSON.parse(readFileSync(${JSON.stringify(CASE)}, 'utf8')));
const bundle = await bundleFromSources(sources);
console.log(JSON.stringify({ ok: ev.ok, total: ev.total, hash: bundle.ok && bundle.bundle.hash, size: bundle.ok && serializeBundle(bundle.bundle).length }));
`,
    );
    const out = JSON.parse(run('node', ['full.mjs'])) as { ok: boolean; total: string; hash: string };
    expect(out.ok).toBe(true);
    expect(out.total).toMatch(/^\d+\.\d\d$/);
    expect(out.hash).toMatch(/^sha256:/);
    run(path.join(app, 'node_modules/.bin/regelwerk'), [
      'bundle',
      '--regels',
      RULES,
      '-o',
      'twents.bundle.json',
    ]);
    expect(JSON.parse(readFileSync(path.join(app, 'twents.bundle.json'), 'utf8'))).toMatchObject({
      format: 'regelwerk-bundel',
      formatVersion: 2,
    });
  });

  it('works from TypeScript with both entries (types checked by tsc, then run)', () => {
    writeFileSync(
      path.join(app, 'main.ts'),
      `import { readFileSync } from 'node:fs';
import { createEngine, type Evaluation } from 'regelwerk';
import { loadBundle, type BundleRuntime } from 'regelwerk/runtime';
const load = await loadBundle(readFileSync('twents.bundle.json', 'utf8'));
if (!load.ok) throw new Error(load.error);
const runtime: BundleRuntime = load.runtime;
const casus: unknown = JSON.parse(readFileSync(${JSON.stringify(CASE)}, 'utf8'));
const fromBundle: Evaluation = await runtime.evaluate(casus, { explain: true });
const compiled = createEngine(runtime.bundle.versions.map((v) => v.program));
const direct: Evaluation = await compiled.evaluate(casus, { explain: true });
console.log(JSON.stringify({ same: JSON.stringify(fromBundle) === JSON.stringify(direct), total: fromBundle.ok ? fromBundle.total : null }));
`,
    );
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
          skipLibCheck: false,
          outDir: 'out',
        },
        files: ['main.ts'],
      }),
    );
    run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    const out = JSON.parse(run('node', ['out/main.js'])) as { same: boolean; total: string };
    expect(out).toEqual({ same: true, total: expect.stringMatching(/^\d+\.\d\d$/) });
  });

  it('regelwerk/runtime evaluates a bundle from plain JavaScript with Chevrotain gone from the project', () => {
    writeFileSync(
      path.join(app, 'runtime.mjs'),
      `import { readFileSync } from 'node:fs';
import { loadBundle } from 'regelwerk/runtime';
const load = await loadBundle(readFileSync('twents.bundle.json', 'utf8'));
if (!load.ok) throw new Error(load.error);
const ev = await load.runtime.explain(JSON.parse(readFileSync(${JSON.stringify(CASE)}, 'utf8')));
const tampered = await loadBundle(readFileSync('twents.bundle.json', 'utf8').replace('"2019-01-01"', '"2019-01-02"'));
console.log(JSON.stringify({ ok: ev.ok, explained: ev.ok && ev.explanation !== undefined, refused: tampered.ok ? '' : tampered.error }));
`,
    );
    const chevrotain = path.join(app, 'node_modules/chevrotain');
    renameSync(chevrotain, `${chevrotain}-weg`);
    try {
      expect(() => run('node', ['-e', "await import('regelwerk')", '--input-type=module'])).toThrow();
      const out = JSON.parse(run('node', ['runtime.mjs'])) as {
        ok: boolean;
        explained: boolean;
        refused: string;
      };
      expect(out).toEqual({
        ok: true,
        explained: true,
        refused: expect.stringMatching(/^De inhoudshash van de bundel klopt niet/),
      });
    } finally {
      renameSync(`${chevrotain}-weg`, chevrotain);
    }
  });
});
