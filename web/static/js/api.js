import { currentKey } from './session.js';

/** An API failure with the problem+json detail, which already says what to do. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `request failed with HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
  }
  /** The server has no such route: a feature another part of the system has not shipped here. */
  get routeMissing() {
    return this.status === 404 && /^no route /.test(this.message);
  }
}

export async function request(path, { method = 'GET', body, key = currentKey(), raw = false } = {}) {
  const headers = { accept: 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

export const get = (path) => request(path);
export const post = (path, body) => request(path, { method: 'POST', body });
export const patch = (path, body) => request(path, { method: 'PATCH', body });
export const put = (path, body) => request(path, { method: 'PUT', body });

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') q.set(name, String(value));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Runs `task` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { ok: true, value: await task(items[i]) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
