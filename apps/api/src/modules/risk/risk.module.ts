import { Module } from '@nestjs/common';
import { RiskAssessmentsController } from './risk-assessments.controller';
import { RiskAssessmentsService } from './risk-assessments.service';
import { RiskInstrumentsController } from './risk-instruments.controller';

@Module({ controllers: [RiskInstrumentsController, RiskAssessmentsController], providers: [RiskAssessmentsService] })
export class RiskModule {}
