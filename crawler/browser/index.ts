export { capturePage } from './capture.ts';
export type { BrowserCaptureOptions } from './capture.ts';
export { captureWithHttp } from './http-capture.ts';
export type { HttpCaptureOptions } from './http-capture.ts';
export { launchBrowser, CHROMIUM_ARGS, CHROMIUM_PATH } from './launch.ts';
export type { LaunchOptions } from './launch.ts';
export { buildWarc, parseWarc, sha256Label } from './warc.ts';
export type { WarcRecord, WarcRecordInput } from './warc.ts';
export type { PageCapture, CaptureOptions, BlockedRequest } from './types.ts';
