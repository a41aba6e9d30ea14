/**
 * Where each version is in its life: `concept` → `ter vaststelling` → `vastgesteld` (or back to `concept` with
 * a comment). The header says `concept` or `vastgesteld`; the step in between, the comments and the decisions are
 * commits with `Regelwerk-Versie:` and `Regelwerk-Status:` lines, so `git log` tells the same story.
 */
import type { Person } from './git.js';
import type { HeaderInfo } from './rule-files.js';
import type { Commit, RulesRepo } from './repo.js';

export type VersionStatus = 'concept' | 'ter vaststelling' | 'vastgesteld';

export const STATUS_MARKS = [
  'concept',
  'ter vaststelling',
  'teruggestuurd',
  'vastgesteld',
  'opmerking',
] as const;
export type StatusMark = (typeof STATUS_MARKS)[number];

export interface Remark {
  readonly soort: StatusMark;
  readonly door: string;
  readonly email: string;
  readonly op: string;
  readonly tekst: string;
  readonly commit: string;
}

export interface VersionState {
  readonly versie: string;
  readonly regelset: string;
  readonly pad: string;
  readonly basis: string | undefined;
  readonly vanaf: string;
  readonly gemeente: string | undefined;
  readonly status: VersionStatus;
  /** For an adopted version: the decision, who adopted it and when (absent for versions adopted before git). */
  readonly besluit?: string;
  readonly vastgesteldDoor?: string;
  readonly vastgesteldOp?: string;
  readonly tag?: string;
  /** The people who made commits to the version's file. */
  readonly auteurs: readonly Person[];
  /** Status changes and comments, oldest first. */
  readonly opmerkingen: readonly Remark[];
}

/** The tag of an adopted version: `vastgesteld/<versie>` (characters git does not allow in a tag become `-`). */
export const adoptionTag = (versie: string): string =>
  `vastgesteld/${versie
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/\.\.+/g, '.')
    .replace(/^[.-]+/, '')}`;

/** The message of a workflow commit: a subject, typed text, and the marks. */
export function markedMessage(
  subject: string,
  text: string,
  marks: Readonly<Record<string, string>>,
): string {
  const body = text === '' ? '' : `\n\n${text}`;
  const trailer = Object.entries(marks)
    .map(([k, v]) => `Regelwerk-${k}: ${v}`)
    .join('\n');
  return `${subject}${body}\n\n${trailer}\n`;
}

const isMark = (s: string | undefined): s is StatusMark =>
  s !== undefined && (STATUS_MARKS as readonly string[]).includes(s);

/** The remark a workflow commit makes (its typed text is the message without subject and marks). */
function remarkOf(c: Commit, soort: StatusMark): Remark {
  const lines = c.bericht.split('\n').slice(1);
  const tekst = lines
    .filter((l) => !/^Regelwerk-[A-Za-z]+:/.test(l))
    .join('\n')
    .trim();
  return { soort, door: c.auteur, email: c.email, op: c.datum, tekst, commit: c.hash };
}

/** The state of every version whose file has a header. */
export async function versionStates(
  repo: RulesRepo,
  headers: readonly HeaderInfo[],
): Promise<VersionState[]> {
  const marked = (await repo.log({ grep: '^Regelwerk-Versie:' })).reverse();
  const out: VersionState[] = [];
  for (const h of headers) {
    const own = marked.filter((c) => c.kenmerken['versie'] === h.versie && isMark(c.kenmerken['status']));
    const remarks = own.map((c) => remarkOf(c, c.kenmerken['status'] as StatusMark));
    const steps = remarks.filter((r) => r.soort !== 'opmerking');
    const last = steps[steps.length - 1];
    const status: VersionStatus =
      h.status === 'vastgesteld'
        ? 'vastgesteld'
        : last?.soort === 'ter vaststelling'
          ? 'ter vaststelling'
          : 'concept';
    const adoption = own.filter((c) => c.kenmerken['status'] === 'vastgesteld').pop();
    const authors = new Map<string, Person>();
    for (const c of await repo.log({ pad: h.pad })) {
      authors.set(c.email.toLowerCase(), { name: c.auteur, email: c.email });
    }
    const tag = adoptionTag(h.versie);
    out.push({
      versie: h.versie,
      regelset: h.regelset,
      pad: h.pad,
      basis: h.basis,
      vanaf: h.vanaf,
      gemeente: h.gemeente,
      status,
      ...(status === 'vastgesteld' && adoption !== undefined
        ? {
            besluit: adoption.kenmerken['besluit'] ?? '',
            vastgesteldDoor: adoption.auteur,
            vastgesteldOp: adoption.datum,
            ...((await repo.tagExists(tag)) ? { tag } : {}),
          }
        : {}),
      auteurs: [...authors.values()],
      opmerkingen: remarks,
    });
  }
  return out;
}
