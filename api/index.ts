export { createApi, type ApiOptions } from './app.ts';
export { createApiKey, hashApiKey, type Role, type CreatedKey } from './auth.ts';
export { listApiKeys, revokeApiKey, type ApiKeyRow } from './api-keys.ts';
export { deleteOrganization } from './delete-organization.ts';
export { findOrganizationByName, listOrganizations } from './organizations.ts';
