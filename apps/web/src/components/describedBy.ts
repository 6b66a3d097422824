/** Joins the ids of a field's hint and error into one `aria-describedby` value (or none). */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}
