interface StatusMessageProps {
  message?: string | null;
}

/**
 * A polite live region for confirmations ("saved"). The region is always rendered, so screen
 * readers already watch it when the message arrives.
 */
export function StatusMessage({ message }: StatusMessageProps) {
  return (
    <div role="status" className={message ? 'alert alert-info' : undefined}>
      {message}
    </div>
  );
}
