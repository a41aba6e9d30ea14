/**
 * How deeply expressions may nest (parentheses, `als`-expressions, table keys, function arguments, `in (…)`).
 * Real rules stay far below it; the limit keeps every later stage (checker, printer, evaluators) well inside
 * the call stack. Flat chains (`a en b en c`, `1 + 2 + 3`, `niet niet x`) do not nest and have no limit.
 */
export const MAX_NESTING = 64;

/**
 * How many operands one flat chain (`€ 1 + € 1 + …`, `a en b en …`) may have (RW1701). Real rules stay far
 * below it; the limit keeps a huge generated expression from taking every later stage minutes and gigabytes.
 */
export const MAX_TERMS = 10_000;
