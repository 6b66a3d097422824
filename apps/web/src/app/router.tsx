import type { AppAbility } from '@schakel/authz';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { SECTIONS, type SectionKey } from '../config/sections';
import { AdminLayout } from '../features/admin/components/AdminLayout';
import { LoginPage } from '../features/auth/components/LoginPage';
import { MfaPage } from '../features/auth/components/MfaPage';
import { HomePage } from '../features/home/components/HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { RequireAbility } from './RequireAbility';
import { RequireAuth } from './RequireAuth';

/** Loads a page's code when its route is first visited, keeping the first download small. */
const page = (load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: await load() }),
});

const allowed = (key: SectionKey) => SECTIONS.find((s) => s.key === key)!.allowed;
const canManageAgencies = (a: AppAbility) => a.can('manage', 'Agency');
const canCreateProtocol = (a: AppAbility) => a.can('create', 'Protocol');
const canCreateConference = (a: AppAbility) => a.can('create', 'Conference');
const canReadSharingLog = (a: AppAbility) => a.can('read', 'SharingLog');
const canReadAccessLog = (a: AppAbility) => a.can('read', 'AccessLog');
const canReadLoginAudit = (a: AppAbility) => a.can('read', 'LoginAudit');

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    // Shown while the code of a page opened directly by URL is still loading.
    HydrateFallback: LoadingState,
    children: [
      { path: 'login', element: <LoginPage /> },
      { path: 'login/mfa', element: <MfaPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'profile', ...page(() => import('../features/profile/components/ProfilePage').then((m) => m.ProfilePage)) },
          { path: 'notifications', ...page(() => import('../features/notifications/components/NotificationsPage').then((m) => m.NotificationsPage)) },
          {
            path: 'cases',
            element: <RequireAbility allowed={allowed('cases')} />,
            children: [
              { index: true, ...page(() => import('../features/cases/components/CasesPage').then((m) => m.CasesPage)) },
              {
                path: ':caseId',
                ...page(() => import('../features/cases/components/CaseLayout').then((m) => m.CaseLayout)),
                children: [
                  { index: true, ...page(() => import('../features/cases/components/CaseOverviewPage').then((m) => m.CaseOverviewPage)) },
                  { path: 'contributions', ...page(() => import('../features/cases/components/ContributionsPage').then((m) => m.ContributionsPage)) },
                  { path: 'consents', ...page(() => import('../features/cases/components/ConsentsPage').then((m) => m.ConsentsPage)) },
                  { path: 'risk', ...page(() => import('../features/cases/components/RiskPage').then((m) => m.RiskPage)) },
                  { path: 'actions', ...page(() => import('../features/cases/components/ActionsPage').then((m) => m.ActionsPage)) },
                  { path: 'timeline', ...page(() => import('../features/cases/components/TimelinePage').then((m) => m.TimelinePage)) },
                ],
              },
            ],
          },
          {
            path: 'conferences',
            element: <RequireAbility allowed={allowed('conferences')} />,
            children: [
              { index: true, ...page(() => import('../features/conferences/components/ConferencesPage').then((m) => m.ConferencesPage)) },
              {
                path: 'new',
                element: <RequireAbility allowed={canCreateConference} />,
                children: [
                  { index: true, ...page(() => import('../features/conferences/components/ConferenceCreatePage').then((m) => m.ConferenceCreatePage)) },
                ],
              },
              { path: ':conferenceId', ...page(() => import('../features/conferences/components/ConferencePage').then((m) => m.ConferencePage)) },
            ],
          },
          {
            path: 'statistics',
            element: <RequireAbility allowed={allowed('statistics')} />,
            children: [{ index: true, ...page(() => import('../features/statistics/components/StatisticsPage').then((m) => m.StatisticsPage)) }],
          },
          {
            path: 'refer',
            element: <RequireAbility allowed={allowed('referrals')} />,
            children: [{ index: true, ...page(() => import('../features/referrals/components/ReferralPage').then((m) => m.ReferralPage)) }],
          },
          {
            path: 'protocols',
            element: <RequireAbility allowed={allowed('protocols')} />,
            children: [
              { index: true, ...page(() => import('../features/protocols/components/ProtocolsPage').then((m) => m.ProtocolsPage)) },
              {
                path: 'new',
                element: <RequireAbility allowed={canCreateProtocol} />,
                children: [{ index: true, ...page(() => import('../features/protocols/components/ProtocolCreatePage').then((m) => m.ProtocolCreatePage)) }],
              },
              { path: ':protocolId', ...page(() => import('../features/protocols/components/ProtocolPage').then((m) => m.ProtocolPage)) },
              { path: ':protocolId/edit', ...page(() => import('../features/protocols/components/ProtocolEditPage').then((m) => m.ProtocolEditPage)) },
            ],
          },
          {
            path: 'logs',
            element: <RequireAbility allowed={allowed('logs')} />,
            children: [
              {
                ...page(() => import('../features/logs/components/LogsLayout').then((m) => m.LogsLayout)),
                children: [
                  { index: true, ...page(() => import('../features/logs/components/LogsIndex').then((m) => m.LogsIndex)) },
                  {
                    path: 'sharing',
                    element: <RequireAbility allowed={canReadSharingLog} />,
                    children: [{ index: true, ...page(() => import('../features/logs/components/SharingLogPage').then((m) => m.SharingLogPage)) }],
                  },
                  {
                    path: 'access',
                    element: <RequireAbility allowed={canReadAccessLog} />,
                    children: [{ index: true, ...page(() => import('../features/logs/components/AccessLogPage').then((m) => m.AccessLogPage)) }],
                  },
                  {
                    path: 'logins',
                    element: <RequireAbility allowed={canReadLoginAudit} />,
                    children: [{ index: true, ...page(() => import('../features/logs/components/LoginAuditPage').then((m) => m.LoginAuditPage)) }],
                  },
                ],
              },
            ],
          },
          {
            path: 'admin',
            element: (
              <RequireAbility allowed={allowed('admin')}>
                <AdminLayout />
              </RequireAbility>
            ),
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', ...page(() => import('../features/admin/components/UsersPage').then((m) => m.UsersPage)) },
              { path: 'users/new', ...page(() => import('../features/admin/components/UserCreatePage').then((m) => m.UserCreatePage)) },
              { path: 'users/:userId', ...page(() => import('../features/admin/components/UserEditPage').then((m) => m.UserEditPage)) },
              {
                path: 'agencies',
                element: <RequireAbility allowed={canManageAgencies} />,
                children: [
                  { index: true, ...page(() => import('../features/admin/components/AgenciesPage').then((m) => m.AgenciesPage)) },
                  { path: 'new', ...page(() => import('../features/admin/components/AgencyCreatePage').then((m) => m.AgencyCreatePage)) },
                  { path: ':agencyId', ...page(() => import('../features/admin/components/AgencyEditPage').then((m) => m.AgencyEditPage)) },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
