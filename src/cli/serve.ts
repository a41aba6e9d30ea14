/**
 * `regelwerk serve [--port 5178] [--host 127.0.0.1] [--naam <host>]… [--regels <map>] [--gebruikers <bestand>]
 * [--achter-https] [--niet-bouwen]`:
 * builds the editor when needed (`npm run build:editor` in a child process, so the server itself stays
 * small) and serves it with the file API for the rules folder. The server answers only requests addressed to
 * localhost, 127.0.0.1, [::1], the `--host` address, or a name given with `--naam`.
 * Without `--regels` it works on the workspace `.werkruimte/regels` (made from rules/, its own git repository),
 * so saving never makes commits in regelwerk's own repository. Without `--gebruikers` it runs in local mode
 * (one person, loopback only); with it in team mode (login, roles).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../server/ensure-built.js';
import { isLoopback, StartRefusal, startServer } from '../server/http-server.js';
import { WorkflowError } from '../workflow/errors.js';
import { ensureWorkspace } from '../workflow/workspace.js';
import { parseCommand, usage, wholeNumber } from './args.js';
import { processIo } from './output.js';
import { projectRoot } from './project-root.js';

const PROJECT_ROOT = projectRoot();

interface ServeArgs {
  readonly port: number;
  readonly host: string;
  readonly rulesDir: string | undefined;
  /** Further `--regels` folders: shown and compiled along, read-only (a draft's base elsewhere). */
  readonly context: readonly string[];
  readonly names: readonly string[];
  readonly build: boolean;
  readonly users: string | undefined;
  readonly https: boolean;
}

const HELP = `Start de editor in de browser met de regels uit de map (standaard rules/).
  --port n          de poort (standaard 5178; 0: een vrije poort)
  --host adres      het adres waarop de server luistert (standaard 127.0.0.1, alleen deze machine)
  --naam hostnaam   nog een naam waarop de server antwoordt (herhaalbaar); standaard alleen localhost,
                    127.0.0.1, [::1] en het --host-adres, zodat een andere website er niet bij kan
  --regels map      de map met regelbestanden (een git-map: elke opslag wordt een commit); standaard de
                    werkmap .werkruimte/regels, die de eerste keer uit rules/ wordt gemaakt. Meermaals: de
                    eerste is de werkmap, de volgende worden alleen meegelezen (een concept vindt er zijn
                    basis), bijvoorbeeld --regels concept --regels ../rules/twents-model
  --gebruikers f    teammodus: inloggen met de gebruikers uit bestand f (regelwerk gebruiker toevoegen);
                    zonder dit bestand luistert de server alleen op deze machine, voor één persoon
  --achter-https    de server is via https bereikbaar (een reverse proxy): het sessiecookie krijgt Secure
  --niet-bouwen     de editor niet (opnieuw) bouwen, ook als dist/editor ontbreekt of verouderd is`;

const USAGE =
  'Gebruik: regelwerk serve [--port 5178] [--host 127.0.0.1] [--naam <hostnaam>]… [--regels <map>]… [--gebruikers <bestand>] [--achter-https] [--niet-bouwen]';

/** The options (the parser every command shares, args.ts); a Dutch message for a mistake, 'help' for --help. */
function parseServeArgs(args: string[]): ServeArgs | 'help' | number {
  const a = parseCommand(
    args,
    {
      command: 'serve',
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        naam: { type: 'string', multiple: true },
        regels: { type: 'string', multiple: true },
        gebruikers: { type: 'string' },
        'achter-https': { type: 'boolean' },
        'niet-bouwen': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    processIo,
  );
  if (typeof a === 'number') return a;
  const v = a.values;
  if (v.help === true) return 'help';
  const port = wholeNumber(v.port ?? '5178', 0, 65535);
  if (port === undefined)
    return usage(processIo, false, 'ongeldige poort: geef een getal van 0 tot 65535.', false);
  const badName = (v.naam ?? []).find((n) => !/^[A-Za-z0-9.\-:[\]]+$/.test(n));
  if (badName !== undefined)
    return usage(
      processIo,
      false,
      `geef bij --naam een hostnaam op (bijvoorbeeld regels.gemeente.local), zonder poort; niet '${badName}'.`,
      false,
    );
  const [rulesDir, ...context] = (v.regels ?? []).map((d) => path.resolve(d));
  return {
    port,
    host: v.host ?? '127.0.0.1',
    rulesDir,
    context,
    names: v.naam ?? [],
    build: v['niet-bouwen'] !== true,
    users: v.gebruikers === undefined ? undefined : path.resolve(v.gebruikers),
    https: v['achter-https'] === true,
  };
}

export async function serve(args: string[]): Promise<number> {
  const parsed = parseServeArgs(args);
  if (parsed === 'help') {
    console.log(`${USAGE}\n\n${HELP}`);
    return 0;
  }
  if (typeof parsed === 'number') return parsed;
  if (parsed.users === undefined && !isLoopback(parsed.host)) {
    console.error(
      `De server luistert alleen op een adres van andere machines (${parsed.host}) als er gebruikers zijn: ` +
        "start hem met --gebruikers <bestand> (maak gebruikers met 'regelwerk gebruiker toevoegen'), of laat --host weg.",
    );
    return 2;
  }
  let rulesDir = parsed.rulesDir;
  if (rulesDir === undefined) {
    const workspace = await ensureWorkspace(PROJECT_ROOT);
    rulesDir = workspace.dir;
    if (workspace.made)
      console.log(`Werkmap ${rulesDir} gemaakt uit rules/ (met een eigen git-geschiedenis).`);
  }
  for (const dir of [rulesDir, ...parsed.context]) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat?.isDirectory() !== true) {
      console.error(`De map met regels '${dir}' bestaat niet (of is geen map). Geef een map met --regels.`);
      return 2;
    }
  }
  const appDir = path.join(PROJECT_ROOT, 'dist', 'editor');
  try {
    if (parsed.build) await ensureBuilt(PROJECT_ROOT, appDir, (line) => console.log(line));
  } catch (e) {
    console.error(`Het bouwen van de editor is mislukt: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  let server;
  try {
    server = await startServer({
      rulesDir,
      context: parsed.context,
      ...(parsed.users !== undefined ? { users: parsed.users } : {}),
      https: parsed.https,
      appDir,
      host: parsed.host,
      port: parsed.port,
      names: parsed.names,
      log: (line) => console.log(line),
    });
  } catch (e) {
    if (e instanceof StartRefusal || e instanceof WorkflowError) {
      console.error(e.message);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Poort ${parsed.port} is al in gebruik. Kies een andere met --port.`
        : `De server kon niet starten: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  console.log(`De editor draait op ${server.url}/  (regels uit ${rulesDir})`);
  for (const dir of parsed.context) console.log(`Alleen meegelezen (voor de basisversies): ${dir}`);
  console.log(
    parsed.users !== undefined
      ? `Teammodus: inloggen met de gebruikers uit ${parsed.users}.`
      : 'Lokale modus: één persoon (naam uit git config), alle rollen.',
  );
  console.log('Stoppen: Ctrl+C');
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
