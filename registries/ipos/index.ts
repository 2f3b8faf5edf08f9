export { iposAdapter } from './adapter.ts';
