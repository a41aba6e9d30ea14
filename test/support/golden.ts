/**
 * Golden files: a test's output compared with a file kept in git. A missing golden file fails the test;
 * `UPDATE_GOLDEN=1` writes (or rewrites) it instead. Read the diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

/** Expects `actual` to equal the golden `file`; with `update` (UPDATE_GOLDEN=1) writes it first. */
export function expectGolden(file: string, actual: string, update = UPDATE_GOLDEN): void {
  if (update) writeFileSync(file, actual);
  if (!existsSync(file))
    expect.fail(`golden-bestand ontbreekt: ${file}. Maak het met UPDATE_GOLDEN=1 en lees de diff.`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
