import { Module } from '@nestjs/common';
import { ApplicationsModule } from './applications/applications.module.js';
import { ComuniModule } from './comuni/comuni.module.js';
import { EntiModule } from './enti/enti.module.js';
import { TenancyModule } from './tenancy.module.js';
import { UsersModule } from './users/users.module.js';
import { WorkstationsModule } from './workstations/workstations.module.js';

/**
 * The governance API, one module per resource (each a controller and its service); the tenancy
 * rules they share are in TenancyModule, exported for the monitoring endpoints.
 */
@Module({
  imports: [TenancyModule, ComuniModule, EntiModule, UsersModule, ApplicationsModule, WorkstationsModule],
  exports: [TenancyModule],
})
export class GovernanceModule {}
