import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy.module.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

/** Applications: /v1/applications… */
@Module({
  imports: [TenancyModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService],
})
export class ApplicationsModule {}
