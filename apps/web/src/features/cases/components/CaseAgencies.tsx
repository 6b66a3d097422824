import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/StatusMessage';
import type { CasePermissions } from '../caseAbility';
import type { CaseDetail } from '../types';
import { InviteAgencyForm } from './InviteAgencyForm';
import { WaiverForm } from './WaiverForm';
import { TableScroll } from '../../../components/TableScroll';

interface CaseAgenciesProps {
  caseData: CaseDetail;
  can: CasePermissions;
}

/** The partner agencies of the case, inviting more, and waivers for agencies that will not contribute. */
export function CaseAgencies({ caseData, can }: CaseAgenciesProps) {
  const { t } = useTranslation();
  const [waiving, setWaiving] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="agencies-title">
      <h2 id="agencies-title">{t('case.agencies.title')}</h2>
      <StatusMessage message={notice} />
      <TableScroll label={t('case.agencies.title')}>
        <table>
          <caption className="visually-hidden">{t('case.agencies.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.agencies.agency')}</th>
              <th scope="col">{t('case.agencies.type')}</th>
              <th scope="col">{t('case.agencies.role')}</th>
              <th scope="col">{t('case.agencies.contribution')}</th>
            </tr>
          </thead>
          <tbody>
            {caseData.agencies.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{t(`agencyTypes.${a.type}`)}</td>
                <td>{t(`caseAgencyRoles.${a.role}`)}</td>
                <td>
                  {a.contributed ? (
                    <span className="badge badge-ok">{t('screens.contributed')}</span>
                  ) : a.contributionWaived ? (
                    t('case.agencies.waivedLabel')
                  ) : a.role === 'INVITED' && can.transition ? (
                    waiving === a.id ? (
                      <WaiverForm
                        caseId={caseData.id}
                        agency={a}
                        onCancel={() => setWaiving(null)}
                        onDone={(message) => {
                          setWaiving(null);
                          setNotice(message);
                        }}
                      />
                    ) : (
                      <button type="button" onClick={() => setWaiving(a.id)}>
                        {t('case.agencies.waive')}
                        <span className="visually-hidden"> {a.name}</span>
                      </button>
                    )
                  ) : a.role === 'INVITED' ? (
                    t('screens.notContributed')
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {can.invite && <InviteAgencyForm caseData={caseData} onDone={setNotice} />}
    </section>
  );
}
