export * from './subjects';
export * from './define-ability';
export * from './rules-to-sql';
export * from './pack';
export * from './as-subject';
