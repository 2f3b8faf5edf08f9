import { mapLimit, patch } from '../api.js';

/** At most this many PATCH calls at once, so a bulk action on 200 alerts does not flood the server. */
const CONCURRENCY = 4;

/** Sets the status of each alert; `onUpdated` gets every updated alert as the server returned it. */
export async function applyStatus(ids, status, onUpdated) {
  const results = await mapLimit(ids, CONCURRENCY, async (id) => {
    const alert = await patch(`/v1/alerts/${id}`, { status });
    onUpdated(alert);
    return alert;
  });
  return {
    done: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).map((r) => r.error.message),
  };
}
