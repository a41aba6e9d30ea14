/**
 * How deeply expressions may nest (parentheses, `als`-expressions, table keys, function arguments, `in (…)`).
 * Real rules stay far below it; the limit keeps every later stage (checker, printer, evaluators) well inside
 * the call stack. Flat chains (`a en b en c`, `1 + 2 + 3`, `niet niet x`) do not nest and have no limit.
 */
export const MAX_NESTING = 64;
