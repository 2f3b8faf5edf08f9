export { usptoDailyAdapter } from './adapter.ts';
export { usptoStatus, type UsptoStatus } from './status-codes.ts';
