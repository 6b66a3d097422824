import { todayInBrussels } from '@schakel/domain';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { StatusMessage } from '../../../components/StatusMessage';
import { formatDate } from '../../../lib/formatDate';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useActions, useCreateAction, useUpdateAction, type ActionPatch } from '../api/actions';
import { useCaseContext } from '../hooks/useCaseContext';
import type { CaseAction } from '../types';
import { ActionForm, type ActionFormValues } from './ActionForm';
import { TableScroll } from '../../../components/TableScroll';

const EMPTY: ActionFormValues = { description: '', ownerAgencyId: '', dueDate: '', measure: '', status: 'OPEN' };

/** Only the fields the user changed, with the version read. */
function actionPatch(current: CaseAction, values: ActionFormValues): ActionPatch {
  const patch: ActionPatch = { version: current.version };
  if (values.description.trim() !== current.description) patch.description = values.description.trim();
  if (values.ownerAgencyId !== (current.ownerAgencyId ?? '')) patch.ownerAgencyId = values.ownerAgencyId;
  if (values.dueDate !== (current.dueDate ?? '')) patch.dueDate = values.dueDate;
  if (values.measure !== current.measure) patch.measure = values.measure as ActionPatch['measure'];
  if (values.status !== current.status) patch.status = values.status as ActionPatch['status'];
  return patch;
}

/** /cases/:caseId/actions: the joint action plan ("one family, one plan"). */
export function ActionsPage() {
  const { t, i18n } = useTranslation();
  const { caseData, can } = useCaseContext();
  const actions = useActions(caseData.id, can.readActions);
  const create = useCreateAction();
  const update = useUpdateAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [createKey, setCreateKey] = useState(0);
  const today = todayInBrussels();
  const agencyName = (id: string | null) => (id ? (caseData.agencies.find((a) => a.id === id)?.name ?? t('common.unknownAgency')) : '—');
  const items = actions.data?.items ?? [];
  const overdue = items.filter((a) => a.status === 'OPEN' && a.dueDate !== null && a.dueDate < today).length;

  // Only the owning agency and the case team change an action (the API answers 403 NOT_ACTION_OWNER otherwise).
  const anyEditable = items.some((a) => can.updateActionOwnedBy(a.ownerAgencyId));
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      {stale && (
        <p role="alert" className="alert alert-warning">
          {t('actions.staleReloaded')}
        </p>
      )}
      <StatusMessage message={notice} />
      {overdue > 0 && <p className="alert alert-warning">{t('actions.overdueCount', { count: overdue })}</p>}
      {actions.isPending && <LoadingState />}
      {actions.isError && <QueryErrorState error={actions.error} onRetry={() => void actions.refetch()} />}
      {actions.data && items.length === 0 && <p>{t('actions.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={t('actions.title')}>
          <table>
            <caption className="visually-hidden">{t('actions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.description')}</th>
                <th scope="col">{t('actions.owner')}</th>
                <th scope="col">{t('actions.dueDate')}</th>
                <th scope="col">{t('actions.measure')}</th>
                <th scope="col">{t('actions.status')}</th>
                {anyEditable && (
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const late = a.status === 'OPEN' && a.dueDate !== null && a.dueDate < today;
                return (
                  <Fragment key={a.id}>
                    <tr>
                      <th scope="row" className="prose">
                        {a.description}
                      </th>
                      <td>{agencyName(a.ownerAgencyId)}</td>
                      <td>
                        {a.dueDate ? formatDate(a.dueDate, i18n.language) : '—'}
                        {late && <span className="badge badge-danger">{t('actions.overdue')}</span>}
                      </td>
                      <td>{t(`measures.${a.measure}`)}</td>
                      <td>
                        <span className={`badge ${a.status === 'DONE' ? 'badge-ok' : a.status === 'OPEN' ? 'badge-info' : ''}`}>
                          {t(`actionStatuses.${a.status}`)}
                        </span>
                      </td>
                      {anyEditable && !can.updateActionOwnedBy(a.ownerAgencyId) && <td />}
                      {anyEditable && can.updateActionOwnedBy(a.ownerAgencyId) && (
                        <td>
                          <button
                            type="button"
                            aria-expanded={editing === a.id}
                            onClick={() => {
                              setStale(false);
                              setNotice(null);
                              update.reset();
                              setEditing(editing === a.id ? null : a.id);
                            }}
                          >
                            {t('common.edit')}
                            <span className="visually-hidden"> {a.description}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                    {editing === a.id && (
                      <tr>
                        <td colSpan={6}>
                          <ActionForm
                            key={a.version}
                            editing
                            label={t('actions.editTitle')}
                            agencies={caseData.agencies}
                            initial={{
                              description: a.description ?? '',
                              ownerAgencyId: a.ownerAgencyId ?? '',
                              dueDate: a.dueDate ?? '',
                              measure: a.measure,
                              status: a.status,
                            }}
                            pending={update.isPending}
                            error={update.error}
                            onCancel={() => setEditing(null)}
                            onSubmit={(values) => {
                              const patch = actionPatch(a, values);
                              if (Object.keys(patch).length === 1) {
                                setEditing(null);
                                setNotice(t('common.noChanges'));
                                return;
                              }
                              update.mutate(
                                { caseId: caseData.id, actionId: a.id, ...patch },
                                {
                                  onSuccess: () => {
                                    setEditing(null);
                                    setNotice(t('actions.saved'));
                                  },
                                  onError: (error) => {
                                    if (isStaleVersion(error)) {
                                      setEditing(null);
                                      setStale(true);
                                    }
                                  },
                                },
                              );
                            }}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {can.createAction && (
        <section aria-labelledby="action-new-title">
          <h3 id="action-new-title">{t('actions.newTitle')}</h3>
          <ActionForm
            key={createKey}
            editing={false}
            label={t('actions.newTitle')}
            agencies={caseData.agencies}
            initial={EMPTY}
            pending={create.isPending}
            error={create.error}
            onSubmit={(values) =>
              create.mutate(
                { caseId: caseData.id, ...values },
                {
                  onSuccess: () => {
                    setCreateKey((k) => k + 1);
                    setNotice(t('actions.created'));
                  },
                },
              )
            }
          />
        </section>
      )}
    </section>
  );
}
