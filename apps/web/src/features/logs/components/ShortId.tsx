interface ShortIdProps {
  value: string | null;
  length?: number;
}

/** A long identifier or hash, shortened for the table; the whole value stays in the tooltip and for copying. */
export function ShortId({ value, length = 8 }: ShortIdProps) {
  if (!value) return <span>—</span>;
  return (
    <code title={value} className="short-id">
      {value.length > length ? `${value.slice(0, length)}…` : value}
    </code>
  );
}
