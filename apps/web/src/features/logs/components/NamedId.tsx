import { ShortId } from './ShortId';

interface NamedIdProps {
  name: string | null | undefined;
  id: string | null;
}

/** A readable name (a person, a case reference) when the API sends one; the identifier stays in the tooltip. */
export function NamedId({ name, id }: NamedIdProps) {
  if (!name) return <ShortId value={id} />;
  return <span title={id ?? undefined}>{name}</span>;
}
