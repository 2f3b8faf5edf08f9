export { createApi, type ApiOptions } from './app.ts';
export { createApiKey, hashApiKey, type Role, type CreatedKey } from './auth.ts';
