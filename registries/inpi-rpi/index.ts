export { inpiRpiAdapter } from './adapter.ts';
