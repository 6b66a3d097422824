import { formatNationalNumber } from '@schakel/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/formatDate';
import { useDataRequests, type DataRequest } from '../api/persons';
import type { CaseDetail, Person, PersonField } from '../types';
import { PersonDataDialog } from './PersonDataDialog';
import { PersonForm } from './PersonForm';
import { RelationshipForm } from './RelationshipForm';
import { TableScroll } from '../../../components/TableScroll';

interface PersonsListProps {
  persons: Person[];
  /** With these, the list offers editing, requests and sharing (the case overview); without, it only shows. */
  caseData?: CaseDetail;
  canEdit?: boolean;
  canRequest?: boolean;
  myAgencyId?: string;
  onDone?: (message: string) => void;
}

const FIELDS: PersonField[] = ['birthDate', 'nationalNumber', 'address', 'phone', 'email'];

type Open =
  | { kind: 'add' }
  | { kind: 'edit'; person: Person }
  | { kind: 'request'; person: Person }
  | { kind: 'share'; person: Person; request: DataRequest }
  | { kind: 'relate' }
  | null;

/** The persons of the case (cliëntsysteem): what the caller's agency needs to know, and what is withheld and why. */
export function PersonsList({ persons, caseData, canEdit = false, canRequest = false, myAgencyId, onDone }: PersonsListProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const requests = useDataRequests(caseData?.id ?? '', !!caseData && canRequest);
  const done = (message: string) => {
    setOpen(null);
    onDone?.(message);
  };
  const value = (p: Person, f: PersonField) => {
    const reason = p.withheldReasons[f];
    if (reason) return <span className="withheld">{t(`privacy.withheld.${reason}`)}</span>;
    const v = p[f];
    if (!v) return '—';
    if (f === 'birthDate') return formatDate(v, i18n.language);
    return f === 'nationalNumber' ? formatNationalNumber(v) : v;
  };
  const nameOf = (id: string) => {
    const p = persons.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : '—';
  };
  const incoming = (requests.data?.items ?? []).filter((r) => !r.fulfilledAt && r.agencyId !== myAgencyId);
  return (
    <section aria-labelledby="persons-title">
      <h2 id="persons-title">{t('case.persons.title')}</h2>
      {persons.some((p) => p.withheld.length > 0) && <p className="hint">{t('privacy.withheldHint')}</p>}
      <TableScroll label={t('case.persons.title')}>
        <table>
          <caption className="visually-hidden">{t('case.persons.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('case.persons.name')}</th>
              <th scope="col">{t('case.persons.role')}</th>
              <th scope="col">{t('privacy.birthYear')}</th>
              {FIELDS.map((f) => (
                <th key={f} scope="col">
                  {t(`privacy.fields.${f}`)}
                </th>
              ))}
              <th scope="col">{t('privacy.relationships')}</th>
              {caseData && (canEdit || canRequest) && (
                <th scope="col">
                  <span className="visually-hidden">{t('privacy.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {persons.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.firstName} {p.lastName}
                  {p.confidentialAddress && <span className="badge">{t('privacy.confidentialAddress')}</span>}
                </th>
                <td>{t(`personRoles.${p.role}`)}</td>
                <td>{p.birthYear ?? '—'}</td>
                {FIELDS.map((f) => (
                  <td key={f}>{value(p, f)}</td>
                ))}
                <td>
                  {p.relationships.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="plain-list">
                      {p.relationships.map((r) => (
                        <li key={r.id}>
                          {t(`privacy.relationshipTypes.${r.type}` as never)} {r.fromPersonId === p.id ? '→' : '←'}{' '}
                          {nameOf(r.fromPersonId === p.id ? r.toPersonId : r.fromPersonId)} ({t(`privacy.violence.${r.violence}` as never)})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {caseData && (canEdit || canRequest) && (
                  <td>
                    {canEdit && (
                      <button type="button" className="button-link" onClick={() => setOpen({ kind: 'edit', person: p })}>
                        {t('privacy.edit', { name: p.firstName })}
                      </button>
                    )}
                    {canRequest && !canEdit && p.withheld.some((f) => p.withheldReasons[f] === 'NEED_TO_KNOW') && (
                      <button type="button" className="button-link" onClick={() => setOpen({ kind: 'request', person: p })}>
                        {t('privacy.request', { name: p.firstName })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {caseData && canEdit && (
        <div className="form-actions">
          <button type="button" onClick={() => setOpen({ kind: 'add' })}>
            {t('privacy.addPerson')}
          </button>
          {persons.length > 1 && (
            <button type="button" onClick={() => setOpen({ kind: 'relate' })}>
              {t('privacy.addRelationship')}
            </button>
          )}
        </div>
      )}
      {caseData && incoming.length > 0 && (
        <section aria-labelledby="data-requests-title">
          <h3 id="data-requests-title">{t('privacy.requestsTitle')}</h3>
          <ul>
            {incoming.map((r) => {
              const person = persons.find((p) => p.id === r.personId);
              const agency = caseData.agencies.find((a) => a.id === r.agencyId)?.name ?? '—';
              return (
                <li key={r.id}>
                  {t('privacy.requestLine', {
                    agency,
                    name: person ? `${person.firstName} ${person.lastName}` : '—',
                    categories: r.categories.map((c) => t(`dataCategories.${c}`)).join(', '),
                  })}
                  {r.reason && (
                    <>
                      {' '}
                      — <q>{r.reason}</q>
                    </>
                  )}{' '}
                  {person && (
                    <button type="button" className="button-link" onClick={() => setOpen({ kind: 'share', person, request: r })}>
                      {t('privacy.share')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {caseData && open?.kind === 'add' && <PersonForm caseId={caseData.id} onClose={() => setOpen(null)} onDone={done} />}
      {caseData && open?.kind === 'edit' && <PersonForm caseId={caseData.id} person={open.person} onClose={() => setOpen(null)} onDone={done} />}
      {caseData && open?.kind === 'relate' && <RelationshipForm caseId={caseData.id} persons={persons} onClose={() => setOpen(null)} onDone={done} />}
      {caseData && (open?.kind === 'request' || open?.kind === 'share') && (
        <PersonDataDialog
          caseData={caseData}
          person={open.person}
          request={open.kind === 'share' ? open.request : undefined}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      )}
    </section>
  );
}
