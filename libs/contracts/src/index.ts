export * from './error-body';
export * from './page';
