/**
 * Peak resident memory while a piece of work runs, sampled every 50 ms from `process.memoryUsage()`.
 * Sampling starts when the work starts, so the start-up of a fresh process (module loading, WASM
 * compilation, migrations) is reported apart as `rssBeforeMb` instead of hiding in the peak. The
 * kernel's exact high-water mark for the whole process is reported too (`maxRssMb`).
 */
export interface RssReport {
  rssBeforeMb: number;
  peakRssMb: number;
  maxRssMb: number;
}

export interface RssSampler {
  stop(): RssReport;
}

const toMb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function startRssSampler(intervalMs = 50): RssSampler {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  // The sampler must never keep a finished process alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      // resourceUsage().maxRSS is in kilobytes.
      return {
        rssBeforeMb: toMb(before),
        peakRssMb: toMb(peak),
        maxRssMb: toMb(process.resourceUsage().maxRSS * 1024),
      };
    },
  };
}
