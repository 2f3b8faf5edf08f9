import { ApiError } from './api.js';
import { currentKey } from './session.js';

/** Logo uploads above this are refused by the server; saying so before sending saves the wait. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'image/gif'];

const authHeaders = () => {
  const key = currentKey();
  return key ? { authorization: `Bearer ${key}` } : {};
};

async function failure(response) {
  const problem = await response.json().catch(() => null);
  return new ApiError(response.status, problem);
}

/**
 * Fetches an image with the API key and returns an object URL for an <img>, since an <img> cannot
 * send the Authorization header. Null when there is no image (404).
 */
export async function imageUrl(path) {
  const response = await fetch(path, { headers: authHeaders() });
  if (response.status === 404) return null;
  if (!response.ok) throw await failure(response);
  return URL.createObjectURL(await response.blob());
}

/** Sends a chosen file as the mark's logo (raw body with the file's type); returns the mark. */
export async function uploadLogo(markId, file) {
  if (!LOGO_TYPES.includes(file.type))
    throw new Error(`"${file.name}" is not a PNG, JPEG, WebP, GIF or SVG image; choose one of those.`);
  if (file.size > MAX_LOGO_BYTES)
    throw new Error(`"${file.name}" is ${file.size} bytes, over the 5 MB limit; shrink the image.`);
  const response = await fetch(`/v1/marks/${markId}/logo`, {
    method: 'PUT',
    headers: { ...authHeaders(), 'content-type': file.type },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}
