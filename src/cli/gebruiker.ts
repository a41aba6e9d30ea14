/**
 * `regelwerk gebruiker toevoegen|wijzigen|verwijderen|lijst <naam> --gebruikers <bestand>`: the accounts of team
 * mode. The password is asked for (twice, not shown) on a terminal, or read as the first line of standard input
 * (`echo … | regelwerk gebruiker toevoegen …`); it is stored only as a scrypt hash.
 */
import { WorkflowError } from '../workflow/errors.js';
import { AccountFile, parseRoles, ROLES } from '../workflow/people.js';
import { parse, usage } from './args.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Io } from './output.js';

/** Reads a password: hidden prompt on a terminal (twice), else the first line of stdin. */
async function readPassword(io: Io): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(c as Buffer);
    return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stderr.write(prompt);
      stdin.setRawMode(true);
      stdin.resume();
      let typed = '';
      const onData = (b: Buffer) => {
        for (const ch of b.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            stdin.setRawMode(false);
            stdin.pause();
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask('Wachtwoord: ');
  const second = await ask('Nog eens: ');
  if (first !== second) {
    io.err('De twee wachtwoorden zijn niet gelijk.');
    throw new WorkflowError(400, 'De twee wachtwoorden zijn niet gelijk.');
  }
  return first;
}

export async function runGebruikerCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const a = parse(
    rest,
    {
      gebruikers: { type: 'string' },
      rol: { type: 'string', multiple: true },
      'volledige-naam': { type: 'string' },
      email: { type: 'string' },
      wachtwoord: { type: 'boolean' },
    },
    io,
    false,
  );
  if (!a) return EXIT_USAGE;
  const file = a.values.gebruikers;
  if (typeof file !== 'string' || file === '') {
    return usage(
      io,
      false,
      'gebruiker heeft --gebruikers <bestand> nodig (het gebruikersbestand van de teammodus).',
      false,
    );
  }
  const [name, ...extra] = a.positionals;
  if (extra.length > 0) return usage(io, false, `onverwacht argument '${extra[0] ?? ''}'.`, false);
  const roles = Array.isArray(a.values.rol)
    ? a.values.rol.filter((r): r is string => typeof r === 'string')
    : [];
  const fullName = typeof a.values['volledige-naam'] === 'string' ? a.values['volledige-naam'] : undefined;
  const email = typeof a.values.email === 'string' ? a.values.email : undefined;
  try {
    if (sub === 'lijst') {
      const accounts = await AccountFile.read(file);
      for (const u of accounts.list())
        io.out(`${u.gebruikersnaam.padEnd(16)} ${u.rollen.join(', ').padEnd(28)} ${u.naam} <${u.email}>`);
      return EXIT_OK;
    }
    if (name === undefined || !['toevoegen', 'wijzigen', 'verwijderen'].includes(sub ?? '')) {
      return usage(
        io,
        false,
        `gebruiker kent toevoegen, wijzigen, verwijderen en lijst, bijvoorbeeld: regelwerk gebruiker toevoegen anna --rol opsteller --volledige-naam "Anna de Vries" --gebruikers gebruikers.json (rollen: ${ROLES.join(', ')}).`,
        false,
      );
    }
    const accounts = await AccountFile.read(file, { create: sub === 'toevoegen' });
    if (sub === 'toevoegen') {
      const rollen = parseRoles(roles);
      if (rollen.length === 0)
        throw new WorkflowError(400, `Geef minstens één rol met --rol (${ROLES.join(', ')}).`);
      const wachtwoord = await readPassword(io);
      await accounts.add({
        gebruikersnaam: name,
        naam: fullName ?? name,
        email: email ?? '',
        rollen,
        wachtwoord,
      });
      await accounts.write();
      io.out(`Gebruiker ${name} toegevoegd (${rollen.join(', ')}).`);
    } else if (sub === 'wijzigen') {
      const wachtwoord = a.values.wachtwoord === true ? await readPassword(io) : undefined;
      await accounts.change(name, {
        ...(fullName !== undefined ? { naam: fullName } : {}),
        ...(email !== undefined ? { email } : {}),
        ...(roles.length > 0 ? { rollen: parseRoles(roles) } : {}),
        ...(wachtwoord !== undefined ? { wachtwoord } : {}),
      });
      await accounts.write();
      io.out(`Gebruiker ${name} gewijzigd. Een draaiende server neemt dat bij het volgende verzoek over.`);
    } else {
      accounts.remove(name);
      await accounts.write();
      io.out(`Gebruiker ${name} verwijderd. Een draaiende server neemt dat bij het volgende verzoek over.`);
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof WorkflowError) {
      io.err(`Geweigerd: ${e.message}`);
      return EXIT_PROBLEMS;
    }
    throw e;
  }
}
