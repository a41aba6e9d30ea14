/** Small helpers for CLI output: a writable sink so commands are testable without a process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

/** Exit codes: 0 fine, 1 problems found, 2 wrong usage. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
