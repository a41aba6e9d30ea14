/** Test helpers: raw HTTP requests (with any Host/Origin header) and real server processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One request with exactly these headers (fetch does not let a page or a test set `Host`). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `regelwerk serve` as its own process on a free port, API only. */
export function startServerProcess(rulesDir: string, extra: readonly string[] = []): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['bin/regelwerk.mjs', 'serve', '--niet-bouwen', '--port', '0', '--regels', rulesDir, ...extra],
    { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /draait op (http:\/\/\S+?)\/\s/.exec(out);
      if (m?.[1] !== undefined) {
        resolve({
          url: m[1],
          child,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`server stopte (code ${code}): ${out}${err}`)));
  });
}

/** PUT a save as the editor does (JSON, same origin). Network errors (a killed server) become status 0. */
export async function putSave(
  base: string,
  pad: string,
  inhoud: string,
  versie: string | null,
): Promise<number> {
  try {
    const res = await rawRequest(`${base}/api/bestand?pad=${encodeURIComponent(pad)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ inhoud, versie }),
    });
    return res.status;
  } catch {
    return 0;
  }
}
