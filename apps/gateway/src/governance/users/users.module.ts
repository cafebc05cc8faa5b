import { Module } from '@nestjs/common';
import { TenancyModule } from '../tenancy.module.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** Users and profiles: /v1/users… */
@Module({
  imports: [TenancyModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
