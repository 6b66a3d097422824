import type { Stage } from '@schakel/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { useAbility } from '../../me/hooks/useAbility';
import { useMe } from '../../me/hooks/useMe';
import { useCase } from '../api/cases';
import { casePermissions } from '../caseAbility';
import type { CaseOutletContext } from '../hooks/useCaseContext';
import { isAnonymised, isUnacknowledged, type CaseDetail } from '../types';
import { CaseConfidentialityGate } from './CaseConfidentialityGate';
import { CaseHeader } from './CaseHeader';
import { CaseLimitedView } from './CaseLimitedView';
import { ChainStepper } from './ChainStepper';
import { TransitionControls } from './TransitionControls';

/**
 * /cases/:caseId and its tabs: the case's header, its place in the chain with the next steps the
 * case director can take, and the tabs the user's agency and roles give access to.
 */
export function CaseLayout() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const caseQuery = useCase(caseId);
  const ability = useAbility();
  const { data: me } = useMe();
  const [notice, setNotice] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const { pathname } = useLocation();

  // A confirmation belongs to the tab it was given on: reset while rendering the new tab, not in an
  // effect after it (which would show the old notice for one render).
  const [noticePath, setNoticePath] = useState(pathname);
  if (noticePath !== pathname) {
    setNoticePath(pathname);
    setNotice(null);
    setStale(false);
  }

  if (caseQuery.isPending || caseQuery.isError) {
    return (
      <section>
        <PageHeading>{t('case.titleUnknown')}</PageHeading>
        {caseQuery.isPending ? <LoadingState /> : <QueryErrorState error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />}
        <Link to="/cases">{t('case.backToList')}</Link>
      </section>
    );
  }
  if (isUnacknowledged(caseQuery.data)) return <CaseConfidentialityGate caseData={caseQuery.data} />;
  if (caseQuery.data.limited) return <CaseLimitedView caseData={caseQuery.data} />;
  if (isAnonymised(caseQuery.data)) return <CaseLimitedView caseData={caseQuery.data} />;

  const c: CaseDetail = caseQuery.data;
  const can = casePermissions(ability, c, me);
  const context: CaseOutletContext = { caseData: c, can };
  const base = `/cases/${c.id}`;
  const tabs = [
    { to: base, label: t('case.tabs.overview'), end: true, show: true },
    { to: `${base}/contributions`, label: t('case.tabs.contributions'), show: can.readContributions },
    { to: `${base}/consents`, label: t('case.tabs.consents'), show: can.readConsents },
    { to: `${base}/risk`, label: t('case.tabs.risk'), show: can.readRisk },
    { to: `${base}/actions`, label: t('case.tabs.actions'), show: can.readActions },
    { to: `${base}/timeline`, label: t('case.tabs.timeline'), show: true },
  ].filter((tab) => tab.show);

  return (
    <section className="case-page">
      <PageHeading>{t('case.title', { reference: c.reference })}</PageHeading>
      {stale && (
        <p role="alert" className="alert alert-warning">
          {t('case.staleReloaded')}
        </p>
      )}
      <StatusMessage message={notice} />
      <CaseHeader caseData={c} />
      <h2 className="visually-hidden">{t('case.stepper.label')}</h2>
      <ChainStepper stage={c.stage} closureReason={c.closureReason} />
      {can.transition && (
        <TransitionControls
          caseData={c}
          onMoved={(stage: Stage) => {
            setStale(false);
            setNotice(t('case.transition.done', { stage: t(`stages.${stage}`) }));
          }}
          onStale={() => {
            setNotice(null);
            setStale(true);
            void caseQuery.refetch();
          }}
        />
      )}
      <nav aria-label={t('case.tabs.label')} className="sub-nav case-tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </section>
  );
}
