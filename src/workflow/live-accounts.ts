/**
 * The accounts file of a running server, kept current: `regelwerk gebruiker toevoegen|wijzigen|verwijderen` (or
 * an edit by hand) takes effect at the next request, without a restart. Each look compares the file's identity
 * (inode, size, modification time; `AccountFile.write` renames a new file into place, so every write changes
 * the inode) and reads it again when it changed. A file that is gone means no accounts (nobody gets in); a file
 * that cannot be read as an accounts file keeps the last good list, and the server says why.
 */
import { promises as fs } from 'node:fs';
import { WorkflowError } from './errors.js';
import { AccountFile, type Account } from './people.js';

/** What changed for existing sessions: the users removed or whose password changed (their sessions end). */
export type AccountsChanged = (ended: readonly string[]) => void;

type Stamp = string;

async function stampOf(file: string): Promise<Stamp | undefined> {
  try {
    const s = await fs.stat(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export class LiveAccounts {
  /** A look in progress: concurrent requests share one stat (and one read). */
  private looking: Promise<AccountFile> | undefined;

  private constructor(
    private readonly file: string,
    private accounts: AccountFile,
    private stamp: Stamp | undefined,
    private readonly log: (line: string) => void,
    private readonly changed: AccountsChanged,
  ) {}

  /** Opens the file (it must exist and be valid: the server does not start otherwise). */
  static async open(
    file: string,
    log: (line: string) => void = () => undefined,
    changed: AccountsChanged = () => undefined,
  ): Promise<LiveAccounts> {
    const stamp = await stampOf(file);
    const accounts = await AccountFile.read(file);
    return new LiveAccounts(file, accounts, stamp, log, changed);
  }

  /** The accounts as the file is now. */
  current(): Promise<AccountFile> {
    this.looking ??= this.look().finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async look(): Promise<AccountFile> {
    let stamp: Stamp | undefined;
    try {
      stamp = await stampOf(this.file);
    } catch {
      return this.accounts; // cannot even stat it (permissions): keep what we have
    }
    if (stamp === this.stamp) return this.accounts;
    const before = this.accounts;
    if (stamp === undefined) {
      this.stamp = stamp;
      this.accounts = AccountFile.empty(this.file);
      this.log(`Het gebruikersbestand ${this.file} is verdwenen: niemand kan meer inloggen.`);
    } else {
      try {
        this.accounts = await AccountFile.read(this.file);
        this.stamp = stamp;
        this.log(
          `Gebruikersbestand ${this.file} opnieuw gelezen (${this.accounts.list().length} gebruikers).`,
        );
      } catch (e) {
        // A half-edited file: keep the last good list until it is valid again (and say so once per change).
        this.stamp = stamp;
        const why = e instanceof WorkflowError ? e.message : String(e);
        this.log(
          `Het gebruikersbestand is gewijzigd maar niet te lezen; de vorige gebruikers blijven gelden. ${why}`,
        );
        return this.accounts;
      }
    }
    const ended = endedUsers(before.list(), this.accounts.list());
    if (ended.length > 0) this.changed(ended);
    return this.accounts;
  }
}

/** Users removed, or whose password changed: their sessions end. */
function endedUsers(before: readonly Account[], after: readonly Account[]): string[] {
  const now = new Map(after.map((a) => [a.gebruikersnaam, a]));
  return before
    .filter((a) => now.get(a.gebruikersnaam)?.wachtwoord !== a.wachtwoord)
    .map((a) => a.gebruikersnaam);
}
