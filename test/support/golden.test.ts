/** The golden helper fails on a missing golden file (it does not write one) unless asked to update. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden.js';

describe('expectGolden', () => {
  const dir = mkdtempSync(join(tmpdir(), 'regelwerk-golden-'));

  it('fails on a missing golden file and does not create it', () => {
    const file = join(dir, 'ontbreekt.errors.txt');
    expect(() => expectGolden(file, 'iets\n', false)).toThrow(/golden-bestand ontbreekt/);
    expect(existsSync(file)).toBe(false);
  });

  it('fails on a different text and passes on the same', () => {
    const file = join(dir, 'er.errors.txt');
    writeFileSync(file, 'a\n');
    expect(() => expectGolden(file, 'b\n', false)).toThrow();
    expectGolden(file, 'a\n', false);
  });
});

describe('expectGolden with update', () => {
  it('writes the golden file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'regelwerk-golden-')), 'nieuw.errors.txt');
    expectGolden(file, 'nieuw\n', true);
    expect(readFileSync(file, 'utf8')).toBe('nieuw\n');
  });
});
