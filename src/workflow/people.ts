/**
 * People and roles in team mode: an accounts file (JSON, mode 0600) with per person a user name, full name,
 * e-mail, roles and a password hash from scrypt (memory-hard, Node's crypto; never the password itself).
 * Roles: `lezer` reads, `opsteller` drafts and saves, `vaststeller` adopts or sends back. Everyone who has an
 * account may read.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Person } from './git.js';
import { WorkflowError } from './errors.js';

export const ROLES = ['lezer', 'opsteller', 'vaststeller'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  readonly gebruikersnaam: string;
  readonly naam: string;
  readonly email: string;
  readonly rollen: readonly Role[];
  /** `scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>`. */
  readonly wachtwoord: string;
}

/** What a session knows of its person (never the hash). */
export interface Identity {
  readonly gebruikersnaam: string;
  readonly naam: string;
  readonly email: string;
  readonly rollen: readonly Role[];
}

const FORMAT = 'regelwerk-gebruikers/1';
const USER_NAME = /^[a-z][a-z0-9._-]{1,39}$/;
const COST = { log2N: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD = 10;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const scryptOptions = (log2N: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** log2N,
  r,
  p,
  maxmem: 128 * 2 ** log2N * r * 2,
});

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, scryptOptions(COST.log2N, COST.r, COST.p));
  return ['scrypt', COST.log2N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const log2N = Number(n);
  const rr = Number(r);
  const pp = Number(p);
  if (![log2N, rr, pp].every((x) => Number.isInteger(x) && x > 0 && x < 64)) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(
    password,
    Buffer.from(salt, 'base64'),
    expected.length,
    scryptOptions(log2N, rr, pp),
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a role may do what `needed` asks (`lezer`: anyone with an account). */
export const hasRole = (roles: readonly Role[], needed: Role): boolean =>
  needed === 'lezer' ? true : roles.includes(needed);

export const personOf = (who: Identity): Person => ({ name: who.naam, email: who.email });

export function checkUserName(name: string): void {
  if (!USER_NAME.test(name)) {
    throw new WorkflowError(
      400,
      `'${name.slice(0, 60)}' is geen geldige gebruikersnaam: kleine letters, cijfers, '.', '-' of '_', 2 tot 40 tekens, beginnend met een letter.`,
    );
  }
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) {
    throw new WorkflowError(400, `Een wachtwoord heeft minstens ${MIN_PASSWORD} tekens.`);
  }
  if (password.length > 1024) throw new WorkflowError(400, 'Een wachtwoord heeft hooguit 1024 tekens.');
}

export function parseRoles(values: readonly string[]): Role[] {
  const out: Role[] = [];
  for (const v of values.flatMap((x) => x.split(','))) {
    const role = v.trim() as Role;
    if (!ROLES.includes(role)) {
      throw new WorkflowError(400, `Onbekende rol '${v.slice(0, 40)}': kies uit ${ROLES.join(', ')}.`);
    }
    if (!out.includes(role)) out.push(role);
  }
  return out;
}

/** The accounts file: read, changed and written whole (atomically, mode 0600). */
export class AccountFile {
  private constructor(
    readonly file: string,
    private accounts: Account[],
  ) {}

  /** Reads the file; a missing file is an empty list when `create` is set, an error otherwise. */
  static async read(file: string, options: { create?: boolean } = {}): Promise<AccountFile> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && options.create === true)
        return new AccountFile(file, []);
      throw new WorkflowError(
        400,
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? `Het gebruikersbestand '${file}' bestaat niet. Maak het met 'regelwerk gebruiker toevoegen'.`
          : `Het gebruikersbestand '${file}' kan niet worden gelezen.`,
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new WorkflowError(400, `Het gebruikersbestand '${file}' is geen geldige JSON.`);
    }
    const d = data as { formaat?: unknown; gebruikers?: unknown };
    if (d.formaat !== FORMAT || !Array.isArray(d.gebruikers)) {
      throw new WorkflowError(400, `'${file}' is geen gebruikersbestand van regelwerk (formaat ${FORMAT}).`);
    }
    const accounts = d.gebruikers.map((a: unknown, i: number) => {
      const x = a as Partial<Account>;
      if (
        typeof x.gebruikersnaam !== 'string' ||
        typeof x.naam !== 'string' ||
        typeof x.email !== 'string' ||
        !Array.isArray(x.rollen) ||
        typeof x.wachtwoord !== 'string' ||
        !x.wachtwoord.startsWith('scrypt$')
      ) {
        throw new WorkflowError(400, `Gebruiker ${i + 1} in '${file}' is onvolledig.`);
      }
      return { ...x, rollen: parseRoles(x.rollen as string[]) } as Account;
    });
    return new AccountFile(file, accounts);
  }

  /** No accounts (a file that is gone: nobody gets in). */
  static empty(file: string): AccountFile {
    return new AccountFile(file, []);
  }

  list(): readonly Account[] {
    return this.accounts;
  }

  /** The identity of an account as it is now (name, e-mail and roles may have changed since login). */
  identity(gebruikersnaam: string): Identity | undefined {
    const a = this.find(gebruikersnaam);
    return a === undefined
      ? undefined
      : { gebruikersnaam: a.gebruikersnaam, naam: a.naam, email: a.email, rollen: a.rollen };
  }

  find(gebruikersnaam: string): Account | undefined {
    return this.accounts.find((a) => a.gebruikersnaam === gebruikersnaam);
  }

  async add(input: {
    gebruikersnaam: string;
    naam: string;
    email: string;
    rollen: readonly Role[];
    wachtwoord: string;
  }): Promise<void> {
    checkUserName(input.gebruikersnaam);
    if (this.find(input.gebruikersnaam) !== undefined) {
      throw new WorkflowError(
        409,
        `Gebruiker '${input.gebruikersnaam}' bestaat al; wijzig die met 'regelwerk gebruiker wijzigen'.`,
      );
    }
    if (input.rollen.length === 0)
      throw new WorkflowError(400, `Geef minstens één rol met --rol (${ROLES.join(', ')}).`);
    checkPassword(input.wachtwoord);
    this.accounts.push({
      gebruikersnaam: input.gebruikersnaam,
      naam: input.naam.trim() || input.gebruikersnaam,
      email: input.email.trim() || `${input.gebruikersnaam}@regelwerk.lokaal`,
      rollen: [...input.rollen],
      wachtwoord: await hashPassword(input.wachtwoord),
    });
  }

  async change(
    gebruikersnaam: string,
    change: { naam?: string; email?: string; rollen?: readonly Role[]; wachtwoord?: string },
  ): Promise<void> {
    const i = this.accounts.findIndex((a) => a.gebruikersnaam === gebruikersnaam);
    const current = this.accounts[i];
    if (current === undefined) throw new WorkflowError(404, `Gebruiker '${gebruikersnaam}' bestaat niet.`);
    if (change.rollen !== undefined && change.rollen.length === 0)
      throw new WorkflowError(400, 'Een gebruiker houdt minstens één rol.');
    if (change.wachtwoord !== undefined) checkPassword(change.wachtwoord);
    this.accounts[i] = {
      ...current,
      ...(change.naam !== undefined ? { naam: change.naam.trim() || current.naam } : {}),
      ...(change.email !== undefined ? { email: change.email.trim() || current.email } : {}),
      ...(change.rollen !== undefined ? { rollen: [...change.rollen] } : {}),
      ...(change.wachtwoord !== undefined ? { wachtwoord: await hashPassword(change.wachtwoord) } : {}),
    };
  }

  remove(gebruikersnaam: string): void {
    const before = this.accounts.length;
    this.accounts = this.accounts.filter((a) => a.gebruikersnaam !== gebruikersnaam);
    if (this.accounts.length === before)
      throw new WorkflowError(404, `Gebruiker '${gebruikersnaam}' bestaat niet.`);
  }

  async write(): Promise<void> {
    const text = JSON.stringify({ formaat: FORMAT, gebruikers: this.accounts }, null, 2) + '\n';
    const temp = path.join(
      path.dirname(this.file),
      `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    await fs.writeFile(temp, text, { mode: 0o600 });
    await fs.rename(temp, this.file);
  }

  /** The identity when the password is right; otherwise undefined (after the same work, known name or not). */
  async verify(gebruikersnaam: string, wachtwoord: string): Promise<Identity | undefined> {
    const account = this.find(gebruikersnaam);
    const ok = await passwordMatches(wachtwoord.slice(0, 1024), account?.wachtwoord ?? DUMMY_HASH);
    if (!ok || account === undefined) return undefined;
    return this.identity(account.gebruikersnaam);
  }
}

/** Verified against when the user name is unknown, so an unknown name takes as long as a wrong password. */
const DUMMY_HASH = `scrypt$${COST.log2N}$${COST.r}$${COST.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
