/** A refusal of the workflow in Dutch, with the HTTP status a server answers it with. */
export class WorkflowError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** More to tell (the problems that block a step, the other person's text on a conflict). */
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}

/**
 * Text a person typed, made safe for a commit message: no `Regelwerk-…:` lines (those are the workflow's own
 * marks, which a typed message must not be able to forge), no control characters, bounded.
 */
export function typedText(text: string, max = 4000): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/^(\s*)regelwerk-/gim, '$1regelwerk -')
      .trim()
      .slice(0, max)
  );
}

/** One line of typed text (for a trailer): whitespace runs become one space. */
export const oneLine = (text: string, max = 300): string => typedText(text, max).replace(/\s+/g, ' ');
