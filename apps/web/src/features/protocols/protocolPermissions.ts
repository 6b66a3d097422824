import { asSubject, type AppAbility } from '@schakel/authz';
import type { Protocol } from './types';

/** What the signed-in user may do with this protocol, from the same CASL rules as the API. */
export function protocolPermissions(ability: AppAbility, p: Protocol, myAgencyId: string) {
  const subject = asSubject('Protocol', {
    id: p.id,
    district: p.district,
    agencyIds: p.agencyIds,
    status: p.status,
    approverAgencyIds: p.approverAgencyIds ?? [],
  });
  // A rejected protocol is revised and submitted again.
  const editable = p.status === 'DRAFT' || p.status === 'REJECTED';
  return {
    edit: editable && ability.can('update', subject),
    submit: editable && ability.can('submit', subject),
    lift: p.status === 'SUSPENDED' && ability.can('lift', subject),
    acknowledge: ability.can('acknowledge', subject),
    accessList: ability.can('read', asSubject('ProtocolAccessList', { district: p.district })),
    approve: p.status === 'SUBMITTED' && ability.can('approve', subject),
    reject: p.status === 'SUBMITTED' && ability.can('reject', subject),
    suspend: p.status === 'APPROVED' && ability.can('suspend', subject),
    // An amendment is a new draft by a case director of a signatory agency.
    amend: (p.status === 'APPROVED' || p.status === 'SUSPENDED') && ability.can('create', 'Protocol') && p.agencyIds.includes(myAgencyId),
  };
}
