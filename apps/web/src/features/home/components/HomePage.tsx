import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { SECTIONS } from '../../../config/sections';
import { useAbility } from '../../me/hooks/useAbility';
import { useMe } from '../../me/hooks/useMe';
import { WorkQueuePanel } from '../../work-queue/components/WorkQueuePanel';
import { RoleIntro } from './RoleIntro';
import { SectionCard } from './SectionCard';

/** /: what waits for the user (their work queue), then a card for each section they may open. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const ability = useAbility();
  const sections = SECTIONS.filter((s) => s.allowed(ability));
  return (
    <section>
      <PageHeading>{me ? t('home.welcome', { name: me.displayName }) : t('home.title')}</PageHeading>
      {me && (
        <>
          <p>{t('home.agency', { agency: me.agency.name })}</p>
          <RoleIntro roles={me.roles} />
          {!me.mfaEnabled && (
            <p className="alert alert-info">
              {t('home.mfaHint')} <Link to="/profile">{t('home.mfaLink')}</Link>
            </p>
          )}
          <WorkQueuePanel />
        </>
      )}
      <h2>{t('home.sectionsTitle')}</h2>
      {sections.length === 0 ? (
        <p>{t('home.noSections')}</p>
      ) : (
        <ul className="cards">
          {sections.map((s) => (
            <SectionCard key={s.key} section={s.key} path={s.path} />
          ))}
        </ul>
      )}
    </section>
  );
}
