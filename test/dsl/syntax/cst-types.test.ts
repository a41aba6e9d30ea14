/** dsl/syntax/cst.ts is what Chevrotain's generateCstDts makes of the grammar today (not stale). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CST_TYPES_FILE, renderCstTypes } from '../../../scripts/cst-types.js';

describe('CST typings', () => {
  it('match the grammar', async () => {
    const current = readFileSync(CST_TYPES_FILE, 'utf8');
    expect(current, `${CST_TYPES_FILE} is verouderd: voer 'npm run generate:cst' uit.`).toBe(
      await renderCstTypes(),
    );
  });
});
