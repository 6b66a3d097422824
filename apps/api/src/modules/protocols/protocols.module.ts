import { Module } from '@nestjs/common';
import { ProtocolConfidentialityController } from './protocol-confidentiality.controller';
import { ProtocolConfidentialityService } from './protocol-confidentiality.service';
import { ProtocolsController } from './protocols.controller';
import { ProtocolsService } from './protocols.service';

@Module({
  controllers: [ProtocolsController, ProtocolConfidentialityController],
  providers: [ProtocolsService, ProtocolConfidentialityService],
  exports: [ProtocolsService, ProtocolConfidentialityService],
})
export class ProtocolsModule {}
