/**
 * Serves the built editor app from one directory. Unknown paths without an extension fall back to
 * index.html (the app routes itself); nothing outside the directory is ever read.
 */
import { createReadStream, promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { sendProblem } from './json-response.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  appDir: string,
  pathname: string,
): Promise<void> {
  const root = path.resolve(appDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendProblem(res, 400, 'Ongeldig adres.');
    return;
  }
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) {
    sendProblem(res, 403, 'Geen toegang.');
    return;
  }
  let file = candidate;
  let stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file).catch(() => undefined);
  }
  if (stat === undefined && path.extname(candidate) === '') {
    file = path.join(root, 'index.html');
    stat = await fs.stat(file).catch(() => undefined);
  }
  if (stat === undefined || !stat.isFile()) {
    sendProblem(res, 404, `Niet gevonden: ${pathname.slice(0, 200)}`);
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const hashed = file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': stat.size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
