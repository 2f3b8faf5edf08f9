/**
 * A browsable API reference rendered in the browser from /openapi.json. Self-contained (no CDN):
 * a self-hosted service must show its docs on an air-gapped network too. Served with a CSP that
 * allows only this page's own <script> and <style> blocks (inline-csp.ts): no style attributes.
 */
export const docsPageHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Markhound API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1f23;background:#fafafa}
header{background:#14213d;color:#fff;padding:1rem 2rem}main{max-width:960px;margin:auto;padding:1rem 2rem}
.op{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:.75rem 0}
.op summary{cursor:pointer;padding:.6rem .9rem;display:flex;gap:.8rem;align-items:center}
.m{font:600 12px monospace;padding:.15rem .5rem;border-radius:4px;color:#fff;min-width:3.5rem;text-align:center}
.get{background:#0969da}.post{background:#1a7f37}.patch{background:#9a6700}.delete{background:#cf222e}.put{background:#8250df}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f8fa;padding:.75rem;overflow:auto;border-radius:4px}
.body{padding:0 1rem 1rem}h2{margin-top:2rem}header a{color:#9ecbff}
</style></head>
<body><header><h1>Markhound API</h1><p>Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>. Errors are <code>application/problem+json</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a></p></header>
<main id="root">Loading…</main>
<script>
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
fetch('/openapi.json').then((r) => r.json()).then((doc) => {
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths || {})) for (const [method, op] of Object.entries(ops)) {
    const tag = (op.tags && op.tags[0]) || 'Other'; (byTag[tag] ||= []).push({ path, method, op });
  }
  const root = document.getElementById('root'); root.innerHTML = '';
  for (const [tag, ops] of Object.entries(byTag)) {
    root.insertAdjacentHTML('beforeend', '<h2>' + esc(tag) + '</h2>');
    for (const { path, method, op } of ops) {
      const params = (op.parameters || []).map((p) => '<li><code>' + esc(p.name) + '</code> (' + esc(p.in) + ')' + (p.required ? ' required' : '') + (p.description ? ': ' + esc(p.description) : '') + '</li>').join('');
      const body = op.requestBody ? '<h4>Request body</h4><pre>' + esc(JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)) + '</pre>' : '';
      const responses = Object.entries(op.responses || {}).map(([s, r]) => '<li><code>' + esc(s) + '</code> ' + esc(r.description) + '</li>').join('');
      root.insertAdjacentHTML('beforeend', '<details class="op"><summary><span class="m ' + method + '">' + method.toUpperCase() + '</span><code>' + esc(path) + '</code><span>' + esc(op.summary) + '</span></summary><div class="body">' + (params ? '<h4>Parameters</h4><ul>' + params + '</ul>' : '') + body + '<h4>Responses</h4><ul>' + responses + '</ul></div></details>');
    }
  }
  root.insertAdjacentHTML('beforeend', '<h2>Schemas</h2><pre>' + esc(JSON.stringify(doc.components && doc.components.schemas, null, 2)) + '</pre>');
}).catch((e) => { document.getElementById('root').textContent = 'Could not load /openapi.json: ' + e; });
</script></body></html>`;
