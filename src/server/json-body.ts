/** Reading a JSON request body with a size limit and a time limit. */
import type http from 'node:http';
import { StoreError } from './store-error.js';

export interface BodyLimits {
  readonly maxBody: number;
  readonly bodyTimeout: number;
}

/**
 * Reads the body: more than `maxBody` bytes is a 413, a body that takes longer than `bodyTimeout` a 408
 * (the connection is closed after the answer, so a slow sender holds nothing open).
 */
export function readJsonBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limits: BodyLimits,
): Promise<unknown> {
  const tooLarge = () =>
    new StoreError(
      413,
      `Het verzoek is te groot: hooguit ${Math.floor(limits.maxBody / 1024)} KiB is toegestaan.`,
    );
  const giveUp = (error: StoreError) => {
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.destroy());
    req.resume();
    return error;
  };
  if (Number(req.headers['content-length'] ?? '0') > limits.maxBody)
    return Promise.reject(giveUp(tooLarge()));
  return new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: StoreError | undefined, value?: unknown) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      if (error !== undefined) reject(giveUp(error));
      else resolve(value);
    };
    const timer = setTimeout(
      () =>
        finish(
          new StoreError(
            408,
            `De inhoud van het verzoek kwam niet binnen ${Math.round(limits.bodyTimeout / 1000)} seconden binnen.`,
          ),
        ),
      limits.bodyTimeout,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBody) return finish(tooLarge());
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('error', () => finish(new StoreError(400, 'Het verzoek werd afgebroken.')));
    req.once('end', () => {
      try {
        finish(undefined, JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        finish(new StoreError(400, 'De inhoud van het verzoek is geen geldige JSON.'));
      }
    });
  });
}
