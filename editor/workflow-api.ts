/** The server's workflow API (src/server/workflow-routes.ts): versions, their steps, history, who is logged in. */
import type { VersionDiff } from '../src/change/diff.js';
import type { CommitChange, ValueHistory } from '../src/workflow/history.js';
import type { Identity } from '../src/workflow/people.js';
import type { Commit } from '../src/workflow/repo.js';
import type { GateReport } from '../src/workflow/gate.js';
import type { VersionState } from '../src/workflow/states.js';

export type { CommitChange, ValueHistory, Commit, GateReport, VersionState, VersionDiff };

export interface Me extends Identity {
  readonly modus: 'lokaal' | 'team';
}

export interface Stand {
  readonly head: string | null;
  readonly laatste: { auteur: string; onderwerp: string; datum: string } | null;
  readonly versies: Readonly<Record<string, string>>;
}

/** A refusal of the server, with its Dutch message (and the problems that block a step). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problemen: readonly string[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      ...(body !== undefined
        ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
    });
  } catch {
    throw new ApiError('De server is niet bereikbaar.', 0);
  }
  const data = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) {
    const fout =
      typeof data?.['fout'] === 'string' ? data['fout'] : `De server antwoordde met status ${res.status}.`;
    const problemen = Array.isArray(data?.['problemen']) ? (data['problemen'] as string[]) : [];
    throw new ApiError(fout, res.status, problemen);
  }
  return data as T;
}

const v = (versie: string) => encodeURIComponent(versie);

export const workflowApi = {
  me: () => call<Me>('GET', '/api/ik'),
  logout: () => call<unknown>('POST', '/api/uitloggen', {}),
  versions: () => call<VersionState[]>('GET', '/api/versies'),
  newVersion: (input: { basis: string; naam: string; vanaf: string; gemeente?: string; bericht?: string }) =>
    call<VersionState>('POST', '/api/versies', input),
  gate: (versie: string) => call<GateReport>('GET', `/api/versies/${v(versie)}/toets`),
  requestAdoption: (versie: string, tekst: string) =>
    call<VersionState>('POST', `/api/versies/${v(versie)}/ter-vaststelling`, { tekst }),
  adopt: (versie: string, besluit: string) =>
    call<VersionState>('POST', `/api/versies/${v(versie)}/vaststellen`, { besluit }),
  sendBack: (versie: string, tekst: string) =>
    call<VersionState>('POST', `/api/versies/${v(versie)}/terugsturen`, { tekst }),
  comment: (versie: string, tekst: string) =>
    call<VersionState>('POST', `/api/versies/${v(versie)}/opmerkingen`, { tekst }),
  log: (q: { pad?: string; versie?: string }) =>
    call<Commit[]>('GET', `/api/geschiedenis?${new URLSearchParams(q as Record<string, string>).toString()}`),
  commit: (hash: string) => call<CommitChange>('GET', `/api/commit?hash=${encodeURIComponent(hash)}`),
  compare: (q: { van?: string; vanVersie: string; naar?: string; naarVersie: string }) =>
    call<VersionDiff>('GET', `/api/vergelijk?${new URLSearchParams(q as Record<string, string>).toString()}`),
  valueHistory: (q: { versie: string; tabel?: string; sleutel?: string; parameter?: string }) =>
    call<ValueHistory>(
      'GET',
      `/api/waardegeschiedenis?${new URLSearchParams(q as Record<string, string>).toString()}`,
    ),
  textAt: (pad: string, rev: string) =>
    call<{ inhoud: string }>('GET', `/api/bestand-op?${new URLSearchParams({ pad, rev }).toString()}`),
  restore: (pad: string, rev: string, bericht: string) =>
    call<{ pad: string; versie: string; commit: string | null }>('POST', '/api/herstel', {
      pad,
      rev,
      bericht,
    }),
  stand: () => call<Stand>('GET', '/api/stand'),
};

/** "2023-05-17T14:03:00+02:00" → "17-05-2023 14:03". */
export function when(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m === null ? iso : `${m[3]}-${m[2]}-${m[1]} ${m[4]}:${m[5]}`;
}

/** "136.20" → "136,20", null → "-", undefined → "—". */
export function dutchNumber(value: string | null | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return '-';
  const neg = value.startsWith('-');
  const [int = '0', frac] = (neg ? value.slice(1) : value).split('.');
  return `${neg ? '−' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${frac !== undefined ? `,${frac}` : ''}`;
}
