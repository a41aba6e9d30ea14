/**
 * History you can ask: the commits of a file or version with the semantic diff of each (src/change/diff.ts),
 * the history of one tariff cell or parameter across versions and commits, a comparison of any two
 * (revision, version) pairs, and an earlier revision restored as a new commit.
 */
import type { Ir, Source } from '../../dsl/index.js';
import { diffPrograms, type VersionDiff } from '../change/diff.js';
import { numberText } from '../change/describe-change.js';
import { effectiveCells } from '../change/effective-tables.js';
import { dec, type Dec } from '../engine/decimal.js';
import { parameterValue } from '../engine/indexation.js';
import { WorkflowError, oneLine } from './errors.js';
import { readFolder, readRevision } from './rule-files.js';
import type { Commit } from './repo.js';
import type { Workflow } from './workflow.js';

/** A commit and what it changed per version (the semantic diff against its parent). */
export interface CommitChange {
  readonly commit: Commit;
  readonly bestanden: readonly string[];
  readonly verschillen: readonly VersionDiff[];
}

/** One value of a cell or parameter in the history. */
export interface ValueStep {
  readonly versie: string;
  readonly vanaf: string;
  /** Decimal string; null for a `-` cell; undefined when the cell does not exist in that version. */
  readonly waarde: string | null | undefined;
  readonly tekst: string;
  /** How the version came to this value: written there, indexed there, or taken over from its base. */
  readonly hoe: 'geschreven' | 'geïndexeerd' | 'overgenomen';
  /** The commit that last changed the value in this version's file (not for `overgenomen`). */
  readonly commit?: { hash: string; kort: string; auteur: string; datum: string; onderwerp: string };
}

export interface ValueHistory {
  readonly soort: 'cel' | 'parameter';
  readonly naam: string;
  readonly sleutel?: string;
  readonly stappen: readonly ValueStep[];
  /** "€ 174,90 sinds 2019, gezet in commit 1a2b3c4 door …; geïndexeerd 2020 en 2022". */
  readonly samenvatting: string;
}

/** Where a revision and version are compared: `rev` a commit, tag or 'werkmap' (the files on disk). */
export interface Side {
  readonly rev: string;
  readonly versie: string;
}

export class History {
  constructor(private readonly wf: Workflow) {}

  private get repo() {
    return this.wf.repo;
  }

  /** The files at a revision ('werkmap' or '' for the disk), with the context folders as they are now. */
  async sources(rev: string): Promise<Source[]> {
    return [...(await this.ownSources(rev)), ...(await this.wf.context.sources())];
  }

  /** The working folder's own files at a revision (the context folders are not in its history). */
  private async ownSources(rev: string): Promise<Source[]> {
    if (rev === '' || rev === 'werkmap') return readFolder(this.wf.root);
    const hash = await this.repo.git.resolve(rev);
    if (hash === undefined) throw new WorkflowError(404, `Revisie '${oneLine(rev, 60)}' bestaat niet.`);
    return readRevision(this.repo.git, hash, this.repo.prefix);
  }

  /** The compiled versions at a revision; empty when the rules had errors then. */
  async programs(rev: string): Promise<Ir.Program[]> {
    const result = this.wf.cache.compile(await this.sources(rev));
    return result.ok ? result.programs : [];
  }

  /** Commits of a file (relative to the rules folder), of a version's file, or of the whole folder. */
  async log(options: { pad?: string; versie?: string; max?: number }): Promise<Commit[]> {
    let pad = options.pad;
    if (options.versie !== undefined) pad = (await this.wf.state(options.versie)).pad;
    const commits = await this.repo.log({ ...(pad !== undefined ? { pad } : {}), max: options.max ?? 200 });
    if (options.versie === undefined) return commits;
    // A version's own workflow commits (asked, sent back, comments) belong to its story too.
    const marked = await this.repo.log({ grep: `^Regelwerk-Versie: ${escapeRegExp(options.versie)}$` });
    const seen = new Set(commits.map((c) => c.hash));
    return [...commits, ...marked.filter((c) => !seen.has(c.hash))].sort((a, b) =>
      a.datum < b.datum ? 1 : a.datum > b.datum ? -1 : 0,
    );
  }

