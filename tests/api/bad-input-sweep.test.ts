import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

/**
 * Every route, every parameter, every body field, fed the inputs that once gave HTTP 500: NUL in a
 * string, dates outside what the database stores, numbers past any range, forged cursors. Each gets
 * 400 problem+json naming the field. The routes come from the OpenAPI document, and the document is
 * checked against the routes the app actually serves, so a new route is swept without editing this.
 */
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { type?: string; format?: string };
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { example?: unknown }> };
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let key: string;
let doc: OpenApiDoc;

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  key = await keyFor(ctx, 'Sweep Co', 'admin');
  doc = (await (await api.request('/openapi.json')).json()) as OpenApiDoc;
});
afterAll(async () => ctx?.close());

const UUID = '6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10';
/** A well-formed value for each path parameter, so only the value under test is wrong. */
const PATH_VALUES: Record<string, string> = {
  id: UUID,
  office: 'USPTO',
  serial: '76044902',
  token: 'feedtoken',
};
/** Bodies for schemas without an OpenAPI example (updates take the create example). */
const BODY_FALLBACKS: Record<string, string> = { BrandUpdate: 'BrandCreate', MarkUpdate: 'MarkCreate' };
/** Routes served outside the OpenAPI document: static pages and the document itself. */
const UNDOCUMENTED = ['GET /', 'GET /ui/*', 'GET /healthz', 'GET /docs', 'GET /openapi.json'];

const NUL = 'a\u0000b';
const BAD_DATES = [
  '10000-01-01',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01',
  '+010000-01-01T00:00:00Z',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '2026-01-01T25:00:00Z',
  '1e12',
];
const HUGE_NUMBERS = ['1e400', '-1e400', '99999999999999999999', 'Infinity', 'NaN', '1e21'];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const FORGED_CURSORS = [
  b64(['2026-01-01T00:00:00.000Z', "6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d1'"]),
  b64(['2026-01-01T00:00:00.000Z', "x' OR '1'='1"]),
  b64(['+099999-01-01T00:00:00.000Z', UUID]),
  b64(['99999-01-01T00:00:00.000Z', UUID]),
  b64(['+275760-09-13T00:00:00.000Z', UUID]),
  b64(['2026-01-01T00:00:00.000Z', 'a\u0000b']),
  b64(['2026-01-01T00:00:00\u0000Z', UUID]),
  b64(['2026-01-01', UUID, 'extra']),
  b64({ createdAt: '2026-01-01', id: UUID }),
  b64([1767225600000, UUID]),
  'not base64 at all !!',
  'A'.repeat(5000),
];

const isDateLike = (name: string, p?: Parameter) =>
  p?.schema?.format === 'date' ||
  p?.schema?.format === 'date-time' ||
  (p?.schema?.type === 'string' && /since|until|date|before|after/.test(name));

function operations(): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

function urlFor(path: string, overrides: Record<string, string> = {}, query: Record<string, string> = {}) {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(overrides[name] ?? PATH_VALUES[name] ?? 'x'),
  );
  const qs = new URLSearchParams(query).toString();
  return qs ? `${filled}?${qs}` : filled;
}

function exampleBody(op: Operation): unknown {
  const ref = op.requestBody?.content['application/json']?.schema?.$ref;
  if (!ref) return undefined;
  const name = ref.split('/').pop()!;
  const example = doc.components.schemas[BODY_FALLBACKS[name] ?? name]?.example;
  if (example === undefined) throw new Error(`no example body for ${name}: add an OpenAPI example`);
  return example;
}

