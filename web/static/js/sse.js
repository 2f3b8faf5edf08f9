/**
 * Server-sent events over fetch(): EventSource cannot send an Authorization header, and an API key
 * in the URL would land in server logs.
 */

/** Splits SSE text into complete events; the incomplete tail is returned to be continued. */
export function parseSse(text) {
  const events = [];
  // A chunk may end between the \r and \n of one line break: keep that \r for the next chunk.
  const held = text.endsWith('\r') ? '\r' : '';
  const blocks = (held ? text.slice(0, -1) : text).replace(/\r\n?/g, '\n').split('\n\n');
  const rest = (blocks.pop() ?? '') + held;
  for (const block of blocks) {
    const event = { id: null, event: 'message', data: '' };
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
    }
    if (data.length > 0) events.push({ ...event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * Follows GET /v1/events/stream until `signal` aborts, reconnecting with Last-Event-ID after a drop
 * so no event is missed. `onEvent` gets the parsed JSON payload ({ id, type, subject, data }).
 */
export async function followEvents({ key, signal, onEvent, onState = () => {} }) {
  let lastId = null;
  let delayMs = 1000;
  while (!signal.aborted) {
    try {
      const headers = { authorization: `Bearer ${key}`, accept: 'text/event-stream' };
      if (lastId) headers['last-event-id'] = lastId;
      const response = await fetch('/v1/events/stream', { headers, signal });
      if (response.status === 404) return onState('unavailable');
      if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
      onState('live');
      delayMs = 1000;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id) lastId = event.id;
          try {
            onEvent(JSON.parse(event.data));
          } catch {
            /* one unreadable event must not stop the stream */
          }
        }
      }
    } catch {
      if (signal.aborted) return;
    }
    onState('reconnecting');
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(delayMs * 2, 30_000);
  }
}
