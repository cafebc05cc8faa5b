import { Module } from '@nestjs/common';
import { AreaService } from './area.service.js';

/** The tenancy rules (AreaService), shared by every governance module and by monitoring. */
@Module({
  providers: [AreaService],
  exports: [AreaService],
})
export class TenancyModule {}
