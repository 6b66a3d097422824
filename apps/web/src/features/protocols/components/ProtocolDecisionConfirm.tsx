import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDate } from '../../../lib/formatDate';
import { useProtocolConsequences } from '../../consequences/consequences';
import type { Protocol } from '../types';

interface ProtocolDecisionConfirmProps {
  protocol: Protocol;
  action: 'approve' | 'reject' | 'suspend' | 'lift';
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The liaison's second step: what approving, rejecting, suspending or lifting this protocol does, in numbers. */
export function ProtocolDecisionConfirm({ protocol, action, pending, onConfirm, onCancel }: ProtocolDecisionConfirmProps) {
  const { t, i18n } = useTranslation();
  const consequences = useProtocolConsequences(protocol.id, true);
  const c = consequences.data;
  const vars = {
    title: protocol.title,
    count: c?.openCases ?? 0,
    conferences: c?.openConferences ?? 0,
    signatories: c?.signatories ?? 0,
    validFrom: formatDate(protocol.validFrom, i18n.language),
  };
  return (
    <ConfirmDialog
      title={t(`confirm.protocol.${action}Title`, { title: protocol.title })}
      confirmLabel={t(`confirm.protocol.${action}`)}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {c ? <p>{t(`confirm.protocol.${action}Body`, vars)}</p> : <p className="muted">{t('common.loading')}</p>}
    </ConfirmDialog>
  );
}
