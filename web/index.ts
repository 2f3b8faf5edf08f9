export { webRoutes, loadStaticFiles } from './web-routes.ts';
