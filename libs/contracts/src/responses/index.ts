export * from './agencies';
export * from './cases';
export * from './persons';
export * from './protocols';
export * from './registry';
export * from './sharing-log';
export * from './users';
export * from './work-queue';
