/** Small helpers for CLI output: a writable sink so commands are testable without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Writes lines to a process stream. When the reader goes away (`regelwerk test rules/ | head -2`: EPIPE) the
 * stream reports an error; from then on output is dropped quietly and the command ends with its own exit code,
 * without a stack trace.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  let listening = false;
  return (text) => {
    if (!listening) {
      listening = true;
      stream.on('error', () => {
        // EPIPE (reader gone) or any other write failure: nobody can read what follows.
        closed = true;
      });
    }
    if (closed || stream.destroyed) return;
    stream.write(text.endsWith('\n') ? text : text + '\n');
  };
}

export const processIo: Io = {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
};

/** Exit codes: 0 fine, 1 problems found, 2 wrong usage. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * One problem in `--json` output, with the fields of `check --json` diagnostics; only `severity` and `message`
 * are always there (a wrong option has no file, a missing file no line).
 */
export interface JsonProblem {
  readonly file?: string;
  readonly code?: string;
  readonly severity: 'fout' | 'waarschuwing';
  readonly stage?: string;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
  readonly line?: number;
  readonly column?: number;
  readonly suggestions?: readonly string[];
}

/**
 * With `--json` a command that fails before it has a result (wrong usage, an unreadable file, rules with errors,
 * an invalid case file, an unknown version) still writes one JSON object to stdout:
 * `{ "ok": false, "errors": n, "diagnostics": [ … ] }`.
 */
export function writeJsonFailure(io: Io, problems: readonly JsonProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'fout').length;
  io.out(JSON.stringify({ ok: false, errors, diagnostics: problems }, null, 2));
}
