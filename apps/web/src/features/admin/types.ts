import type { User } from '@schakel/contracts';

// Shapes of /agencies and /users (api.md "Identity and administration"): the response contracts.

export type { Agency } from '@schakel/contracts';

/** An account as the administration sees it. */
export type AdminUser = User;
