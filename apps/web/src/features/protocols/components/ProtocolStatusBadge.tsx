import { useTranslation } from 'react-i18next';
import type { Protocol } from '../types';

interface ProtocolStatusBadgeProps {
  protocol: Pick<Protocol, 'status' | 'inForce'>;
}

/** The protocol's status, and whether sharing under it is lawful today. */
export function ProtocolStatusBadge({ protocol }: ProtocolStatusBadgeProps) {
  const { t } = useTranslation();
  return (
    <>
      <span className="badge">{t(`protocolStatuses.${protocol.status}`)}</span>{' '}
      <span className={`badge ${protocol.inForce ? 'badge-ok' : 'badge-warning'}`}>
        {protocol.inForce ? t('protocols.inForce') : t('protocols.notInForce')}
      </span>
    </>
  );
}
