/** Where a user whose role requires two-step verification is held until it is set up. */
export const MFA_ENROLMENT_PATH = '/profile';
