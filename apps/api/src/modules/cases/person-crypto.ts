import { genderCode } from '@schakel/domain';
import type { CryptoService } from '../crypto/crypto.service';
import type { PersonInputDto } from './dto/create-referral.dto';
import type { Person } from './entities/person.entity';
import type { PersonView } from './case.view';

// The column name is bound into each ciphertext, so a value cannot be swapped into another column.
const ctx = (column: string) => `persons.${column}`;

export function personColumns(crypto: CryptoService, p: PersonInputDto) {
  return {
    role: p.role,
    firstName: crypto.encrypt(p.firstName.trim(), ctx('first_name')),
    lastName: crypto.encrypt(p.lastName.trim(), ctx('last_name')),
    birthDate: crypto.encryptNullable(p.birthDate?.slice(0, 10), ctx('birth_date')),
    nationalNumber: crypto.encryptNullable(p.nationalNumber?.replace(/\D/g, ''), ctx('national_number')),
    address: crypto.encryptNullable(p.address?.trim(), ctx('address')),
    gender: crypto.encryptNullable(p.gender?.trim(), ctx('gender')),
    genderCode: genderCode(p.gender),
  };
}

export function personView(crypto: CryptoService, p: Person): PersonView {
  return {
    id: p.id,
    role: p.role,
    firstName: crypto.decrypt(p.firstName, ctx('first_name')),
    lastName: crypto.decrypt(p.lastName, ctx('last_name')),
    birthDate: crypto.decryptNullable(p.birthDate, ctx('birth_date')),
    nationalNumber: crypto.decryptNullable(p.nationalNumber, ctx('national_number')),
    address: crypto.decryptNullable(p.address, ctx('address')),
    gender: crypto.decryptNullable(p.gender, ctx('gender')),
    genderCode: p.genderCode ?? null,
  };
}
