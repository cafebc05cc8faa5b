import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy.module.js';
import { EntiController } from './enti.controller.js';
import { EntiService } from './enti.service.js';

/** Enti and convenzioni: /v1/enti… */
@Module({
  imports: [TenancyModule],
  controllers: [EntiController],
  providers: [EntiService],
})
export class EntiModule {}
