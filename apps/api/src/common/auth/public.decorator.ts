import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'schakel:public';
/** Marks a route as reachable without a session. Every other route needs an explicit @Authorize rule. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
