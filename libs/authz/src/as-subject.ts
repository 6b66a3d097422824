import { subject } from '@casl/ability';
import type { SubjectType } from './subjects';

/** Tags a plain record with its subject type so row-level checks match the right rules. */
export function asSubject<T extends Record<string, unknown>>(type: SubjectType, record: T): T & { __typename: SubjectType } {
  return subject(type as never, { ...record, __typename: type }) as T & { __typename: SubjectType };
}
