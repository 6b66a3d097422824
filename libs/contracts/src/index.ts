export * from './error-body';
export * from './page';
export * from './requests/me';
export * from './requests/referral';
export * from './requests/cases';
export * from './requests/casework';
export * from './requests/admin';
export * from './requests/auth';
