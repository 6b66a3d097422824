import { AgenciesModule } from './modules/agencies/agencies.module';
import { CryptoModule } from './modules/crypto/crypto.module';
import { IdentityModule } from './modules/identity/identity.module';

// The bounded contexts of the API (architecture.md), in one list so the app and the
// authorization-matrix test see the same set.
export const FEATURE_MODULES = [CryptoModule, AgenciesModule, IdentityModule];
