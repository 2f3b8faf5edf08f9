export * from './filing.ts';
export * from './listing.ts';
export * from './errors.ts';
export * from './clock.ts';
export * from './log.ts';
export * from './offices.ts';
