import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Everything comes from this server: no CDN, no inline script, no third-party connection. `blob:` is
 * allowed for images and downloads because evidence packs are fetched with the API key and handed
 * to the browser as object URLs.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // The app is a handful of small files; revalidating each load keeps a deploy visible at once.
  'cache-control': 'no-cache',
};

interface StaticFile {
  body: Uint8Array;
  type: string;
}

/** Reads the dashboard's files once at start, so a request can only ever name a file that exists. */
export function loadStaticFiles(dir: string = STATIC_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const type = CONTENT_TYPES[extname(entry.name)];
        if (type) files.set(relative(dir, path).split(sep).join('/'), { body: readFileSync(path), type });
      }
    }
  };
  walk(dir);
  return files;
}

/**
 * The web dashboard: `/` is the single page, `/ui/*` its scripts and styles. The page talks to the
 * JSON API with the user's key; these routes need no key because they hold no data.
 */
export function webRoutes(options: { staticDir?: string } = {}): Hono {
  const files = loadStaticFiles(options.staticDir);
  const app = new Hono();
  const send = (name: string) => {
    const file = files.get(name);
    if (!file) return null;
    return new Response(file.body, {
      status: 200,
      headers: { 'content-type': file.type, ...SECURITY_HEADERS },
    });
  };
  app.get('/', (c) => send('index.html') ?? c.notFound());
  app.get('/ui/*', (c) => send(c.req.path.slice('/ui/'.length)) ?? c.notFound());
  return app;
}
