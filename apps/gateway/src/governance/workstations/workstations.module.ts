import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy.module.js';
import { WorkstationsController } from './workstations.controller.js';
import { WorkstationsService } from './workstations.service.js';

/** Workstations: /v1/workstations… */
@Module({
  imports: [TenancyModule],
  controllers: [WorkstationsController],
  providers: [WorkstationsService],
})
export class WorkstationsModule {}