  /** What a commit changed: its files and, per version whose file changed, the semantic diff. */
  async commitChange(rev: string): Promise<CommitChange> {
    const hash = await this.repo.git.resolve(rev);
    if (hash === undefined) throw new WorkflowError(404, `Commit '${oneLine(rev, 60)}' bestaat niet.`);
    const [commit] = await this.repo.log({ rev: hash, max: 1 });
    if (commit === undefined) throw new WorkflowError(404, `Commit '${oneLine(rev, 60)}' bestaat niet.`);
    const names = await this.repo.git.run([
      'diff-tree',
      '--root',
      '--no-commit-id',
      '-r',
      '-z',
      '--name-only',
      hash,
    ]);
    const files = names
      .split('\0')
      .filter((p) => p !== '')
      .flatMap((p) => this.repo.relPath(p) ?? []);
    const parent = await this.repo.git.resolve(`${hash}~1`);
    const after = await this.programs(hash);
    const before = parent === undefined ? [] : await this.programs(parent);
    const verschillen: VersionDiff[] = [];
    for (const program of after.filter((p) => files.includes(p.file))) {
      const old =
        before.find((p) => p.version === program.version) ??
        after.find((p) => p.version === program.base) ??
        before.find((p) => p.version === program.base);
      if (old !== undefined) verschillen.push(diffPrograms(old, program));
    }
    return { commit, bestanden: files, verschillen };
  }

  /** Compares any two (revision, version) pairs. */
  async compare(from: Side, to: Side): Promise<VersionDiff> {
    const find = async (side: Side): Promise<Ir.Program> => {
      const programs = await this.programs(side.rev);
      const p = programs.find((x) => x.version === side.versie);
      if (p === undefined) {
        throw new WorkflowError(
          404,
          `Versie '${oneLine(side.versie, 60)}' bestaat niet in ${side.rev === '' || side.rev === 'werkmap' ? 'de werkmap' : `revisie ${oneLine(side.rev, 40)}`} (of de regels hadden daar fouten).`,
        );
      }
      return p;
    };
    return diffPrograms(await find(from), await find(to));
  }

  /** The history of a table cell (`sleutel` "ontwikkelen/OB2/midden/B") or of a parameter, up to `versie`. */
  async valueHistory(q: {
    tabel?: string;
    sleutel?: string;
    parameter?: string;
    versie: string;
  }): Promise<ValueHistory> {
    const programs = await this.programs('werkmap');
    const chain: Ir.Program[] = [];
    for (let p = programs.find((x) => x.version === q.versie); p !== undefined;) {
      chain.unshift(p);
      const base = p.base;
      p = base === undefined ? undefined : programs.find((x) => x.version === base);
    }
    if (chain.length === 0)
      throw new WorkflowError(
        404,
        `Versie '${oneLine(q.versie, 60)}' bestaat niet (of de regels bevatten fouten).`,
      );
    const probe = valueProbe(q);
    const steps: ValueStep[] = [];
    let previous: string | null | undefined;
    for (const [i, program] of chain.entries()) {
      const v = probe(program);
      const waarde = v?.value === undefined ? v?.value : v.value === null ? null : v.value.toFixed();
      const changed = i === 0 || waarde !== previous;
      previous = waarde;
      const hoe: ValueStep['hoe'] = !changed
        ? 'overgenomen'
        : v?.writtenIn === program.version
          ? 'geschreven'
          : 'geïndexeerd';
      const step: ValueStep = {
        versie: program.version,
        vanaf: program.validFrom,
        waarde,
        tekst:
          v === undefined || v.value === undefined
            ? 'bestaat niet'
            : v.value === null
              ? '-'
              : numberText(v.value, v.type),
        hoe,
      };
      steps.push(changed ? { ...step, ...(await this.lastChange(program, probe)) } : step);
    }
    const last = steps[steps.length - 1];
    const since = [...steps].reverse().find((s) => s.hoe !== 'overgenomen');
    const writtenStep = [...steps].reverse().find((s) => s.hoe === 'geschreven');
    const indexed = steps.filter(
      (s) => s.hoe === 'geïndexeerd' && writtenStep !== undefined && s.versie > writtenStep.versie,
    );
    const who = (s: ValueStep | undefined) =>
      s?.commit === undefined
        ? ''
        : `, gezet in commit ${s.commit.kort} door ${s.commit.auteur} (${s.commit.datum.slice(0, 10)})`;
    const samenvatting =
      last === undefined
        ? ''
        : `${last.tekst} sinds ${since?.versie ?? last.versie}${who(since)}` +
          (writtenStep !== undefined && writtenStep !== since
            ? `; geschreven in ${writtenStep.versie}${who(writtenStep)}`
            : '') +
          (indexed.length > 0 ? `; geïndexeerd ${joinDutch(indexed.map((s) => s.versie))}` : '');
    return {
      soort: q.parameter !== undefined ? 'parameter' : 'cel',
      naam: q.parameter ?? q.tabel ?? '',
      ...(q.sleutel !== undefined ? { sleutel: q.sleutel } : {}),
      stappen: steps,
      samenvatting,
    };
  }

