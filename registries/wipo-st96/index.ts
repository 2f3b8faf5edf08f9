export { wipoSt96Adapter } from './adapter.ts';
export { parseSt96Stream, looksLikeSt96 } from './parse-st96.ts';
export type { St96Version } from './map-trademark.ts';
