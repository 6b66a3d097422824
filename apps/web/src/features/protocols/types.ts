import type { Protocol as ProtocolView, ProtocolDetail } from '@schakel/contracts';

// Shapes of /protocols (api.md "Protocols (art. 458ter)"): the response contracts.

/** A protocol as lists and commands return it; GET /protocols/:id adds its approvals and history. */
export type Protocol = ProtocolView & Partial<Pick<ProtocolDetail, 'approvals' | 'pendingApproverAgencyIds' | 'events'>>;

export type { Agency, ProtocolModalitiesView as ProtocolModalities } from '@schakel/contracts';
