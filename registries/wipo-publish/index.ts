export { wipoPublishAdapter } from './adapter.ts';
export { BUNDLE_FORMAT, bundleHeader, bundleLine, type BundlePage } from './bundle.ts';
export { readDetailPage, UNRENDERED, type DetailOutcome } from './detail-page.ts';
