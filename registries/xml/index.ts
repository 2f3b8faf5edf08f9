export * from './element.ts';
export * from './record-stream.ts';
