export { dipAdapter } from './adapter.ts';
