/**
 * `regelwerk api --bundel <bestand> | --regels <map>… [--port 8080] [--host 127.0.0.1] [--naam <hostnaam>]…
 * [--max-batch n] [--tijdslimiet s]`: starts the HTTP API (src/api). The API key, when wanted, comes from the
 * environment (REGELWERK_API_SLEUTEL), never from the command line. SIGHUP loads the bundle anew; SIGTERM and
 * SIGINT stop after the requests in progress (/gereed answers 503 meanwhile).
 */
import { BundleHolder, loadServed } from '../api/holder.js';
import type { BundleSource } from '../api/holder.js';
import { createApi } from '../api/server.js';
import { EXIT_PROBLEMS, EXIT_USAGE, type Io } from './output.js';
import { parseCommand } from './args.js';

const USAGE =
  'Gebruik: regelwerk api --bundel <bestand> | --regels <map>… [--port 8080] [--host 127.0.0.1] [--naam <hostnaam>] [--max-batch 1000] [--tijdslimiet 10]';

const fail = (io: Io, message: string): number => {
  io.err(`Verkeerd gebruik: ${message}\n${USAGE}`);
  return EXIT_USAGE;
};

export async function runApi(args: string[], io: Io): Promise<number> {
  const a = parseCommand(
    args,
    {
      command: 'api',
      options: {
        bundel: { type: 'string' },
        regels: { type: 'string', multiple: true },
        port: { type: 'string' },
        host: { type: 'string' },
        naam: { type: 'string', multiple: true },
        'max-batch': { type: 'string' },
        tijdslimiet: { type: 'string' },
      },
    },
    io,
  );
  if (typeof a === 'number') return a;
  const v = a.values;
  if ((v.bundel === undefined) === (v.regels === undefined))
    return fail(io, 'geef --bundel <bestand> of --regels <map> (één van beide; --regels mag vaker).');
  const port = Number(v.port ?? '8080');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return fail(io, 'ongeldige poort: geef een getal van 0 tot 65535.');
  const host = v.host ?? '127.0.0.1';
  const batchCases = Number(v['max-batch'] ?? '1000');
  if (!Number.isInteger(batchCases) || batchCases < 1 || batchCases > 100_000)
    return fail(io, '--max-batch moet een geheel getal van 1 tot 100000 zijn.');
  const seconds = Number(v.tijdslimiet ?? '10');
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
    return fail(io, '--tijdslimiet moet een aantal seconden van meer dan 0 tot 600 zijn.');

  const source: BundleSource =
    v.bundel !== undefined ? { kind: 'bundel', file: v.bundel } : { kind: 'regels', dirs: v.regels ?? [] };
  const first = await loadServed(source);
  if (!first.ok) {
    io.err(first.error);
    return EXIT_PROBLEMS;
  }
  const holder = new BundleHolder(source, first.served);
  const apiKey = process.env['REGELWERK_API_SLEUTEL'];
  const { app, context } = await createApi(holder, {
    limits: { batchCases, timeMs: Math.round(seconds * 1000) },
    allowedHosts: v.naam ?? [],
    ...(apiKey ? { apiKey } : {}),
  });
  try {
    await app.listen({ port, host });
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    io.err(
      code === 'EADDRINUSE'
        ? `Poort ${port} is al in gebruik; kies een andere met --port.`
        : `Kan niet luisteren op ${host}:${port} (${code || String(e)}).`,
    );
    return EXIT_PROBLEMS;
  }
  const address = app.server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const { runtime } = holder.current;
  io.err(
    `regelwerk API luistert op http://${host.includes(':') ? `[${host}]` : host}:${actual} (regelset ${runtime.ruleset}, versie ${runtime.release}, ${runtime.hash}${apiKey ? ', met API-sleutel' : ''}); documentatie op /docs`,
  );

  const reload = () => {
    void holder
      .reload()
      .then((r) =>
        r.ok
          ? app.log.info({ bundel: holder.current.runtime.hash }, 'bundel herladen (SIGHUP)')
          : app.log.warn({ error: r.error }, 'herladen mislukt (SIGHUP); de vorige bundel blijft in gebruik'),
      );
  };
  process.on('SIGHUP', reload);
  return await new Promise<number>((resolve) => {
    const stop = () => {
      context.closing = true;
      process.off('SIGHUP', reload);
      void app.close().then(() => resolve(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
