/**
 * Who is asking. Local mode (the default, loopback only): one person, named from git's configuration, with
 * every role, no login. Team mode (`--gebruikers <bestand>`): a Dutch login page, sessions in a cookie
 * (`HttpOnly`, `SameSite=Strict`, `Secure` behind https), failed logins slowed down per user name and address;
 * without a session only the login page answers.
 */
import type http from 'node:http';
import type { Person } from '../workflow/git.js';
import type { LiveAccounts } from '../workflow/live-accounts.js';
import { ROLES, type Identity } from '../workflow/people.js';
import { LoginBrake, Sessions } from '../workflow/sessions.js';
import { loginPage } from './login-page.js';

export const SESSION_COOKIE = 'regelwerk_sessie';
const FAILED_LOGIN_DELAY_MS = 600;
const MAX_FORM = 8 * 1024;

export type Mode = 'lokaal' | 'team';

export class Access {
  private readonly sessions = new Sessions();
  private readonly brake = new LoginBrake();

  private constructor(
    readonly mode: Mode,
    private readonly local: Identity | undefined,
    private readonly accounts: LiveAccounts | undefined,
    private readonly secureCookie: boolean,
  ) {}

  /** One person with every role. */
  static local(person: Person): Access {
    const who: Identity = {
      gebruikersnaam: 'lokaal',
      naam: person.name,
      email: person.email,
      rollen: [...ROLES],
    };
    return new Access('lokaal', who, undefined, false);
  }

  /** Team mode on an accounts file that is read again when it changes (see {@link LiveAccounts}). */
  static team(accounts: LiveAccounts, secureCookie: boolean): Access {
    return new Access('team', undefined, accounts, secureCookie);
  }

  /** Ends the sessions of users removed from the accounts file or whose password changed. */
  endSessions(users: readonly string[]): void {
    for (const u of users) this.sessions.endFor(u);
  }

  /**
   * The person behind a request, or undefined (team mode without a valid session). The account is looked up in
   * the accounts file as it is now: a removed account has no access at its next request, a changed one its new
   * roles.
   */
  async identify(req: http.IncomingMessage): Promise<Identity | undefined> {
    if (this.local !== undefined) return this.local;
    if (this.accounts === undefined) return undefined;
    const token = cookie(req, SESSION_COOKIE);
    if (this.sessions.get(token) === undefined) return undefined;
    const accounts = await this.accounts.current();
    // Looked up again after the reload: the reload may have ended this session.
    const session = this.sessions.get(token);
    if (session === undefined) return undefined;
    const who = accounts.identity(session.who.gebruikersnaam);
    if (who === undefined) this.sessions.end(token);
    return who;
  }

  /** GET /inloggen: the page; POST /inloggen: the form. */
  async handleLogin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.accounts === undefined) {
      redirect(res, '/');
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if ((await this.identify(req)) !== undefined) return redirect(res, '/');
      return html(res, 200, loginPage({}));
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      return html(res, 405, loginPage({ fout: 'Deze methode is hier niet toegestaan.' }));
    }
    const form = await readForm(req);
    if (form === undefined) {
      res.setHeader('Connection', 'close');
      return html(res, 400, loginPage({ fout: 'Het formulier kwam niet goed aan. Probeer het opnieuw.' }));
    }
    const name = (form.get('gebruikersnaam') ?? '').trim().toLowerCase().slice(0, 60);
    const password = form.get('wachtwoord') ?? '';
    const key = `${req.socket.remoteAddress ?? '?'}\0${name}`;
    const wait = this.brake.wait(key);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      return html(
        res,
        429,
        loginPage({
          naam: name,
          fout: `Te veel mislukte pogingen. Wacht ${wait} ${wait === 1 ? 'seconde' : 'seconden'} en probeer het dan opnieuw.`,
        }),
      );
    }
    const who = await (await this.accounts.current()).verify(name, password);
    if (who === undefined) {
      const seconds = this.brake.failed(key);
      await new Promise((r) => setTimeout(r, FAILED_LOGIN_DELAY_MS));
      res.setHeader('Retry-After', String(seconds));
      return html(res, 401, loginPage({ naam: name, fout: 'Gebruikersnaam of wachtwoord klopt niet.' }));
    }
    this.brake.succeeded(key);
    const session = this.sessions.create(who);
    res.setHeader('Set-Cookie', this.cookieText(session.token, 8 * 60 * 60));
    redirect(res, '/');
  }

  logout(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.sessions.end(cookie(req, SESSION_COOKIE));
    res.setHeader('Set-Cookie', this.cookieText('', 0));
  }

  private cookieText(value: string, maxAge: number): string {
    return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${this.secureCookie ? '; Secure' : ''}`;
  }
}

export function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

function html(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || undefined;
  }
  return undefined;
}

/** An `application/x-www-form-urlencoded` body of at most 8 KiB, or undefined. */
function readForm(req: http.IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => done(undefined), 10_000);
    const done = (v: URLSearchParams | undefined) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      resolve(v);
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FORM) return done(undefined);
      chunks.push(c);
    });
    req.once('end', () => done(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.once('error', () => done(undefined));
  });
}
