/**
 * Positions in a source text. Offsets are 0-based UTF-16 code units; `end` is exclusive.
 * Line/column only appear at the edges (renderer, editor adapter), via {@link LineIndex}.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export const span = (start: number, end: number): Span => ({ start, end });

/** The smallest span that covers both. */
export const cover = (a: Span, b: Span): Span => ({
  start: Math.min(a.start, b.start),
  end: Math.max(a.end, b.end),
});

/** 1-based line and column, as people and Monaco count them. */
export interface LineCol {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets to lines and columns for one text. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.starts = starts;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): LineCol {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offset of a 1-based line and column (clamped). */
  offset(pos: LineCol): number {
    const lineStart = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))] ?? 0;
    return Math.min(this.text.length, lineStart + Math.max(0, pos.column - 1));
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return '';
    const next = this.starts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** For exhaustive switches: a new kind becomes a compile error. */
export function assertNever(x: never): never {
  throw new Error(`Onverwachte waarde: ${JSON.stringify(x)}`);
}
