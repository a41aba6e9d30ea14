/**
 * The grammar passes Chevrotain's own validations (no ambiguous alternatives, no left recursion, no unreachable
 * alternatives, …). The shared parser skips them at start-up for speed, so this test is where they run.
 */
import { describe, expect, it } from 'vitest';
import { RegelsParser } from '../../../dsl/syntax/parser.js';

describe('the grammar', () => {
  it('passes Chevrotain’s grammar validations', () => {
    // performSelfAnalysis throws ('Parser Definition Errors detected: …') when a validation fails.
    expect(() => new RegelsParser({ validate: true })).not.toThrow();
  });
});
