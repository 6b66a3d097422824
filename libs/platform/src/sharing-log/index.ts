// The sharing log's integrity rules, shared by the API (which writes and checkpoints the log)
// and the offline verifier CLI (which a prosecutor runs on an export).
export * from './entry';
export * from './entry-shape';
export * from './canonical';
export * from './merkle';
export * from './note';
export * from './hash-chain';
export * from './keys';
export * from './checkpoint';
export * from './export-format';
export * from './export-entry-bytes';
export * from './export-stretch';
export * from './store';
export * from './range-verify';
export * from './verify-workers';
