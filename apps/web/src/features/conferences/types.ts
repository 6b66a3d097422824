// Shapes of /conferences: the response contracts of libs/contracts.

export type {
  AgendaItem,
  Conference as ConferenceBase,
  ConferenceDetail,
  ConferenceListItem,
  ConferenceStatus,
  FullAgendaItem,
  InvitablePerson,
  Invitee,
  ItemMinutes,
  LimitedAgendaItem,
} from '@schakel/contracts';
