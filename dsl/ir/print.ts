/**
 * The IR as readable text, for golden files and for reading what the compiler made of a ruleset
 * (`regelwerk ir`). Deterministic: the same program prints the same text. Positions (`origin`, `span`, the ids
 * of expressions) are left out, so a golden file changes only when the meaning does. Expressions print as prefix forms with their
 * types where it matters: `(+ money param:a (× money field:module.aantal const:12.50:rate/rit))`; chains of one
 * operator print flat (`(en a b c …)`) and are walked without recursion per term.
 */
import { assertNever } from '../text/span.js';
import type { Expr, Program, Type } from './ir.js';
import { leftChain } from './walk.js';

/** A type in short form: `money`, `rate/week`, `quantity/jaar`, `domain/wet`. */
export function typeText(t: Type): string {
  switch (t.kind) {
    case 'rate':
      return `rate/${t.per}`;
    case 'quantity':
      return `quantity/${t.unit}`;
    case 'domain':
      return `domain/${t.name}`;
    case 'number':
      return t.whole === true ? 'number/whole' : 'number';
    case 'money':
    case 'percent':
    case 'date':
    case 'period':
    case 'bool':
    case 'text':
    case 'error':
      return t.kind;
    default:
      return assertNever(t);
  }
}

const ARITH: Readonly<Record<string, string>> = { '+': '+', '-': '-', '×': '×', '/': '/' };

/** One expression in prefix form. */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case 'const':
      return typeof e.value === 'boolean'
        ? e.value
          ? 'ja'
          : 'nee'
        : `const:${e.type.kind === 'text' ? JSON.stringify(e.value) : e.value}:${typeText(e.type)}`;
    case 'field':
      return `field:${e.outer ? 'dit' : e.level}.${e.name}`;
    case 'calc':
      return `calc:${e.scope}.${e.name}`;
    case 'param':
      return `param:${e.name}`;
    case 'lookup':
      return form(`lookup ${e.table}`, e.keys);
    case 'call':
      return form(e.fn, e.args);
    case 'arith': {
      // A chain of one operator flat; a mixed chain as nested forms, built in a loop (no recursion per term).
      const { first, links } = leftChain(e);
      let acc = exprText(first);
      let run: string[] = [];
      let op = '';
      const close = (type: Type): void => {
        if (run.length > 0) acc = `(${ARITH[op] ?? op} ${typeText(type)} ${acc} ${run.join(' ')})`;
        run = [];
      };
      for (let i = 0; i < links.length; i++) {
        const l = links[i] as (typeof links)[number];
        if (l.op !== op && run.length > 0) close((links[i - 1] as (typeof links)[number]).type);
        op = l.op;
        run.push(exprText(l.right));
      }
      close(e.type);
      return acc;
    }
    case 'neg':
      return form('neg', [e.operand]);
    case 'compare':
      return form(`${e.op} ${e.compare}`, [e.left, e.right]);
    case 'and':
    case 'or': {
      const { first, links } = leftChain(e);
      return form(e.kind === 'and' ? 'en' : 'of', [first, ...links.map((l) => l.right)]);
    }
    case 'not': {
      let inner: Expr = e;
      let count = 0;
      while (inner.kind === 'not') {
        inner = inner.operand;
        count++;
      }
      return `(${'niet '.repeat(count)}${exprText(inner)})`;
    }
    case 'if':
      return form('als', [e.cond, e.then, e.else]);
    case 'in':
      return form('in', [e.value, ...e.options]);
    case 'isEmpty':
      return form(e.negated ? 'niet-leeg' : 'leeg', [e.value]);
    case 'moduleRequested':
      return `(aangevraagd ${e.module}${e.variant === undefined ? '' : ` ${e.variant}`})`;
    case 'countResults':
      return e.where === undefined ? 'aantal-resultaten' : form('aantal-resultaten-met', [e.where]);
    case 'round':
      return form(`afgerond ${e.rounding.decimals} ${e.rounding.mode}`, [e.value]);
    default:
      return assertNever(e);
  }
}

const form = (head: string, args: readonly Expr[]): string =>
  args.length === 0 ? `(${head})` : `(${head} ${args.map(exprText).join(' ')})`;

/** Positions only: where something came from, not what it means. */
const SKIPPED = new Set(['origin', 'span']);

const isExpr = (v: object): v is Expr => 'kind' in v && 'type' in v && 'id' in v;
const isType = (v: object): v is Type => 'kind' in v && !('id' in v) && Object.keys(v).length <= 2;

/** A value of the program's data: scalars inline, objects and lists indented below their key. */
function valueLines(key: string, v: unknown, indent: string, out: string[]): void {
  if (v === undefined) return;
  if (v === null || typeof v !== 'object') {
    out.push(`${indent}${key}: ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return;
    if (v.every((x) => x === null || typeof x !== 'object')) {
      const items = (v as unknown[]).map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x)));
      out.push(`${indent}${key}: [${items.join(', ')}]`);
      return;
    }
    out.push(`${indent}${key}:`);
    for (const item of v as unknown[]) {
      if (item === null || typeof item !== 'object') {
        out.push(`${indent}  - ${typeof item === 'string' ? JSON.stringify(item) : String(item)}`);
      } else if (isExpr(item)) {
        out.push(`${indent}  - ${exprText(item)} : ${typeText(item.type)}`);
      } else {
        const inner: string[] = [];
        for (const [k, x] of Object.entries(item))
          if (!SKIPPED.has(k)) valueLines(k, x, `${indent}    `, inner);
        out.push(`${indent}  - ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1));
      }
    }
    return;
  }
  if (isExpr(v)) {
    out.push(`${indent}${key}: ${exprText(v)} : ${typeText(v.type)}`);
    return;
  }
  if ((key === 'type' || key === 'per') && isType(v)) {
    out.push(`${indent}${key}: ${typeText(v)}`);
    return;
  }
  const entries = Object.entries(v).filter(([k]) => !SKIPPED.has(k));
  if (entries.length === 0) return;
  out.push(`${indent}${key}:`);
  for (const [k, x] of entries) valueLines(k, x, `${indent}  `, out);
}

/** The whole program, section by section in the order of {@link Program}. */
export function printProgram(p: Program): string {
  const out: string[] = [`program ${JSON.stringify(p.ruleset)} versie ${JSON.stringify(p.version)}`];
  for (const [k, v] of Object.entries(p)) {
    if (SKIPPED.has(k) || k === 'kind' || k === 'ruleset' || k === 'version') continue;
    valueLines(k, v, '  ', out);
  }
  return out.map((l) => l.replace(/\s+$/, '')).join('\n') + '\n';
}