/** Every leaf of a JSON value with its dotted path (array items by index). */
function leaves(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [{ path, value }];
}
function withLeaf(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

async function send(method: string, url: string, body?: string): Promise<Response> {
  const init = authed(key, method);
  if (body !== undefined) {
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
    init.body = body;
  }
  return api.request(url, init);
}

/** The response is a 400 problem whose errors name `field` (or a part of it, e.g. query.status.0) (e.g. "query.since", "json.markets.0.market"). */
async function expectBadInput(response: Response, field: string, what: string): Promise<void> {
  const text = await response.text();
  expect(response.status, `${what}: ${text.slice(0, 300)}`).toBe(400);
  expect(response.headers.get('content-type'), what).toContain('application/problem+json');
  const problem = JSON.parse(text) as Problem;
  const named = (problem.errors ?? []).filter((e) => e.path === field || e.path.startsWith(`${field}.`));
  expect(named, `${what}: ${problem.detail}`).not.toEqual([]);
  expect(problem.detail, what).toContain(field);
}

describe('the route list', () => {
  it('documents every route the app serves, so the sweep below reaches all of them', () => {
    const served = new Set(
      api.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
    for (const route of served) {
      if (!UNDOCUMENTED.includes(route)) expect(documented, route).toContain(route);
    }
    expect(documented.size).toBeGreaterThan(40);
  });
});

describe('bad input on every route gets 400 naming the field, never 500', () => {
  it('a NUL in any path parameter', async () => {
    for (const { method, path, op } of operations()) {
      for (const p of op.parameters?.filter((p) => p.in === 'path') ?? []) {
        const value = p.name === 'id' ? `${UUID.slice(0, -1)}\u0000` : NUL;
        const response = await send(method, urlFor(path, { [p.name]: value }), jsonBodyFor(op));
        await expectBadInput(response, `param.${p.name}`, `${method} ${path} ${p.name}`);
      }
    }
  });

  it('a NUL in any query parameter', async () => {
    for (const { method, path, op } of operations()) {
      for (const p of op.parameters?.filter((p) => p.in === 'query') ?? []) {
        const response = await send(method, urlFor(path, {}, requiredQuery(op, { [p.name]: NUL })));
        await expectBadInput(response, `query.${p.name}`, `${method} ${path} ?${p.name}`);
      }
    }
  });

  it('dates out of range or not dates in any date parameter', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      for (const p of op.parameters?.filter((p) => p.in === 'query' && isDateLike(p.name, p)) ?? []) {
        for (const date of BAD_DATES) {
          const response = await send(method, urlFor(path, {}, requiredQuery(op, { [p.name]: date })));
          await expectBadInput(response, `query.${p.name}`, `${method} ${path} ?${p.name}=${date}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * BAD_DATES.length); // since and until at least
  });

  it('huge numbers in any numeric query parameter', async () => {
    for (const { method, path, op } of operations()) {
      for (const p of op.parameters?.filter(
        (p) => p.in === 'query' && ['integer', 'number'].includes(p.schema?.type ?? ''),
      ) ?? []) {
        for (const n of HUGE_NUMBERS) {
          const response = await send(method, urlFor(path, {}, requiredQuery(op, { [p.name]: n })));
          await expectBadInput(response, `query.${p.name}`, `${method} ${path} ?${p.name}=${n}`);
        }
      }
    }
  });

  it('forged cursors', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      if (!op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor')) continue;
      for (const cursor of FORGED_CURSORS) {
        const response = await send(method, urlFor(path, {}, requiredQuery(op, { cursor })));
        await expectBadInput(response, 'query.cursor', `${method} ${path} cursor ${cursor.slice(0, 60)}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a NUL in any string of a JSON body, at any depth', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const body = exampleBody(op);
      if (body === undefined) continue;
      for (const leaf of leaves(body).filter((l) => typeof l.value === 'string')) {
        const bad = withLeaf(body, leaf.path, `${leaf.value as string}\u0000`);
        const response = await send(method, urlFor(path), JSON.stringify(bad));
        await expectBadInput(
          response,
          ['json', ...leaf.path].join('.'),
          `${method} ${path} ${leaf.path.join('.')}`,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('an unpaired surrogate in any string of a JSON body (stored as U+FFFD before: a changed value)', async () => {
    for (const { method, path, op } of operations()) {
      const body = exampleBody(op);
      if (body === undefined) continue;
      for (const leaf of leaves(body).filter((l) => typeof l.value === 'string')) {
        const text = JSON.stringify(withLeaf(body, leaf.path, '__S__')).replace('"__S__"', '"x\\ud800"');
        const response = await send(method, urlFor(path), text);
        await expectBadInput(
          response,
          ['json', ...leaf.path].join('.'),
          `${method} ${path} ${leaf.path.join('.')}`,
        );
      }
    }
  });

  it('dates out of range in any date of a JSON body', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const body = exampleBody(op);
      if (body === undefined) continue;
      const dates = leaves(body).filter(
        (l) => typeof l.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(l.value),
      );
      for (const leaf of dates) {
        for (const date of BAD_DATES) {
          const response = await send(method, urlFor(path), JSON.stringify(withLeaf(body, leaf.path, date)));
          await expectBadInput(
            response,
            ['json', ...leaf.path].join('.'),
            `${method} ${path} ${leaf.path.join('.')}=${date}`,
          );
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('huge numbers in any number of a JSON body', async () => {
    let checked = 0;
    for (const { method, path, op } of operations()) {
      const body = exampleBody(op);
      if (body === undefined) continue;
      for (const leaf of leaves(body).filter((l) => typeof l.value === 'number')) {
        for (const n of ['1e400', '-1e400', '1e21', '123456789012345678901234567890']) {
          const text = JSON.stringify(withLeaf(body, leaf.path, '__N__')).replace('"__N__"', n);
          const response = await send(method, urlFor(path), text);
          await expectBadInput(
            response,
            ['json', ...leaf.path].join('.'),
            `${method} ${path} ${leaf.path.join('.')}=${n}`,
          );
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('a JSON body that is not an object, or not JSON', async () => {
    for (const { method, path, op } of operations()) {
      if (exampleBody(op) === undefined) continue;
      for (const body of ['null', '[]', '"text"', '42', '{"a":', '\u0000']) {
        const response = await send(method, urlFor(path), body);
        const text = await response.text();
        expect(response.status, `${method} ${path} body ${JSON.stringify(body)}: ${text}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
  });
});

/** A request body for routes that need one, so a path-parameter check is not a missing-body check. */
function jsonBodyFor(op: Operation): string | undefined {
  const body = exampleBody(op);
  return body === undefined ? undefined : JSON.stringify(body);
}

/** Required query parameters filled in (search needs q), then the value under test. */
function requiredQuery(op: Operation, values: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  if (op.parameters?.some((p) => p.in === 'query' && p.name === 'q')) base.q = 'ACME';
  // Other required query parameters take their documented example (GET /v1/deadlines?office=US).
  for (const p of op.parameters ?? []) {
    const example = (p as { example?: unknown; schema?: { example?: unknown } }).schema?.example;
    if (
      p.in === 'query' &&
      (p as { required?: boolean }).required &&
      typeof example === 'string' &&
      !(p.name in base)
    )
      base[p.name] = example;
  }
  return { ...base, ...values };
}
