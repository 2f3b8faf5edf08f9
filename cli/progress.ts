/**
 * Progress on stderr: a line rewritten in place on a terminal, a line every few seconds otherwise
 * (so CI logs and pipes stay readable). Stdout stays free for results.
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr, everyMs = 2000) {
  let last = 0;
  const isTty = Boolean(stream.isTTY);
  return {
    update(fields: Record<string, number | string>, force = false): void {
      const now = Date.now();
      if (!force && now - last < (isTty ? 100 : everyMs)) return;
      last = now;
      const text =
        `${label}: ` +
        Object.entries(fields)
          .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
          .join(' · ');
      stream.write(isTty ? `\r\x1b[2K${text}` : `${text}\n`);
    },
    done(): void {
      if (isTty) stream.write('\n');
    },
  };
}
