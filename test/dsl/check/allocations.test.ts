/** Version inheritance of `toewijzing`: inherited, replaced by target, withdrawn with its module. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../dsl/index.js';

const base = readFileSync('test/fixtures/check/good/toewijzing.regels', 'utf8');
const later = (body: string) =>
  `regelset "Toewijzing"\nversie "2" op basis van "1"\ngeldig vanaf 2022-01-01\n\n${body}`;

function programs(body: string) {
  const r = compile([
    { path: '1.regels', text: base },
    { path: '2.regels', text: later(body) },
  ]);
  return { r, v2: r.ok ? r.programs.find((p) => p.version === '2') : undefined };
}

const summary = (p: ReturnType<typeof programs>['v2']) =>
  p?.allocations.map(
    (a) => `${a.target}${a.module ? ` ${a.module}` : ''}: ${a.rows.map((r) => r.code ?? '-').join(' ')}`,
  );

describe('toewijzing across versions', () => {
  it('a later version inherits every mapping', () => {
    const { r, v2 } = programs('indexeer alle tarieven met 2 %\n');
    expect(r.diagnostics).toEqual([]);
    expect(summary(v2)).toEqual([
      'gemeente: 0141 0147',
      'resultaat: 45A01 02A01',
      'module verblijf: 43V01 -',
      'module vervoer: 42T01 08T01',
    ]);
    expect(v2?.allocations[1]?.origin.file).toBe('1.regels');
  });

  it('a mapping with the same target replaces the inherited one', () => {
    const { r, v2 } = programs(
      'toewijzing resultaat in euro\'s totaal\n  rijen wet\n  jeugdwet categorie 45 code "45B01"\n  wmo categorie 02 code "02B01"\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(summary(v2)?.[1]).toBe('resultaat: 45B01 02B01');
    expect(v2?.allocations[1]?.origin.file).toBe('2.regels');
  });

  it('withdrawing a module withdraws its mapping, without a complaint', () => {
    const { r, v2 } = programs('vervalt module vervoer\n');
    expect(r.diagnostics).toEqual([]);
    expect(summary(v2)?.map((s) => s.split(':')[0])).toEqual(['gemeente', 'resultaat', 'module verblijf']);
  });
});
