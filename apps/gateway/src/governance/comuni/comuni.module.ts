import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy.module.js';
import { ComuniController } from './comuni.controller.js';
import { ComuniService } from './comuni.service.js';

/** Comuni: GET /v1/comuni/{istat}, PATCH …/settings. */
@Module({
  imports: [TenancyModule],
  controllers: [ComuniController],
  providers: [ComuniService],
})
export class ComuniModule {}
