import { STAGES } from '@schakel/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { Can } from '../../me/components/Can';
import { useMe } from '../../me/hooks/useMe';
import { useCases, type CaseFilters } from '../api/cases';
import { CaseFiltersForm } from './CaseFiltersForm';
import { CaseTable } from './CaseTable';
import { ExecutionPanel } from './ExecutionPanel';
import { RemindersPanel } from './RemindersPanel';

/**
 * /cases: the dashboard. Case directors and partners see their cases grouped per chain step (or
 * one step, filtered); a referrer sees what they referred, by reference and step only.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const followsOnly = Boolean(me) && !me!.roles.some((r) => r === 'case_director' || r === 'agency_member');
  const [filters, setFilters] = useState<CaseFilters>({});
  const effective: CaseFilters = followsOnly ? { ...filters, mine: true } : filters;
  const cases = useCases(effective, Boolean(me));
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const grouped = !effective.stage && !followsOnly;

  return (
    <section>
      <PageHeading>{followsOnly ? t('cases.myReferrals') : t('cases.title')}</PageHeading>
      {followsOnly && <p>{t('cases.myReferralsIntro')}</p>}
      <Can I="refer" a="Case">
        <p>
          <Link className="button" to="/refer">
            {t('cases.newReferral')}
          </Link>
        </p>
      </Can>
      <CaseFiltersForm filters={filters} onChange={setFilters} showMine={!followsOnly} />
      {!followsOnly && !effective.stage && !effective.q && (
        <>
          <RemindersPanel />
          <ExecutionPanel mine={Boolean(effective.mine)} />
        </>
      )}
      {cases.isPending && <LoadingState />}
      {cases.isError && <QueryErrorState error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && items.length === 0 && <p>{effective.stage || effective.q ? t('cases.emptyFiltered') : t('cases.empty')}</p>}
      {cases.data && items.length > 0 && grouped && (
        <>
          {STAGES.map((stage) => {
            const inStage = items.filter((c) => c.stage === stage);
            if (inStage.length === 0) return null;
            const title = t('cases.group', { stage: t(`stages.${stage}`), count: inStage.length });
            return (
              <section key={stage} aria-labelledby={`group-${stage}`} className="case-group">
                <h2 id={`group-${stage}`}>{title}</h2>
                <CaseTable caption={title} cases={inStage} showStage={false} />
              </section>
            );
          })}
        </>
      )}
      {cases.data && items.length > 0 && !grouped && <CaseTable caption={followsOnly ? t('cases.myReferrals') : t('cases.title')} cases={items} showStage />}
      <LoadMoreButton hasMore={cases.hasNextPage} loading={cases.isFetchingNextPage} onLoadMore={() => void cases.fetchNextPage()} />
    </section>
  );
}
