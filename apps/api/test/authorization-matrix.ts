import type { Role } from '@schakel/domain';

/**
 * Who passes the guard on each route: `public`, `any` signed-in user, or the listed roles. Every
 * route the API registers must be here (the matrix test fails on a missing or extra entry), so a
 * new route is a reviewed permission change. Row-level scope (404 outside a case) is tested per module.
 */
export type Access = 'public' | 'any' | Role[];

export const AUTHORIZATION_MATRIX: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/metrics': 'public',

  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/mfa': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'any',
  'GET /api/v1/me': 'any',
  'POST /api/v1/me/mfa/enroll': 'any',
  'POST /api/v1/me/mfa/confirm': 'any',

  'GET /api/v1/agencies': ['admin', 'case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo'],
  'GET /api/v1/agencies/:id': ['admin', 'case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo'],
  'POST /api/v1/agencies': ['admin'],
  'PATCH /api/v1/agencies/:id': ['admin'],
  'GET /api/v1/users': ['admin'],
  'GET /api/v1/users/:id': ['admin'],
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'GET /api/v1/login-audit': ['dpo'],
};
