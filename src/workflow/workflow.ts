/**
 * The yearly round on a rules folder under git: saves as commits, new versions, the steps concept →
 * ter vaststelling → vastgesteld (four eyes), and which files may no longer change. Roles are checked by the
 * caller (the server per request, the CLI runs as the local person with every role); the four-eyes rule is
 * checked here, for everyone.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Person } from './git.js';
import { WorkflowError, oneLine, typedText } from './errors.js';
import { ContextFolders } from './context.js';
import { checkGate, type GateReport } from './gate.js';
import { CompileCache, readFolder, readHeader, type HeaderInfo } from './rule-files.js';
import { RulesRepo } from './repo.js';
import { adoptionTag, markedMessage, versionStates, type VersionState } from './states.js';

export interface NewVersion {
  readonly basis: string;
  readonly naam: string;
  readonly vanaf: string;
  readonly gemeente?: string;
  readonly bericht?: string;
}

const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const MUNICIPALITY = /^[\p{L}][\p{L} '-]{0,39}$/u;

export class Workflow {
  readonly cache = new CompileCache();

  private constructor(
    readonly repo: RulesRepo,
    /** Read-only folders whose rules take part in every compilation (a draft's base elsewhere). */
    readonly context: ContextFolders,
  ) {}

  static async open(rulesDir: string, contextDirs: readonly string[] = []): Promise<Workflow> {
    return new Workflow(await RulesRepo.open(rulesDir), new ContextFolders(contextDirs));
  }

  get root(): string {
    return this.repo.root;
  }

  async headers(): Promise<HeaderInfo[]> {
    const files = await readFolder(this.root);
    return files.flatMap((f) => readHeader(f.path, f.text) ?? []);
  }

  /** The last answer of {@link states}, valid while HEAD and the headers stay the same. */
  private statesMemo: { key: string; value: Promise<VersionState[]> } | undefined;

  async states(): Promise<VersionState[]> {
    const headers = await this.headers();
    const key = `${(await this.repo.git.head()) ?? ''}\n${JSON.stringify(headers)}`;
    if (this.statesMemo?.key !== key) {
      const value = versionStates(this.repo, headers);
      this.statesMemo = { key, value };
      value.catch(() => (this.statesMemo = undefined));
    }
    return this.statesMemo.value;
  }

  async state(versie: string): Promise<VersionState> {
    const found = (await this.states()).find((s) => s.versie === versie);
    if (found === undefined) throw new WorkflowError(404, `Versie '${oneLine(versie, 60)}' bestaat niet.`);
    return found;
  }

  /** Why a file may not be saved with this text (adopted, under review, status set by hand), or undefined. */
  async saveRefusal(pad: string, current: string | undefined, next: string): Promise<string | undefined> {
    if (!pad.endsWith('.regels')) return undefined;
    const before = current === undefined ? undefined : readHeader(pad, current);
    const after = readHeader(pad, next);
    if (before !== undefined) {
      const s = (await this.states()).find((x) => x.versie === before.versie && x.pad === pad);
      if (s?.status === 'vastgesteld') {
        return `Versie ${s.versie} is vastgesteld: alleen een conceptversie kan worden gewijzigd. Een correctie is een nieuwe versie (Nieuwe versie).`;
      }
      if (s?.status === 'ter vaststelling') {
        return `Versie ${s.versie} ligt ter vaststelling en kan nu niet worden gewijzigd. Laat een vaststeller de versie eerst terugsturen naar concept.`;
      }
    }
    if (after?.status === 'vastgesteld' && before?.status !== 'vastgesteld') {
      return "'status vastgesteld' zet u niet zelf: een vaststeller stelt de versie vast met de knop Vaststellen.";
    }
    return undefined;
  }

  /** Commits a saved file with the person as author and their message (a default when it is empty). */
  async commitSave(pad: string, person: Person, message: string): Promise<string | undefined> {
    const text = typedText(message);
    return this.repo.commit([pad], person, text === '' ? `Wijziging in ${pad}` : text);
  }

  /** Writes the header of a new version (status concept) next to its base and commits it. */
  async newVersion(input: NewVersion, person: Person): Promise<VersionState> {
    return this.repo.exclusive(async () => {
      const naam = input.naam.trim();
      if (!VERSION_NAME.test(naam)) {
        throw new WorkflowError(
          400,
          `'${oneLine(naam, 60)}' is geen geldige versienaam: gebruik letters, cijfers, '-', '.' of '_' (bijvoorbeeld 2023 of 2023-07), hooguit 40 tekens.`,
        );
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.vanaf) || Number.isNaN(Date.parse(`${input.vanaf}T00:00:00Z`))) {
        throw new WorkflowError(
          400,
          `'${oneLine(input.vanaf, 30)}' is geen datum: schrijf JJJJ-MM-DD, bijvoorbeeld 2023-01-01.`,
        );
      }
      const gemeente = input.gemeente?.trim() || undefined;
      if (gemeente !== undefined && !MUNICIPALITY.test(gemeente)) {
        throw new WorkflowError(400, `'${oneLine(gemeente, 60)}' is geen gemeentenaam.`);
      }
      const files = await readFolder(this.root);
      const headers = files.flatMap((f) => readHeader(f.path, f.text) ?? []);
      const base = headers.find((h) => h.versie === input.basis);
      if (base === undefined) {
        throw new WorkflowError(
          400,
          `Versie '${oneLine(input.basis, 60)}' bestaat niet. Bekende versies: ${headers.map((h) => h.versie).join(', ')}.`,
        );
      }
      if (headers.some((h) => h.versie === naam))
        throw new WorkflowError(409, `Versie '${naam}' bestaat al.`);
      if (input.vanaf <= base.vanaf) {
        throw new WorkflowError(
          400,
          `Versie ${naam} moet later ingaan dan versie ${base.versie} (geldig vanaf ${base.vanaf}).`,
        );
      }
      const folder = path.posix.dirname(base.pad) === '.' ? '' : path.posix.dirname(base.pad);
      const sub =
        gemeente === undefined || base.gemeente !== undefined
          ? ''
          : gemeente.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const rel = [folder, sub, `${naam}.regels`].filter((p) => p !== '').join('/');
      if (files.some((f) => f.path === rel)) throw new WorkflowError(409, `Het bestand '${rel}' bestaat al.`);
      const text = newVersionText(base, naam, input.vanaf, gemeente ?? base.gemeente);
      const compiled = this.cache.compile([...files, ...(await this.context.sources()), { path: rel, text }]);
      const own = compiled.diagnostics.filter((d) => d.file === rel && d.severity === 'fout');
      if (own.length > 0) {
        throw new WorkflowError(422, `De nieuwe versie kan zo niet: ${own.map((d) => d.message).join(' ')}`);
      }
      await writeText(path.join(this.root, ...rel.split('/')), text);
      const typed = typedText(input.bericht ?? '');
      await this.repo.commit(
        [rel],
        person,
        markedMessage(
          typed === ''
            ? `Nieuwe versie ${naam} op basis van ${base.versie} (concept)`
            : (typed.split('\n')[0] ?? ''),
          typed.split('\n').slice(1).join('\n').trim(),
          { Versie: naam, Status: 'concept' },
        ),
      );
      return this.state(naam);
    });
  }

  /** The gate's problems and the scenarios' outcomes for a version (also shown before asking). */
  async gate(versie: string): Promise<GateReport> {
    return checkGate(
      [...(await readFolder(this.root)), ...(await this.context.sources())],
      versie,
      this.cache,
    );
  }

  /** concept → ter vaststelling, when the gate lets it through. */
  async requestAdoption(versie: string, person: Person, text: string): Promise<VersionState> {
    return this.repo.exclusive(async () => {
      const s = await this.state(versie);
      if (s.status !== 'concept') {
        throw new WorkflowError(
          409,
          `Versie ${versie} is ${s.status}; alleen een concept kan ter vaststelling.`,
        );
      }
      const report = await this.gate(versie);
      if (report.problemen.length > 0) {
        throw new WorkflowError(
          422,
          `Versie ${versie} kan nog niet ter vaststelling: ${report.problemen.join(' ')}`,
          { problemen: report.problemen },
        );
      }
      await this.repo.commit(
        [],
        person,
        markedMessage(`Versie ${versie} ter vaststelling aangeboden`, typedText(text), {
          Versie: versie,
          Status: 'ter vaststelling',
        }),
      );
      return this.state(versie);
    });
  }

  /** ter vaststelling → concept, with a comment that says why. */
  async sendBack(versie: string, person: Person, text: string): Promise<VersionState> {
    return this.repo.exclusive(async () => {
      const s = await this.state(versie);
      if (s.status !== 'ter vaststelling') {
        throw new WorkflowError(409, `Versie ${versie} ligt niet ter vaststelling (status: ${s.status}).`);
      }
      const why = typedText(text);
      if (why === '') throw new WorkflowError(400, 'Schrijf erbij waarom de versie terug gaat naar concept.');
      await this.repo.commit(
        [],
        person,
        markedMessage(`Versie ${versie} teruggestuurd naar concept`, why, {
          Versie: versie,
          Status: 'teruggestuurd',
        }),
      );
      return this.state(versie);
    });
  }

  /** A comment in the version's thread. */
  async comment(versie: string, person: Person, text: string): Promise<VersionState> {
    return this.repo.exclusive(async () => {
      await this.state(versie);
      const t = typedText(text);
      if (t === '') throw new WorkflowError(400, 'Een opmerking mag niet leeg zijn.');
      await this.repo.commit(
        [],
        person,
        markedMessage(`Opmerking bij versie ${versie}`, t, { Versie: versie, Status: 'opmerking' }),
      );
      return this.state(versie);
    });
  }

  /**
   * ter vaststelling → vastgesteld by someone who made none of the version's commits (four eyes): the header
   * says `status vastgesteld`, the commit records the decision, and the tag `vastgesteld/<versie>` marks it.
   */
  async adopt(versie: string, person: Person, decision: string): Promise<VersionState> {
    return this.repo.exclusive(async () => {
      const s = await this.state(versie);
      if (s.status !== 'ter vaststelling') {
        throw new WorkflowError(
          409,
          s.status === 'vastgesteld'
            ? `Versie ${versie} is al vastgesteld.`
            : `Versie ${versie} is nog een concept: een opsteller biedt haar eerst ter vaststelling aan.`,
        );
      }
      const own = s.auteurs.find((a) => a.email.toLowerCase() === person.email.toLowerCase());
      if (own !== undefined) {
        throw new WorkflowError(
          403,
          `Vier ogen: u heeft zelf aan versie ${versie} gewerkt en mag haar daarom niet vaststellen. Een andere vaststeller moet dat doen.`,
        );
      }
      const besluit = oneLine(decision);
      if (besluit === '') {
        throw new WorkflowError(
          400,
          'Noem het besluit waarop de vaststelling rust (bijvoorbeeld "Besluit bestuurscommissie OZJT 17 mei 2023").',
        );
      }
      const full = path.join(this.root, ...s.pad.split('/'));
      const text = await fs.readFile(full, 'utf8');
      const header = readHeader(s.pad, text);
      if (header === undefined)
        throw new WorkflowError(422, `${s.pad} heeft geen kop die regelwerk kan lezen.`);
      const head = text.slice(0, header.headerEnd);
      const changed = head.replace(/^([ \t]*)status[ \t]+concept\b/m, '$1status vastgesteld');
      if (changed === head) throw new WorkflowError(422, `De kop van ${s.pad} noemt geen 'status concept'.`);
      await writeText(full, changed + text.slice(header.headerEnd));
      await this.repo.commit(
        [s.pad],
        person,
        markedMessage(`Versie ${versie} vastgesteld`, `Besluit: ${besluit}`, {
          Versie: versie,
          Status: 'vastgesteld',
          Besluit: besluit,
        }),
      );
      await this.repo.tag(
        adoptionTag(versie),
        `Versie ${versie} vastgesteld door ${person.name} <${person.email}>\n\nBesluit: ${besluit}\nBestand: ${s.pad}\n`,
        person,
      );
      return this.state(versie);
    });
  }
}

/** The text of a new version: its header (status concept) and what to write next. */
export function newVersionText(
  base: HeaderInfo,
  naam: string,
  vanaf: string,
  gemeente: string | undefined,
): string {
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    `// ${base.regelset} ${naam}: concept op basis van versie ${base.versie}.`,
    `// Alles wat hier niet staat, komt ongewijzigd uit versie ${base.versie}.`,
    '',
    `regelset ${quote(base.regelset)}`,
    `versie ${quote(naam)} op basis van ${quote(base.versie)}`,
    `geldig vanaf ${vanaf}`,
    'status concept',
    ...(gemeente !== undefined ? [`gemeente ${quote(gemeente)}`] : []),
    '',
    '// Schrijf hier wat er verandert, bijvoorbeeld:',
    '//   indexeer alle tarieven met 3,5 % afgerond op centen',
    '// en voeg minstens één scenario toe: zonder scenario kan de versie niet ter vaststelling.',
    '',
  ].join('\n');
}

/** Writes a file atomically (a temporary file in the same folder, then a rename). */
async function writeText(full: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(full), { recursive: true });
  const temp = path.join(
    path.dirname(full),
    `.regelwerk-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  await fs.writeFile(temp, text, 'utf8');
  await fs.rename(temp, full);
}
