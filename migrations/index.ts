import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Identity1795400100000 } from './1795400100000-Identity';
import { CasesAndProtocols1795400200000 } from './1795400200000-CasesAndProtocols';
import { ConsentAndSharing1795400300000 } from './1795400300000-ConsentAndSharing';
import { Risk1795400400000 } from './1795400400000-Risk';
import { Conferences1795400500000 } from './1795400500000-Conferences';
import { Retention1795400600000 } from './1795400600000-Retention';
import { TransparencyLog1795401000000 } from './1795401000000-TransparencyLog';
import { LawAsData1795402000000 } from './1795402000000-LawAsData';
import { PersonsAndCaseKeys1795403000000 } from './1795403000000-PersonsAndCaseKeys';
import { SessionHardening1795404000000 } from './1795404000000-SessionHardening';
import { AccessLogDenied1795404000100 } from './1795404000100-AccessLogDenied';
import { Casework1795405000000 } from './1795405000000-Casework';
import { GenderAndLanguageCodes1795408000000 } from './1795408000000-GenderAndLanguageCodes';
import { SharingLogLockHead1795409000000 } from './1795409000000-SharingLogLockHead';

// Every migration in order, one per line (parallel branches then merge cleanly). Generate one with
// `npm run migration:generate -- migrations/<Name>`, then add it here (see migrations/README.md).
// Never edit a migration that has landed on main: add a new one.
export const MIGRATIONS: Function[] = [
  Foundation1795400000000,
  Identity1795400100000,
  CasesAndProtocols1795400200000,
  ConsentAndSharing1795400300000,
  Risk1795400400000,
  Conferences1795400500000,
  Retention1795400600000,
  TransparencyLog1795401000000,
  LawAsData1795402000000,
  PersonsAndCaseKeys1795403000000,
  SessionHardening1795404000000,
  AccessLogDenied1795404000100,
  Casework1795405000000,
  GenderAndLanguageCodes1795408000000,
  SharingLogLockHead1795409000000,
];
