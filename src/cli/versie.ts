/**
 * `regelwerk versie …`: the life of a version from the command line, on the same git history as the editor.
 *   versie nieuw --basis 2022 --naam 2023 --vanaf 2023-01-01 [--gemeente …] [--bericht …]
 *   versie lijst [--json]
 *   versie ter-vaststelling <versie> [--tekst …]
 *   versie vaststellen <versie> --besluit "…"
 *   versie terugsturen <versie> --tekst "…"
 *   versie geschiedenis <versie> [--json]
 * Every command takes `--regels <map>`; the default is the editor's workspace (.werkruimte/regels). The person
 * is the one git is configured with (user.name, user.email); the four-eyes rule holds here too.
 */
import path from 'node:path';
import { WorkflowError } from '../workflow/errors.js';
import { GitError } from '../workflow/git.js';
import { History } from '../workflow/history.js';
import { ensureWorkspace, localPerson } from '../workflow/workspace.js';
import { Workflow } from '../workflow/workflow.js';
import type { VersionState } from '../workflow/states.js';
import { parse, usage } from './args.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from './output.js';
import { projectRoot } from './project-root.js';

const SUBCOMMANDS = 'nieuw, lijst, ter-vaststelling, vaststellen, terugsturen of geschiedenis';

function describe(s: VersionState): string {
  const extra =
    s.status === 'vastgesteld' && s.besluit !== undefined
      ? ` — ${s.besluit} (door ${s.vastgesteldDoor ?? '?'}, ${s.vastgesteldOp?.slice(0, 10) ?? ''})`
      : '';
  return `${s.versie.padEnd(14)} ${s.status.padEnd(17)} vanaf ${s.vanaf}  ${s.pad}${extra}`;
}

export async function runVersieCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const json = rest.includes('--json');
  const a = parse(
    rest,
    {
      regels: { type: 'string' },
      basis: { type: 'string' },
      naam: { type: 'string' },
      vanaf: { type: 'string' },
      gemeente: { type: 'string' },
      bericht: { type: 'string' },
      tekst: { type: 'string' },
      besluit: { type: 'string' },
      json: { type: 'boolean' },
    },
    io,
    json,
  );
  if (!a) return EXIT_USAGE;
  const v = a.values;
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const [name, ...extra] = a.positionals;
  if (extra.length > 0) return usage(io, json, `onverwacht argument '${extra[0] ?? ''}'.`, false);
  try {
    const dir =
      str(v.regels) !== undefined
        ? path.resolve(str(v.regels) ?? '')
        : (await ensureWorkspace(projectRoot())).dir;
    const wf = await Workflow.open(dir);
    const person = await localPerson(wf.repo);
    const show = (s: VersionState, what: string) => {
      if (json) io.out(JSON.stringify(s, null, 2));
      else io.out(`${what}\n${describe(s)}`);
      return EXIT_OK;
    };
    const needName = (): string | undefined => {
      if (name === undefined || name === '') {
        usage(
          io,
          json,
          `versie ${sub ?? ''} heeft de naam van een versie nodig, bijvoorbeeld: regelwerk versie ${sub ?? ''} 2023.`,
          false,
        );
        return undefined;
      }
      return name;
    };
    switch (sub) {
      case 'nieuw': {
        const basis = str(v.basis);
        const naam = str(v.naam);
        const vanaf = str(v.vanaf);
        if (basis === undefined || naam === undefined || vanaf === undefined || name !== undefined) {
          return usage(
            io,
            json,
            'versie nieuw heeft --basis, --naam en --vanaf nodig, bijvoorbeeld: regelwerk versie nieuw --basis 2022 --naam 2023 --vanaf 2023-01-01.',
            false,
          );
        }
        const gemeente = str(v.gemeente);
        const s = await wf.newVersion(
          {
            basis,
            naam,
            vanaf,
            ...(gemeente !== undefined ? { gemeente } : {}),
            bericht: str(v.bericht) ?? '',
          },
          person,
        );
        return show(
          s,
          `Versie ${s.versie} gemaakt in ${path.join(dir, s.pad)} (status concept), vastgelegd als commit door ${person.name}.`,
        );
      }
      case 'lijst': {
        const states = await wf.states();
        io.out(json ? JSON.stringify(states, null, 2) : states.map(describe).join('\n'));
        return EXIT_OK;
      }
      case 'ter-vaststelling': {
        const n = needName();
        if (n === undefined) return EXIT_USAGE;
        return show(
          await wf.requestAdoption(n, person, str(v.tekst) ?? ''),
          `Versie ${n} ligt nu ter vaststelling.`,
        );
      }
      case 'vaststellen': {
        const n = needName();
        if (n === undefined) return EXIT_USAGE;
        const besluit = str(v.besluit);
        if (besluit === undefined) {
          return usage(
            io,
            json,
            'versie vaststellen heeft --besluit "…" nodig: het besluit waarop de vaststelling rust.',
            false,
          );
        }
        const s = await wf.adopt(n, person, besluit);
        return show(s, `Versie ${n} is vastgesteld (tag ${s.tag ?? '?'}).`);
      }
      case 'terugsturen': {
        const n = needName();
        if (n === undefined) return EXIT_USAGE;
        return show(
          await wf.sendBack(n, person, str(v.tekst) ?? ''),
          `Versie ${n} is teruggestuurd naar concept.`,
        );
      }
      case 'geschiedenis': {
        const n = needName();
        if (n === undefined) return EXIT_USAGE;
        const commits = await new History(wf).log({ versie: n });
        if (json) io.out(JSON.stringify(commits, null, 2));
        else
          for (const c of commits)
            io.out(`${c.kort}  ${c.datum.slice(0, 16).replace('T', ' ')}  ${c.auteur}: ${c.onderwerp}`);
        return EXIT_OK;
      }
      default:
        return usage(
          io,
          json,
          `versie kent ${SUBCOMMANDS}${sub === undefined ? '' : `, niet '${sub}'`}.`,
          false,
        );
    }
  } catch (e) {
    if (e instanceof WorkflowError || e instanceof GitError) {
      const problemen = e instanceof WorkflowError ? e.extra['problemen'] : undefined;
      if (json)
        io.out(
          JSON.stringify(
            { ok: false, fout: e.message, ...(problemen !== undefined ? { problemen } : {}) },
            null,
            2,
          ),
        );
      else
        io.err(
          Array.isArray(problemen)
            ? [
                `Geweigerd: versie kan nog niet ter vaststelling:`,
                ...problemen.map((p) => `  - ${String(p)}`),
              ].join('\n')
            : `Geweigerd: ${e.message}`,
        );
      return EXIT_PROBLEMS;
    }
    throw e;
  }
}
