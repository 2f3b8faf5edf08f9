export { kiprisAdapter } from './adapter.ts';
