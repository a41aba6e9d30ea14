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
import { projectRoot } from './project-root.js';

const PROJECT_ROOT = projectRoot();

interface ServeArgs {
  readonly port: number;
  readonly host: string;
  readonly rulesDir: string | undefined;
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
                    werkmap .werkruimte/regels, die de eerste keer uit rules/ wordt gemaakt
  --gebruikers f    teammodus: inloggen met de gebruikers uit bestand f (regelwerk gebruiker toevoegen);
                    zonder dit bestand luistert de server alleen op deze machine, voor één persoon
  --achter-https    de server is via https bereikbaar (een reverse proxy): het sessiecookie krijgt Secure
  --niet-bouwen     de editor niet (opnieuw) bouwen, ook als dist/editor ontbreekt of verouderd is`;

const USAGE =
  'Gebruik: regelwerk serve [--port 5178] [--host 127.0.0.1] [--naam <hostnaam>]… [--regels <map>] [--gebruikers <bestand>] [--achter-https] [--niet-bouwen]';

function parseArgs(args: readonly string[]): ServeArgs | string {
  let port = 5178;
  let host = '127.0.0.1';
  let rulesDir: string | undefined;
  let users: string | undefined;
  let https = false;
  let build = true;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--port': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0 || v > 65535)
          return 'Ongeldige poort: geef een getal van 0 tot 65535.';
        port = v;
        break;
      }
      case '--host': {
        const v = value();
        if (v === undefined || v === '') return 'Geef bij --host een adres op.';
        host = v;
        break;
      }
      case '--naam': {
        const v = value();
        if (v === undefined || v === '' || !/^[A-Za-z0-9.\-:[\]]+$/.test(v)) {
          return 'Geef bij --naam een hostnaam op (bijvoorbeeld regels.gemeente.local), zonder poort.';
        }
        names.push(v);
        break;
      }
      case '--regels': {
        const v = value();
        if (v === undefined || v === '') return 'Geef bij --regels een map op.';
        rulesDir = v;
        break;
      }
      case '--gebruikers': {
        const v = value();
        if (v === undefined || v === '') return 'Geef bij --gebruikers het gebruikersbestand op.';
        users = path.resolve(v);
        break;
      }
      case '--achter-https':
        https = true;
        break;
      case '--niet-bouwen':
        build = false;
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        return `Onbekende optie '${arg}'. ${USAGE}`;
    }
  }
  return {
    port,
    host,
    rulesDir: rulesDir === undefined ? undefined : path.resolve(rulesDir),
    names,
    build,
    users,
    https,
  };
}

export async function serve(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    console.log(`${USAGE}\n\n${HELP}`);
    return 0;
  }
  if (typeof parsed === 'string') {
    console.error(parsed);
    return 2;
  }
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
  const rulesStat = await fs.stat(rulesDir).catch(() => undefined);
  if (rulesStat?.isDirectory() !== true) {
    console.error(
      `De map met regels '${rulesDir}' bestaat niet (of is geen map). Geef een map met --regels.`,
    );
    return 2;
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
