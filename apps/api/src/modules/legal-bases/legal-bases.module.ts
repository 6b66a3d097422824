import { Global, Module } from '@nestjs/common';
import { LegalBasesController } from './legal-bases.controller';
import { LegalBasesService } from './legal-bases.service';

// Global: the sharing module reads the conditions and references when a disclosure is made.
@Global()
@Module({ controllers: [LegalBasesController], providers: [LegalBasesService], exports: [LegalBasesService] })
export class LegalBasesModule {}
