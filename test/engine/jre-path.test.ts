/** The json-rules-engine path's contract with the orchestrator under failure. */
import { describe, expect, it } from 'vitest';
import { jrePath } from '../../src/engine/jre.js';
import type { Ctx } from '../../src/engine/runtime.js';

describe('json-rules-engine path', () => {
  it('rejects once when a task fails, leaving no started price unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A context of a program this path never loaded: every task fails.
      const ctx = { rt: {} } as unknown as Ctx;
      await expect(
        jrePath().answer(
          [{ scope: 'resultaat', ctx, module: undefined, only: undefined }],
          [{ ctx, target: { kind: 'budget' }, own: false, gate: undefined }],
          false,
        ),
      ).rejects.toThrow(/not loaded/);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
