/** The store's user-facing errors: an HTTP status and a Dutch message; file system errors translated. */
import { LockBusyError } from './file-lock.js';
import { showPath } from './file-names.js';

/** A user-facing error with an HTTP status and a Dutch message. */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** File system errors a user can cause (a long name, no rights, a full disk) as Dutch problems. */
export function fsProblem(e: unknown, pad: string): unknown {
  if (e instanceof LockBusyError) {
    return new StoreError(
      503,
      `Het bestand '${showPath(pad)}' wordt op dit moment door een ander proces opgeslagen. Uw tekst staat nog in de editor; probeer het zo opnieuw.`,
    );
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENAMETOOLONG':
      return new StoreError(400, `De naam '${showPath(pad)}' is te lang voor het bestandssysteem.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StoreError(
        403,
        `De server mag '${showPath(pad)}' niet schrijven of lezen (rechten of een alleen-lezen schijf).`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new StoreError(507, `De schijf is vol: '${showPath(pad)}' is niet opgeslagen.`);
    case 'ENOTDIR':
    case 'EISDIR':
      return new StoreError(400, `'${showPath(pad)}' is geen bestand.`);
    default:
      return e;
  }
}
