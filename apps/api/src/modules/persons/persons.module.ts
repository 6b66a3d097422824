import { Module } from '@nestjs/common';
import { PersonExportController } from './person-export.controller';
import { PersonExportService } from './person-export.service';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';

@Module({ controllers: [PersonsController, PersonExportController], providers: [PersonsService, PersonExportService], exports: [PersonsService] })
export class PersonsModule {}
