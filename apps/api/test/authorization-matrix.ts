import type { Role } from '@schakel/domain';

/**
 * Who passes the guard on each route: `public`, `any` signed-in user, or the listed roles. Every
 * route the API registers must be here (the matrix test fails on a missing or extra entry), so a
 * new route is a reviewed permission change. Row-level scope (404 outside a case) is tested per module.
 */
export type Access = 'public' | 'any' | Role[];

const CASE_WORKERS: Role[] = ['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo'];
const CASE_READERS: Role[] = ['case_director', 'referrer', 'agency_member'];
const CASE_PARTNERS: Role[] = ['case_director', 'agency_member'];

export const AUTHORIZATION_MATRIX: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/health/ready': 'public',
  'GET /api/metrics': 'public',

  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/mfa': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'any',
  'GET /api/v1/auth/oidc': 'public',
  'GET /api/v1/auth/oidc/login': 'public',
  'GET /api/v1/auth/oidc/callback': 'public',
  'GET /api/v1/me': 'any',
  'PATCH /api/v1/me': 'any',
  'GET /api/v1/me/reminders': 'any',
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
  'GET /api/v1/access-log': ['dpo'],
  'GET /api/v1/access-log/anomalies': ['dpo'],
  'GET /api/v1/statistics/overview': ['case_director', 'prosecutor_liaison', 'dpo'],
  'POST /api/v1/cases/:id/legal-hold': ['dpo'],

  'GET /api/v1/protocols': ['admin', ...CASE_WORKERS],
  'GET /api/v1/protocols/:id': ['admin', ...CASE_WORKERS],
  'POST /api/v1/protocols': ['case_director'],
  'PATCH /api/v1/protocols/:id': ['case_director'],
  'POST /api/v1/protocols/:id/submit': ['case_director'],
  'POST /api/v1/protocols/:id/amend': ['case_director'],
  'POST /api/v1/protocols/:id/approve': ['prosecutor_liaison'],
  'POST /api/v1/protocols/:id/reject': ['prosecutor_liaison'],
  'POST /api/v1/protocols/:id/suspend': ['prosecutor_liaison'],

  'POST /api/v1/referrals': ['case_director', 'referrer'],
  'GET /api/v1/cases': CASE_READERS,
  'GET /api/v1/cases/:id': CASE_READERS,
  'GET /api/v1/cases/:id/timeline': CASE_READERS,
  'POST /api/v1/cases/:id/transitions': ['case_director'],
  'POST /api/v1/cases/:id/agencies': ['case_director'],
  'POST /api/v1/cases/:id/agencies/:agencyId/waiver': ['case_director'],
  'POST /api/v1/cases/:id/decisions': ['case_director'],
  'GET /api/v1/cases/:id/decisions': CASE_READERS,
  'GET /api/v1/cases/:id/evaluations': CASE_PARTNERS,
  'POST /api/v1/cases/:id/evaluations': ['case_director'],
  'POST /api/v1/cases/:id/contributions': CASE_PARTNERS,
  'GET /api/v1/cases/:id/contributions': CASE_PARTNERS,
  'GET /api/v1/cases/:id/actions': CASE_PARTNERS,
  'POST /api/v1/cases/:id/actions': CASE_PARTNERS,
  'PATCH /api/v1/cases/:id/actions/:aid': CASE_PARTNERS,
  'GET /api/v1/cases/:id/consents': CASE_PARTNERS,
  'POST /api/v1/cases/:id/consents': CASE_PARTNERS,
  'POST /api/v1/cases/:id/consents/:cid/withdraw': CASE_PARTNERS,
  'POST /api/v1/cases/:id/notices': CASE_PARTNERS,
  'GET /api/v1/risk-instruments': 'any',
  'GET /api/v1/risk-instruments/:key/:version': 'any',
  'POST /api/v1/cases/:id/risk-assessments': CASE_PARTNERS,
  'GET /api/v1/cases/:id/risk-assessments': CASE_PARTNERS,
  'POST /api/v1/cases/:id/contributions/:cid/disclosures': CASE_PARTNERS,
  'GET /api/v1/cases/:id/contributions/:cid/legal-bases': CASE_PARTNERS,
  'GET /api/v1/sharing-log': ['case_director', 'agency_member', 'prosecutor_liaison', 'dpo'],
  'GET /api/v1/sharing-log/verify': ['prosecutor_liaison', 'dpo'],
  'GET /api/v1/sharing-log/export': ['prosecutor_liaison', 'dpo'],
  'GET /api/v1/sharing-log/public-key': ['prosecutor_liaison', 'dpo'],
  'GET /api/v1/conferences/invitable': ['case_director'],
  'POST /api/v1/conferences': ['case_director'],
  'GET /api/v1/conferences': CASE_PARTNERS,
  'GET /api/v1/conferences/:id': CASE_PARTNERS,
  'POST /api/v1/conferences/:id/acknowledge': CASE_PARTNERS,
  'POST /api/v1/conferences/:id/start': ['case_director'],
  'POST /api/v1/conferences/:id/close': ['case_director'],
  'PUT /api/v1/conferences/:id/items/:caseId/minutes': ['case_director'],
  'GET /api/v1/conferences/:id/minutes.pdf': CASE_PARTNERS,
  'GET /api/v1/conferences/:id/invite.ics': CASE_PARTNERS,
};
