import type { FieldSqlMap } from '@schakel/authz';

/** The Conference rule fields of libs/authz as SQL over `conferences f`: the list filters with the row-check rules. */
export const CONFERENCE_SCOPE_FIELDS: FieldSqlMap = {
  chairId: (p) => `f.chair_id = :${p}`,
  inviteeIds: (p) => `EXISTS (SELECT 1 FROM conference_invitees sci WHERE sci.conference_id = f.id AND sci.user_id = :${p})`,
};
