import { describe, expect, it } from 'vitest';
import type { JreCondition } from '../../src/engine/jre-adapter.js';
import { compileRules } from '../../src/engine/jre.js';
import { dec } from '../../src/engine/decimal.js';
import { operators } from '../../src/engine/jre-operators.js';
import { loadTwentsModel } from '../support/twents-model.js';

const BUILTIN = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
];

function leaves(c: JreCondition): Extract<JreCondition, { fact: string }>[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  return [c];
}

describe('json-rules-engine compilation', () => {
  const { programs } = loadTwentsModel();
  const OPERATORS = operators(dec);
  it('has programs to check', () => expect(programs.length).toBeGreaterThan(0));
  for (const program of programs) {
    it(`uses only our own operators in every rule of ${program.version}${program.municipality ? ` (${program.municipality})` : ''}`, () => {
      const all = compileRules(program);
      // Each rule and condition once, plus a lenient twin ('…?') for those that can be onbepaald.
      const rules = all.filter((r) => !r.name.endsWith('?'));
      expect(rules.length).toBe(
        program.rules.length + program.modules.reduce((n, m) => n + m.conditions.length, 0),
      );
      for (const twin of all.filter((r) => r.name.endsWith('?')))
        expect(rules.map((r) => `${r.name}?`)).toContain(twin.name);
      for (const rule of all) {
        expect(rule.event.params.origin).toBe(rule.name);
        const ls = rule.conditions.all.flatMap(leaves);
        expect(ls.length).toBeGreaterThan(0);
        for (const leaf of ls) {
          expect(BUILTIN).not.toContain(leaf.operator);
          expect(Object.keys(OPERATORS)).toContain(leaf.operator);
          expect(leaf.name).toMatch(/\S/);
          // A constant operand is JSON text or a boolean (decimals as their exact text), never a float.
          const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
          for (const v of values) {
            if (typeof v === 'object' && v !== null) expect(Object.keys(v)).toEqual(['fact']);
            else expect(['string', 'boolean']).toContain(typeof v);
          }
        }
      }
    });
  }
});
