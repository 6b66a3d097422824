/** Cells under this count are not published: small numbers can re-identify a family. */
export const MINIMUM_CELL = 5;

/** A count as published: 0 stays 0, 1…4 becomes null ("fewer than 5"). */
export function suppress(count: number): number | null {
  return count > 0 && count < MINIMUM_CELL ? null : count;
}
