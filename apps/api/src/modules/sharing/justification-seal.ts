// Columns bound into the case-key ciphertexts of disclosure justifications and their commitment keys;
// contribution and person disclosures share them so the sharing log reads both alike.
export const JUSTIFICATION = 'disclosures.justification';
export const JUSTIFICATION_NONCE = 'disclosures.justification_nonce';
export const DANGER_STATEMENT = 'disclosures.danger_statement';
