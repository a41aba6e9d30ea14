/**
 * The HTTP API on Fastify: `createApi(holder, options)` builds the server (routes in routes.ts). Every response
 * names the bundle it used (headers), errors are Dutch problem details, requests are limited in size, cases per
 * batch and time, logs are structured (JSON lines, pino), and the Host, Origin and optional API key are checked.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { swaggerUiDutch } from './docs-nl.js';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { BundleHolder, Served } from './holder.js';
import { BUNDLE_HEADERS, DEFAULT_LIMITS, openApiDocument } from './openapi.js';
import type { ApiLimits } from './openapi.js';
import { problem, sendProblem } from './problem.js';
import { registerRoutes } from './routes.js';
import { ApiKey, HostPolicy } from './security.js';

export interface ApiOptions {
  readonly limits?: Partial<ApiLimits>;
  /** Host names (besides IP addresses and localhost) the server answers to. */
  readonly allowedHosts?: readonly string[];
  /** When set, /v1 and /beheer need this key. */
  readonly apiKey?: string;
  /** A pino logger or `false` for none; default: JSON lines on stdout at level info. */
  readonly logger?: FastifyBaseLogger | boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The bundle this request is served with (fixed when it arrives: a reload does not change it). */
    served: Served;
  }
}

/** The server's state that handlers share: the bundle holder, limits, whether it is stopping. */
export interface ApiContext {
  readonly holder: BundleHolder;
  readonly limits: ApiLimits;
  readonly apiKey: ApiKey | undefined;
  closing: boolean;
  /** The OpenAPI document of the current bundle (made once per bundle). */
  document(served: Served): Record<string, unknown>;
}

const OPEN = new Set(['/gezond', '/gereed', '/openapi.json']);

export async function createApi(
  holder: BundleHolder,
  options: ApiOptions = {},
): Promise<{ app: FastifyInstance; context: ApiContext }> {
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const hosts = new HostPolicy(options.allowedHosts ?? []);
  const apiKey = options.apiKey !== undefined ? new ApiKey(options.apiKey) : undefined;
  const documents = new WeakMap<Served, Record<string, unknown>>();
  const context: ApiContext = {
    holder,
    limits,
    apiKey,
    closing: false,
    document(served) {
      let doc = documents.get(served);
      if (!doc)
        documents.set(
          served,
          (doc = openApiDocument(served.runtime, served.runtime.bundle, {
            limits,
            apiKey: apiKey !== undefined,
          })),
        );
      return doc;
    },
  };
  const logger = options.logger ?? { level: 'info' };
  const app = Fastify({
    ...(typeof logger === 'boolean'
      ? { logger }
      : 'child' in logger
        ? { loggerInstance: logger }
        : { logger }),
    bodyLimit: limits.bodyBytes,
    requestTimeout: Math.max(limits.timeMs * 3, 30_000),
    connectionTimeout: Math.max(limits.timeMs * 3, 30_000),
    return503OnClosing: true,
  });

  // Only JSON is read: a text/plain body (Fastify's other default) gets 415, not a misleading 'not an object'.
  app.removeContentTypeParser('text/plain');

  app.decorateRequest('served', null as unknown as Served);

  app.addHook('onRequest', async (request, reply) => {
    request.served = holder.current;
    if (!hosts.allows(request.headers.host))
      return sendProblem(
        reply,
        problem(
          'misdirected',
          421,
          `Deze server antwoordt niet op Host '${request.headers.host ?? ''}'. Gebruik het adres dat de server afdrukt, of start de API met --naam <hostnaam> voor deze naam.`,
        ),
      );
    if (
      request.method !== 'GET' &&
      request.method !== 'HEAD' &&
      !hosts.sameOrigin(header(request, 'origin'), header(request, 'sec-fetch-site'))
    )
      return sendProblem(
        reply,
        problem('forbidden', 403, 'Schrijfverzoeken van een andere site worden geweigerd.'),
      );
    const path = request.url.split('?')[0] ?? '';
    if (
      apiKey &&
      !OPEN.has(path) &&
      !path.startsWith('/docs') &&
      !apiKey.matches(header(request, 'authorization'), header(request, 'x-api-sleutel'))
    )
      return sendProblem(
        reply.header('www-authenticate', 'Bearer'),
        problem(
          'unauthorized',
          401,
          'Geef de API-sleutel mee: Authorization: Bearer <sleutel> of X-Api-Sleutel: <sleutel>.',
        ),
      );
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const { runtime } = request.served ?? holder.current;
    reply.header(BUNDLE_HEADERS.ruleset, encodeURIComponent(runtime.ruleset));
    reply.header(BUNDLE_HEADERS.release, runtime.release);
    reply.header(BUNDLE_HEADERS.hash, runtime.hash);
    reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler(
    (error: Error & { statusCode?: number; code?: string; diagnostics?: unknown }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413)
        return sendProblem(
          reply,
          problem(
            'tooLarge',
            413,
            `Het verzoek is te groot; hooguit ${kib(request.url.startsWith('/v1/evaluaties/batch') ? limits.batchBodyBytes : limits.bodyBytes)} KiB.`,
          ),
        );
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415)
        return sendProblem(
          reply,
          problem('mediaType', 415, 'Stuur JSON met Content-Type: application/json.'),
        );
      if (
        error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        error instanceof SyntaxError
      )
        return sendProblem(reply, problem('json', 400, 'De inhoud van het verzoek is geen geldige JSON.'));
      if (Array.isArray(error.diagnostics))
        return sendProblem(reply, problem('invalid', 400, error.message, error.diagnostics as never));
      if (status >= 400 && status < 500)
        return sendProblem(reply, problem('invalid', status, 'Het verzoek klopt niet.'));
      request.log.error({ err: error }, 'interne fout');
      return sendProblem(
        reply,
        problem('internal', 500, 'Interne fout in regelwerk; meld dit met het verzoek dat u stuurde.'),
      );
    },
  );

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(
        'notFound',
        404,
        `Onbekend adres '${request.method} ${request.url.split('?')[0] ?? ''}'. Zie /openapi.json of /docs.`,
      ),
    ),
  );

  // The browsable documentation (Swagger UI, served from the package, no CDN) shows the current bundle's document.
  await app.register(fastifySwagger, {
    mode: 'static',
    specification: { document: context.document(holder.current) as never },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    // Swagger UI in Dutch as far as it can be configured: the title, and a script for its fixed labels.
    ...swaggerUiDutch('regelwerk API'),
    transformSpecificationClone: false,
    transformSpecification: (_doc, request) =>
      context.document((request as FastifyRequest).served ?? holder.current) as never,
  });

  registerRoutes(app, context);
  return { app, context };
}

const kib = (bytes: number): number => Math.round(bytes / 1024);

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
