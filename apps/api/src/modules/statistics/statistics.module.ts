import { Module } from '@nestjs/common';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';
import { ProcessingRecordController } from './processing-record.controller';
import { ProcessingRecordService } from './processing-record.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

// Aggregate reporting: steering statistics, the annual report, and the DPO's record of processing.
@Module({
  controllers: [StatisticsController, AnnualReportController, ProcessingRecordController],
  providers: [StatisticsService, AnnualReportService, ProcessingRecordService],
})
export class StatisticsModule {}
