/**
 * Git through the `git` command: every call is `execFile('git', [...])` with an argument array (never a shell),
 * a fixed environment (no pager, no prompts, no system or global hooks changing the outcome) and a bounded
 * output. The rules folder the server works on is (part of) a git work tree; history, authors and tags live there.
 */
import { execFile } from 'node:child_process';

/** Who made a change: becomes a commit's author (and, for a tag, its tagger). */
export interface Person {
  readonly name: string;
  readonly email: string;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

const MAX_OUTPUT = 64 * 1024 * 1024;

/** A field separator that cannot occur in names or messages typed in a browser (unit separator). */
export const FS = '\x1f';
/** A record separator. */
export const RS = '\x1e';

export class Git {
  constructor(readonly dir: string) {}

  /** Runs git in the folder; rejects with a {@link GitError} on a non-zero exit. */
  run(
    args: readonly string[],
    options: { input?: string; person?: Person; encoding?: 'utf8' | 'buffer' } = {},
  ): Promise<string> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_PAGER: 'cat',
      GIT_OPTIONAL_LOCKS: '0',
      LC_ALL: 'C',
    };
    if (options.person !== undefined) {
      env['GIT_AUTHOR_NAME'] = options.person.name;
      env['GIT_AUTHOR_EMAIL'] = options.person.email;
      env['GIT_COMMITTER_NAME'] = options.person.name;
      env['GIT_COMMITTER_EMAIL'] = options.person.email;
    }
    return new Promise((resolve, reject) => {
      const child = execFile(
        'git',
        ['-c', 'core.quotepath=off', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args],
        { cwd: this.dir, env, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true },
        (error, stdout, stderr) => {
          if (error !== null) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT') {
              reject(
                new GitError('git is niet gevonden: installeer git om de geschiedenis bij te houden.', ''),
              );
              return;
            }
            reject(new GitError(`git ${args[0] ?? ''} mislukte: ${stderr.trim() || error.message}`, stderr));
            return;
          }
          resolve(stdout);
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
      else child.stdin?.end();
    });
  }

  /** Like {@link run}, but undefined instead of an error (for questions such as "does this exist?"). */
  async try(args: readonly string[]): Promise<string | undefined> {
    try {
      return await this.run(args);
    } catch (e) {
      if (e instanceof GitError && e.message.startsWith('git is niet gevonden')) throw e;
      return undefined;
    }
  }

  /** The top of the work tree this folder is in, or undefined outside one. */
  async topLevel(): Promise<string | undefined> {
    return (await this.try(['rev-parse', '--show-toplevel']))?.trim();
  }

  /** The folder's path relative to the top of the work tree, with `/` and without a trailing `/` ('' at the top). */
  async prefix(): Promise<string> {
    return ((await this.try(['rev-parse', '--show-prefix'])) ?? '').trim().replace(/\/$/, '');
  }

  /** The commit HEAD points at, or undefined in a repository without commits. */
  async head(): Promise<string | undefined> {
    return (await this.try(['rev-parse', '--verify', '-q', 'HEAD^{commit}']))?.trim() || undefined;
  }

  /** A revision (hash, tag, HEAD~1) as a full commit hash, or undefined when it names no commit. */
  async resolve(rev: string): Promise<string | undefined> {
    if (!/^[\w./~^-]{1,200}$/.test(rev) || rev.startsWith('-')) return undefined;
    return (await this.try(['rev-parse', '--verify', '-q', `${rev}^{commit}`]))?.trim() || undefined;
  }

  /** A file's content at a revision (`pad` relative to the top of the work tree), or undefined if absent. */
  async show(rev: string, topPath: string): Promise<string | undefined> {
    return this.try(['show', `${rev}:${topPath}`]);
  }

  /** The files under `under` (relative to the top) at a revision, relative to the top. */
  async filesAt(rev: string, under: string): Promise<string[]> {
    const out = await this.try(['ls-tree', '-r', '-z', '--name-only', rev, '--', under === '' ? '.' : under]);
    return (out ?? '').split('\0').filter((p) => p !== '');
  }

  /** The person git is configured with here (user.name, user.email), if any. */
  async configuredPerson(): Promise<Person | undefined> {
    const name = (await this.try(['config', 'user.name']))?.trim();
    const email = (await this.try(['config', 'user.email']))?.trim();
    if (!name) return undefined;
    return { name, email: email || `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@lokaal` };
  }
}