  /** The commit of a version's file since which its value is what it is now. */
  private async lastChange(program: Ir.Program, probe: Probe): Promise<Pick<ValueStep, 'commit'>> {
    const commits = (await this.repo.log({ pad: program.file })).reverse();
    let found: Commit | undefined;
    let before: string | null | undefined = '\0';
    for (const c of commits) {
      const p = (await this.programs(c.hash)).find((x) => x.version === program.version);
      const v = p === undefined ? undefined : probe(p);
      const now = v?.value === undefined ? '\0none' : v.value === null ? null : v.value.toFixed();
      if (p !== undefined && now !== before) found = c;
      if (p !== undefined) before = now;
    }
    if (found === undefined) return {};
    return {
      commit: {
        hash: found.hash,
        kort: found.kort,
        auteur: found.auteur,
        datum: found.datum,
        onderwerp: found.onderwerp,
      },
    };
  }

  /** Writes a file as it was at a revision, as a new commit (through the caller's save, which checks it). */
  async textAt(rev: string, pad: string): Promise<string> {
    const hash = await this.repo.git.resolve(rev);
    if (hash === undefined) throw new WorkflowError(404, `Revisie '${oneLine(rev, 60)}' bestaat niet.`);
    const text = await this.repo.git.show(hash, this.repo.topPath(pad));
    if (text === undefined)
      throw new WorkflowError(
        404,
        `Het bestand '${oneLine(pad, 100)}' bestond niet in revisie ${hash.slice(0, 7)}.`,
      );
    return text;
  }
}

interface ProbedValue {
  readonly value: Dec | null | undefined;
  readonly type: Ir.Type;
  /** The version whose text wrote the value (before indexations). */
  readonly writtenIn: string;
}
type Probe = (program: Ir.Program) => ProbedValue | undefined;

function valueProbe(q: { tabel?: string; sleutel?: string; parameter?: string }): Probe {
  if (q.parameter !== undefined) {
    const name = q.parameter;
    return (program) => {
      const p = program.parameters.find((x) => x.name === name);
      if (p === undefined || p.value.kind !== 'const' || typeof p.value.value !== 'string') return undefined;
      return { value: parameterValue(p, dec(p.value.value)), type: p.type, writtenIn: p.origin.version };
    };
  }
  if (q.tabel === undefined || q.sleutel === undefined) {
    throw new WorkflowError(400, 'Noem een tabel met een cel (tabel en sleutel) of een parameter.');
  }
  const table = q.tabel;
  const key = q.sleutel;
  return (program) => {
    const t = program.tables.find((x) => x.name === table);
    const cell = t?.cells.find((c) => c.key.join('/') === key);
    if (t === undefined || cell === undefined) return undefined;
    return { value: effectiveCells(t).get(key) ?? null, type: t.type, writtenIn: cell.version };
  };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const joinDutch = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;
