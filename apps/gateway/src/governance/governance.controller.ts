import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal.js';
import { problem } from '../common/problem.js';
import {
  ConvenzioneDto,
  CreateApplicationDto,
  CreateEnteDto,
  CreateUserDto,
  CreateWorkstationDto,
  ProfileDto,
  SetOperatorsDto,
  UpdateComuneSettingsDto,
  UpdateEnteDto,
  UpdateUserDto,
  UpdateWorkstationDto,
  UserListQuery,
} from './governance.dto.js';
import { OrganisationService } from './organisation.service.js';
import { UsersService } from './users.service.js';

@Controller('v1')
export class GovernanceController {
  constructor(
    private readonly users: UsersService,
    private readonly org: OrganisationService,
  ) {}

  // Comuni
  @Roles('TOP')
  @Get('comuni/:codiceIstat')
  getComune(@CurrentPrincipal() p: Principal, @Param('codiceIstat') istat: string) {
    return this.org.getComune(p, istat);
  }

  @Roles('TOP')
  @Patch('comuni/:codiceIstat/settings')
  updateComuneSettings(@CurrentPrincipal() p: Principal, @Param('codiceIstat') istat: string, @Body() dto: UpdateComuneSettingsDto) {
    return this.org.updateComuneSettings(p, istat, dto);
  }

  // Enti and convenzioni
  @Roles('TOP', 'ADMIN')
  @Get('enti')
  listEnti(@CurrentPrincipal() p: Principal) {
    return this.org.listEnti(p);
  }

  @Roles('TOP')
  @Post('enti')
  createEnte(@CurrentPrincipal() p: Principal, @Body() dto: CreateEnteDto) {
    return this.org.createEnte(p, dto);
  }

  @Roles('TOP', 'ADMIN')
  @Get('enti/:id')
  getEnte(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.getEnte(p, id);
  }

  @Roles('TOP')
  @Patch('enti/:id')
  updateEnte(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateEnteDto) {
    return this.org.updateEnte(p, id, dto);
  }

  @Roles('TOP')
  @Post('enti/:id/convenzioni')
  createConvenzione(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ConvenzioneDto) {
    return this.org.addConvenzione(p, id, dto);
  }

  // Users and profiles
  @Get('users')
  listUsers(@CurrentPrincipal() p: Principal, @Query() q: UserListQuery) {
    return this.users.list(p, q);
  }

  @Roles('TOP', 'ADMIN')
  @Post('users')
  createUser(@CurrentPrincipal() p: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(p, dto);
  }

  /** CSV upload (text/csv body); all rows or none. */
  @Roles('TOP', 'ADMIN')
  @Post('users/import')
  importUsers(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    if (!req.is('text/csv') || typeof req.body !== 'string') throw problem('unsupported-media-type', 'Send the file as text/csv');
    return this.users.importCsv(p, req.body);
  }

  @Get('users/:id')
  getUser(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.get(p, id);
  }

  @Roles('TOP', 'ADMIN')
  @Patch('users/:id')
  updateUser(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(p, id, dto);
  }

  @Get('users/:id/profile')
  getUserProfile(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.getProfile(p, id);
  }

  @Roles('TOP', 'ADMIN')
  @Put('users/:id/profile')
  setUserProfile(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ProfileDto) {
    return this.users.setProfile(p, id, dto);
  }

  // Applications
  @Roles('TOP', 'ADMIN')
  @Get('applications')
  listApplications(@CurrentPrincipal() p: Principal) {
    return this.org.listApplications(p);
  }

  @Roles('ADMIN')
  @Post('applications')
  createApplication(@CurrentPrincipal() p: Principal, @Body() dto: CreateApplicationDto) {
    return this.org.createApplication(p, dto);
  }

  @Roles('TOP', 'ADMIN')
  @Get('applications/:id')
  getApplication(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.getApplication(p, id);
  }

  @Roles('ADMIN')
  @Post('applications/:id/secrets')
  rotateApplicationSecret(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.rotateSecret(p, id);
  }

  @Roles('ADMIN')
  @Delete('applications/:id/secrets/:secretId')
  revokeApplicationSecret(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('secretId') secretId: string) {
    return this.org.revokeSecret(p, id, secretId);
  }

  @Roles('ADMIN')
  @Post('applications/:id/revocation')
  @HttpCode(200)
  revokeApplication(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.revokeApplication(p, id);
  }

  @Roles('ADMIN')
  @Put('applications/:id/operators')
  setApplicationOperators(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: SetOperatorsDto) {
    return this.org.setOperators(p, id, dto.operatorIds);
  }

  // Workstations
  @Roles('TOP', 'ADMIN')
  @Get('workstations')
  listWorkstations(@CurrentPrincipal() p: Principal) {
    return this.org.listWorkstations(p);
  }

  @Roles('TOP', 'ADMIN')
  @Post('workstations')
  createWorkstation(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkstationDto) {
    return this.org.createWorkstation(p, dto);
  }

  @Roles('TOP', 'ADMIN')
  @Patch('workstations/:id')
  updateWorkstation(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateWorkstationDto) {
    return this.org.updateWorkstation(p, id, dto);
  }
}
