/**
 * Pathological inputs for the front end, shared by the limits tests, the fuzz test and the benchmark: junk lines,
 * deep nesting and long flat chains (`en`, `+`, `niet`) inside an otherwise valid rules file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small valid rules file with a scenario (test/fixtures/check/good/klein.regels). */
export const BASE_RULES = readFileSync(
  join(import.meta.dirname, '../fixtures/check/good/klein.regels'),
  'utf8',
);

/** Pieces of junk: characters the language does not know, stray tokens, half declarations. */
const JUNK = ['@', '#', '$', '%', '^', '&', '!', '?', ';', '~', '(', ')', '[', ']', ',', '€', 'als', 'dan'];

/** A deterministic pseudo-random sequence (no Math.random: the same file every run). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** About `bytes` of junk lines (each a few junk pieces); the same text for the same seed. */
export function junkLines(bytes: number, seed = 1): string {
  const next = lcg(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = 1 + Math.floor(next() * 3);
    const line = Array.from({ length: n }, () => JUNK[Math.floor(next() * JUNK.length)]).join(' ');
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes);
}

/** One line of `bytes` junk characters and spaces (`@#% @#% …`). */
export const junkLine = (bytes: number): string => '@#% '.repeat(Math.ceil(bytes / 4)).slice(0, bytes);

/** Inserts declarations before the first scenario of {@link BASE_RULES}. */
export function withDeclarations(extra: string): string {
  const at = BASE_RULES.indexOf('scenario "');
  return `${BASE_RULES.slice(0, at)}${extra}\n${BASE_RULES.slice(at)}`;
}

/** `bereken diep = ((((1))))` with `depth` parentheses. */
export const deepParentheses = (depth: number): string =>
  `bereken diep = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`;

/** `bereken veel = 1 + 1 + …` with `terms` terms. */
export const plusChain = (terms: number): string =>
  `bereken veel = ${Array.from({ length: terms }, () => '1').join(' + ')}\n`;

/** A rule whose condition is `terms` comparisons joined by `en` (never true for the base scenario). */
export const enChain = (terms: number): string =>
  `regel "lang"\n  als ${Array.from({ length: terms }, () => 'wet = wmo').join(' en ')}\n  dan fout "Lang."\n`;

/** A rule whose condition starts with `count` times `niet` (an even count: `wet = wmo`, false in the scenario). */
export const nietChain = (count: number): string =>
  `regel "niet"\n  als ${'niet '.repeat(count)}wet = wmo\n  dan fout "Niet."\n`;

/** `count` lines of one junk character each (`@`, `#`, `(`, …): 80.000 lines are 160 KB. */
export function junkCharLines(count: number, seed = 1): string {
  const next = lcg(seed);
  const chars = JUNK.filter((j) => j.length === 1);
  return Array.from({ length: count }, () => chars[Math.floor(next() * chars.length)]).join('\n') + '\n';
}
