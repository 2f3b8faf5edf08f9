import { get, post, request } from '../api.js';
import { errorBox, h, show, unavailable } from '../dom.js';

const POLL_MS = 1000;
const MAX_POLLS = 600;

/** "Export evidence pack": request a pack, follow its progress, then offer the ZIP for download. */
export function exportPackButton(alertIds) {
  const status = h('div', { id: 'pack-status', role: 'status' });
  const button = h('button', { type: 'button', id: 'export-pack' }, 'Export evidence pack');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      let pack = await post('/v1/evidence-packs', { alert_ids: alertIds });
      for (let polls = 0; pack.state === 'queued' || pack.state === 'running'; polls++) {
        if (polls >= MAX_POLLS)
          throw new Error(
            `the pack is still ${pack.state} after ${MAX_POLLS} s; check it later at /v1/evidence-packs/${pack.id}`,
          );
        show(status, h('p', { class: 'muted' }, `Building the pack: ${pack.progress_pct}% (${pack.step})`));
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        pack = await get(`/v1/evidence-packs/${pack.id}`);
      }
      if (pack.state !== 'done') throw new Error(`the pack failed: ${pack.errors.join('; ') || pack.step}`);
      // The download needs the API key, so it is fetched here and handed over as an object URL.
      const zip = await (await request(pack.download_url, { raw: true })).blob();
      const link = h(
        'a',
        {
          href: URL.createObjectURL(zip),
          download: `evidence-pack-${pack.id}.zip`,
          id: 'pack-download',
          class: 'button',
        },
        'Download the evidence pack (ZIP)',
      );
      show(
        status,
        h('p', { class: 'notice' }, `Pack ready: ${zip.size} bytes, SHA-256 ${pack.zip_sha256}. `),
        link,
      );
    } catch (error) {
      show(status, error.routeMissing ? unavailable('Exporting evidence packs') : errorBox(error.message));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', {}, button, status);
}
