/**
 * regelwerk/runtime loads without the compiler: bundled from its entry, the module graph holds neither
 * Chevrotain nor the parser or checker (the full entry, for contrast, holds all three).
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../bundle/sources.js';

async function inputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    external: ['node:*'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const COMPILER = /node_modules\/(chevrotain|@chevrotain)\/|^dsl\/(syntax|check|ast\/from-cst)/;

describe('runtime entry', () => {
  it('pulls in neither chevrotain nor dsl/syntax nor dsl/check', async () => {
    const files = await inputs('src/runtime/index.ts');
    expect(files.some((f) => f.startsWith('src/engine/'))).toBe(true);
    expect(files.filter((f) => COMPILER.test(f))).toEqual([]);
  });

  it('(the full entry does include the compiler)', async () => {
    const files = await inputs('src/index.ts');
    expect(files.some((f) => f.includes('node_modules/chevrotain/'))).toBe(true);
    expect(files.some((f) => f.startsWith('dsl/check/'))).toBe(true);
  });
});
