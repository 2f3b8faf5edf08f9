import { sellerRoutes } from './routes/sellers.ts';
import { takedownRoutes, type TakedownRouteOptions } from './routes/takedowns.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requireApiKey, type AuthEnv } from './auth.ts';
import { FailedAuthThrottle, type ThrottlePolicy } from './auth-throttle.ts';
import { docsPageHtml } from './docs-page.ts';
import { inlinePageSecurityHeaders } from './inline-csp.ts';
import { handleError, problemResponse } from './problem.ts';
import type { ApiDeps } from './router.ts';
import { alertRoutes } from './routes/alerts.ts';
import { brandRoutes } from './routes/brands.ts';
import { filingRoutes } from './routes/filings.ts';
import { listingRoutes } from './routes/listings.ts';
import { logoRoutes, MAX_LOGO_BYTES } from './routes/logos.ts';
import { markRoutes } from './routes/marks.ts';
import { deadlineRoutes } from './routes/deadlines.ts';
import { matchRoutes } from './routes/match.ts';
import { planRoutes } from './routes/plans.ts';
import { searchRoutes } from './routes/search.ts';
import type { SsrfGuard } from '../crawler/http/index.ts';
import type { JobQueue } from '../app/job-queue.ts';
import { evidencePackRoutes } from './routes/evidence-packs.ts';
import { feedRoutes, type FeedRouteOptions } from './routes/feeds.ts';
import { webRoutes } from '../web/index.ts';
import { sourceRoutes } from './routes/sources.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { accessRoutes } from './routes/access.ts';

export interface ApiOptions extends ApiDeps {
  version: string;
  driver: string;
  queue: JobQueue;
  /** Checks webhook URLs at registration (deliveries are checked again when sent). */
  guard: SsrfGuard;
  /** Base of links in feeds (Atom entry links, iCalendar URLs). */
  publicBaseUrl?: string | undefined;
  /** Event-stream timings (tests shorten them). */
  feed?: Pick<FeedRouteOptions, 'streamPollMs' | 'streamHeartbeatMs' | 'streamGapWaitMs'>;
  /** HTTP client (SSRF-guarded) for takedown re-checks; without it re-check answers 503. */
  takedowns?: TakedownRouteOptions;
  /** Lockout after repeated failed API keys (defaults: 10 failures in 10 min lock for 15 min). */
  authThrottle?: ThrottlePolicy;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP API: public health, docs and the evidence signing key; feeds by token; everything under
 * /v1 behind an API key.
 */
export function createApi(deps: ApiOptions): OpenAPIHono<AuthEnv> {
  const app = new OpenAPIHono<AuthEnv>();
  app.onError(handleError(deps.log));
  app.notFound((c) =>
    problemResponse(
      c,
      404,
      'not_found',
      `no route ${c.req.method} ${c.req.path}; see /docs for the API reference`,
    ),
  );

  // The dashboard: static files, no key needed to load them; it calls /v1 with the user's key.
  app.route('/', webRoutes());
  app.get('/healthz', (c) => c.json({ status: 'ok', version: deps.version, database: deps.driver }));
  const docsHeaders = inlinePageSecurityHeaders(docsPageHtml);
  app.get('/docs', (c) => c.html(docsPageHtml, 200, docsHeaders));

  // Logo uploads carry image bytes and have their own, larger limit (checked again in the route);
  // every other /v1 body is JSON and stays small.
  const isLogoUpload = (path: string): boolean => /^\/v1\/marks\/[^/]+\/logo$/.test(path);
  const logoBodyLimit = bodyLimit({
    maxSize: MAX_LOGO_BYTES,
    onError: (c) =>
      problemResponse(
        c,
        413,
        'payload_too_large',
        `logo over ${MAX_LOGO_BYTES} bytes; upload a smaller image`,
      ),
  });
  const jsonBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      problemResponse(
        c,
        413,
        'payload_too_large',
        `request body over ${MAX_BODY_BYTES} bytes; send less data per request`,
      ),
  });
  app.use('/v1/*', (c, next) => (isLogoUpload(c.req.path) ? logoBodyLimit(c, next) : jsonBodyLimit(c, next)));
  const throttle = new FailedAuthThrottle(deps.clock, deps.authThrottle);
  app.use('/v1/*', requireApiKey(deps.db, { throttle, log: deps.log, clock: deps.clock }));
  app.route('/', brandRoutes(deps));
  app.route('/', markRoutes(deps));
  app.route('/', logoRoutes(deps));
  app.route('/', alertRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', filingRoutes(deps));
  app.route('/', matchRoutes(deps));
  app.route('/', deadlineRoutes(deps));
  app.route('/', planRoutes(deps));
  app.route('/', listingRoutes(deps));
  app.route('/', sellerRoutes(deps));
  app.route('/', takedownRoutes(deps, deps.takedowns ?? {}));
  app.route('/', webhookRoutes(deps, { guard: deps.guard }));
  app.route(
    '/',
    feedRoutes(deps, { ...deps.feed, ...(deps.publicBaseUrl ? { baseUrl: deps.publicBaseUrl } : {}) }),
  );
  app.route('/', evidencePackRoutes(deps));
  app.route('/', sourceRoutes(deps));
  app.route('/', accessRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `markhound keys create`.',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Markhound API',
      version: deps.version,
      description:
        'Trademark and brand-protection monitoring: brands and marks to watch, the alerts feed, ingested registry filings.',
    },
  });
  return app;
}
