/**
 * The rules folder as a git repository: commits with a person as author and a typed message, the log of a
 * file or of the whole folder, tags. Writing operations run one at a time (a queue owned by the object), so two
 * saves at once never fight over git's index.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FS, Git, GitError, RS, type Person } from './git.js';

export interface Commit {
  readonly hash: string;
  readonly kort: string;
  readonly auteur: string;
  readonly email: string;
  /** ISO 8601 with offset. */
  readonly datum: string;
  readonly onderwerp: string;
  /** The whole message. */
  readonly bericht: string;
  /** `Regelwerk-…` trailers of the message (key without the prefix, lower case: versie, status, besluit). */
  readonly kenmerken: Readonly<Record<string, string>>;
}

/** The author of the first commit of a folder regelwerk put under version control. */
export const IMPORT_PERSON: Person = { name: 'Regelwerk (beginstand)', email: 'regelwerk@lokaal' };

const LOG_FORMAT = ['%H', '%h', '%an', '%ae', '%aI', '%s', '%B'].join(FS) + RS;

export class RulesRepo {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    readonly git: Git,
    /** The rules folder relative to the top of the work tree ('' when it is the top). */
    readonly prefix: string,
  ) {}

  /**
   * Opens the folder's repository. A folder in no work tree gets its own (`git init`, a `.gitignore` for the
   * editor's temporary files, and a first commit with everything in it), so its history starts here.
   */
  static async open(root: string): Promise<RulesRepo> {
    const real = await fs.realpath(root);
    const git = new Git(real);
    const top = await git.topLevel();
    // A folder the enclosing repository ignores (the workspace .werkruimte/regels) gets its own repository.
    const ignored =
      top !== undefined &&
      top !== real &&
      (await new Git(top).try([
        'check-ignore',
        '-q',
        `${path.relative(top, real).split(path.sep).join('/')}/`,
      ])) !== undefined;
    if (top === undefined || ignored) {
      // Making `.git` is the claim: of two processes starting at once, one initialises, the other waits.
      const claimed = await fs.mkdir(path.join(real, '.git')).then(
        () => true,
        () => false,
      );
      if (claimed) {
        await git.run(['init', '-q', '-b', 'main']);
        await fs
          .writeFile(
            path.join(real, '.gitignore'),
            '# Tijdelijke bestanden en sloten van de editor\n.regelwerk-*\n',
            {
              flag: 'wx',
            },
          )
          .catch(() => undefined);
        await git.run(['add', '-A', '--', '.']);
        await git.run(['commit', '-q', '--no-verify', '--allow-empty', '-m', 'Beginstand van de regels'], {
          person: IMPORT_PERSON,
        });
      } else {
        for (let i = 0; i < 100 && (await git.topLevel()) !== real; i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        for (let i = 0; i < 100 && (await git.head()) === undefined; i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
    return new RulesRepo(real, git, await git.prefix());
  }

  /** Runs a writing operation after the ones before it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A path relative to the rules folder as git names it (relative to the top of the work tree). */
  topPath(rel: string): string {
    return this.prefix === '' ? rel : `${this.prefix}/${rel}`;
  }

  /** A path git names (relative to the top) relative to the rules folder, or undefined outside it. */
  relPath(top: string): string | undefined {
    if (this.prefix === '') return top;
    return top.startsWith(`${this.prefix}/`) ? top.slice(this.prefix.length + 1) : undefined;
  }

  /**
   * Commits the named files (relative to the rules folder) as they are on disk, and nothing else that may be
   * staged. With no paths: an empty commit (a status change or a comment). Returns the new commit's hash,
   * or undefined when the files did not change.
   */
  async commit(paths: readonly string[], person: Person, message: string): Promise<string | undefined> {
    const tops = paths.map((p) => this.topPath(p));
    if (tops.length > 0) {
      await this.git.run(['add', '--', ...tops]);
      const changed = await this.git.run(['status', '--porcelain', '-z', '--', ...tops]);
      if (changed === '') return undefined;
      await this.git.run(['commit', '-q', '--no-verify', '-F', '-', '--only', '--', ...tops], {
        input: message,
        person,
      });
    } else {
      await this.git.run(['commit', '-q', '--no-verify', '--allow-empty', '-F', '-'], {
        input: message,
        person,
      });
    }
    return this.git.head();
  }

  /** Commits, newest first: of one file (relative to the folder), of the folder, with a text in the message. */
  async log(options: { pad?: string; grep?: string; max?: number; rev?: string } = {}): Promise<Commit[]> {
    const args = ['log', `--format=${LOG_FORMAT}`];
    if (options.max !== undefined) args.push(`--max-count=${options.max}`);
    if (options.grep !== undefined) args.push(`--grep=${options.grep}`, '--extended-regexp');
    args.push(options.rev ?? 'HEAD', '--');
    if (options.pad !== undefined) args.push(this.topPath(options.pad));
    else if (options.grep === undefined) args.push(this.prefix === '' ? '.' : this.prefix);
    const out = await this.git.try(args);
    if (out === undefined) return [];
    return out
      .split(RS)
      .map((r) => r.replace(/^\n/, ''))
      .filter((r) => r !== '')
      .map(parseCommit);
  }

  async tagExists(name: string): Promise<boolean> {
    return (await this.git.try(['rev-parse', '--verify', '-q', `refs/tags/${name}`])) !== undefined;
  }

  /** An annotated tag on HEAD with the person as tagger. */
  async tag(name: string, message: string, person: Person): Promise<void> {
    await this.git.run(['tag', '-a', name, '-F', '-'], { input: message, person });
  }

  /** The names of the tags that start with `prefix`. */
  async tags(prefix: string): Promise<string[]> {
    const out = (await this.git.try(['tag', '--list', `${prefix}*`])) ?? '';
    return out.split('\n').filter((t) => t !== '');
  }

  /** A tag's message (annotated tags), or undefined. */
  async tagMessage(name: string): Promise<string | undefined> {
    return (await this.git.try(['tag', '--list', '--format=%(contents)', name]))?.trim() || undefined;
  }
}

function parseCommit(record: string): Commit {
  const [hash = '', kort = '', auteur = '', email = '', datum = '', onderwerp = '', ...rest] =
    record.split(FS);
  const bericht = rest.join(FS).trimEnd();
  const kenmerken: Record<string, string> = {};
  for (const line of bericht.split('\n')) {
    const m = /^Regelwerk-([A-Za-z]+):\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) kenmerken[m[1].toLowerCase()] = m[2].trim();
  }
  return { hash, kort, auteur, email, datum, onderwerp, bericht, kenmerken };
}

export { GitError };
