import { Global, Module } from '@nestjs/common';
import { CaseKeysService } from './case-keys.service';
import { CryptoService } from './crypto.service';

@Global()
@Module({ providers: [CryptoService, CaseKeysService], exports: [CryptoService, CaseKeysService] })
export class CryptoModule {}
