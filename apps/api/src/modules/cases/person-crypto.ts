import { genderCode, type GenderCode } from '@schakel/domain';
import type { CryptoService } from '../crypto/crypto.service';
import type { PersonRole } from '@schakel/domain';
import type { PersonRecord } from './case-directory';

// The column name is bound into each ciphertext, so a value cannot be swapped into another column.
const ctx = (column: string) => `persons.${column}`;

/** What a person input may carry (referral, POST/PATCH /cases/:id/persons). */
export interface PersonFields {
  role?: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string | null;
  nationalNumber?: string | null;
  address?: string | null;
  gender?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** The decrypted identity of a person, before the need-to-know compartments are applied. */
export interface PersonIdentity {
  id: string;
  role: PersonRole;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  nationalNumber: string | null;
  address: string | null;
  gender: string | null;
  phone: string | null;
  email: string | null;
  genderCode: GenderCode | null;
}

/** Encrypted columns for the fields present in `p` (absent fields are left out, so a PATCH keeps them). */
export function personColumns(crypto: CryptoService, p: PersonFields) {
  const out: Partial<
    Pick<PersonRecord, 'role' | 'firstName' | 'lastName' | 'birthDate' | 'nationalNumber' | 'address' | 'gender' | 'genderCode' | 'phone' | 'email'>
  > = {};
  if (p.role !== undefined) out.role = p.role as PersonRole;
  if (p.firstName !== undefined) out.firstName = crypto.encrypt(p.firstName.trim(), ctx('first_name'));
  if (p.lastName !== undefined) out.lastName = crypto.encrypt(p.lastName.trim(), ctx('last_name'));
  if (p.birthDate !== undefined) out.birthDate = crypto.encryptNullable(p.birthDate?.slice(0, 10), ctx('birth_date'));
  if (p.nationalNumber !== undefined) out.nationalNumber = crypto.encryptNullable(p.nationalNumber?.replace(/\D/g, ''), ctx('national_number'));
  if (p.address !== undefined) out.address = crypto.encryptNullable(p.address?.trim(), ctx('address'));
  if (p.gender !== undefined) {
    out.gender = crypto.encryptNullable(p.gender?.trim(), ctx('gender'));
    out.genderCode = genderCode(p.gender ?? undefined);
  }
  if (p.phone !== undefined) out.phone = crypto.encryptNullable(p.phone?.trim(), ctx('phone'));
  if (p.email !== undefined) out.email = crypto.encryptNullable(p.email?.trim(), ctx('email'));
  return out;
}

export function personIdentity(
  crypto: CryptoService,
  p: Pick<PersonRecord, 'id' | 'role' | 'firstName' | 'lastName' | 'birthDate' | 'nationalNumber' | 'address' | 'gender' | 'phone' | 'email' | 'genderCode'>,
): PersonIdentity {
  return {
    id: p.id,
    role: p.role,
    firstName: crypto.decrypt(p.firstName, ctx('first_name')),
    lastName: crypto.decrypt(p.lastName, ctx('last_name')),
    birthDate: crypto.decryptNullable(p.birthDate, ctx('birth_date')),
    nationalNumber: crypto.decryptNullable(p.nationalNumber, ctx('national_number')),
    address: crypto.decryptNullable(p.address, ctx('address')),
    gender: crypto.decryptNullable(p.gender, ctx('gender')),
    phone: crypto.decryptNullable(p.phone ?? null, ctx('phone')),
    email: crypto.decryptNullable(p.email ?? null, ctx('email')),
    genderCode: p.genderCode ?? null,
  };
}
