import type { AppAbility } from '@schakel/authz';

/**
 * The main sections of the app and who may open them. The navigation, the home page cards and
 * the route guards all read this list, so a link is never shown for a page that would refuse.
 */
export const SECTIONS = [
  { key: 'cases', path: '/cases', allowed: (a: AppAbility) => a.can('read', 'Case') },
  { key: 'referrals', path: '/refer', allowed: (a: AppAbility) => a.can('refer', 'Case') },
  { key: 'conferences', path: '/conferences', allowed: (a: AppAbility) => a.can('read', 'Conference') || a.can('create', 'Conference') },
  { key: 'protocols', path: '/protocols', allowed: (a: AppAbility) => a.can('read', 'Protocol') },
  { key: 'admin', path: '/admin', allowed: (a: AppAbility) => a.can('manage', 'User') },
  { key: 'logs', path: '/logs', allowed: (a: AppAbility) => a.can('read', 'SharingLog') || a.can('read', 'AccessLog') },
  { key: 'statistics', path: '/statistics', allowed: (a: AppAbility) => a.can('read', 'Statistics') },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];
