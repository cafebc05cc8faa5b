import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal.js';
import { ApiCaller } from '../common/api-docs.js';
import { problem } from '../common/problem.js';
import {
  ConvenzioneDto,
  EndConvenzioneDto,
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
import {
  ApplicationList,
  ApplicationView,
  ApplicationWithSecret,
  ComuneView,
  ConvenzioneView,
  EnteList,
  EnteView,
  ProfileView,
  UserImportResult,
  UserPage,
  UserView,
  WorkstationCreated,
  WorkstationList,
  WorkstationView,
} from './governance.models.js';
import { OrganisationService } from './organisation.service.js';
import { UsersService } from './users.service.js';

const ISTAT_PARAM = { name: 'codiceIstat', description: 'ISTAT code of the Comune.', schema: { type: 'string', pattern: '^\\d{6}$', example: '072006' } } as const;
const idParam = (what: string) => ({ name: 'id', description: `Id of the ${what}.`, schema: { type: 'string', format: 'uuid' } }) as const;

@Controller('v1')
export class GovernanceController {
  constructor(
    private readonly users: UsersService,
    private readonly org: OrganisationService,
  ) {}

  // Comuni
  @ApiTags('Comuni')
  @ApiOperation({ summary: 'Get my Comune', description: 'The Comune with its ANPR settings and policies. Only the caller\'s own Comune is visible. Roles: TOP.' })
  @ApiParam(ISTAT_PARAM)
  @ApiOkResponse({ type: ComuneView, description: 'The Comune.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('TOP')
  @Get('comuni/:codiceIstat')
  getComune(@CurrentPrincipal() p: Principal, @Param('codiceIstat') istat: string) {
    return this.org.getComune(p, istat);
  }

  @ApiTags('Comuni')
  @ApiOperation({ summary: 'Change my Comune\'s settings', description: 'Changes the ANPR settings and policies of the caller\'s own Comune; fields left out stay as they are. Roles: TOP.' })
  @ApiParam(ISTAT_PARAM)
  @ApiOkResponse({ type: ComuneView, description: 'The Comune as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('comuni/:codiceIstat/settings')
  updateComuneSettings(@CurrentPrincipal() p: Principal, @Param('codiceIstat') istat: string, @Body() dto: UpdateComuneSettingsDto) {
    return this.org.updateComuneSettings(p, istat, dto);
  }

  // Enti and convenzioni
  @ApiTags('Enti')
  @ApiOperation({ summary: 'List Enti', description: 'The Enti the caller may see, with their convenzioni: for TOP, those their Comune registered (all convenzioni) and those with a current or future convenzione with their Comune (that convenzione only); for ADMIN, their own. Roles: TOP, ADMIN.' })
  @ApiOkResponse({ type: EnteList, description: 'The Enti, by name.' })
  @ApiCaller('forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('enti')
  listEnti(@CurrentPrincipal() p: Principal) {
    return this.org.listEnti(p);
  }

  @ApiTags('Enti')
  @ApiOperation({ summary: 'Register an Ente', description: 'Registers an Ente, owned by the caller\'s Comune (whose TOP users manage its users), together with its first convenzione with that Comune. Roles: TOP.' })
  @ApiCreatedResponse({ type: EnteView, description: 'The new Ente.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden')
  @Roles('TOP')
  @Post('enti')
  createEnte(@CurrentPrincipal() p: Principal, @Body() dto: CreateEnteDto) {
    return this.org.createEnte(p, dto);
  }

  @ApiTags('Enti')
  @ApiOperation({ summary: 'Get an Ente', description: 'An Ente the caller may see (as for the list), with the convenzioni they may see. Roles: TOP, ADMIN.' })
  @ApiParam(idParam('Ente'))
  @ApiOkResponse({ type: EnteView, description: 'The Ente.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Get('enti/:id')
  getEnte(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.getEnte(p, id);
  }

  @ApiTags('Enti')
  @ApiOperation({ summary: 'Change an Ente', description: 'Changes the name or the codice fiscale of an Ente the caller\'s Comune registered. Roles: TOP.' })
  @ApiParam(idParam('Ente'))
  @ApiOkResponse({ type: EnteView, description: 'The Ente as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('enti/:id')
  updateEnte(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateEnteDto) {
    return this.org.updateEnte(p, id, dto);
  }

  @ApiTags('Enti')
  @ApiOperation({
    summary: 'Add a convenzione',
    description:
      'Records a convenzione between any registered Ente and the caller\'s own Comune: the Comune\'s consent that the Ente\'s users may query its residents. ' +
      'It gives the Comune no power over the Ente, which stays managed by the Comune that registered it. Roles: TOP.',
  })
  @ApiParam(idParam('Ente'))
  @ApiCreatedResponse({ type: ConvenzioneView, description: 'The new convenzione.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Post('enti/:id/convenzioni')
  createConvenzione(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ConvenzioneDto) {
    return this.org.addConvenzione(p, id, dto);
  }

  @ApiTags('Enti')
  @ApiOperation({
    summary: 'End or shorten a convenzione',
    description: 'Moves the last day of validity of a convenzione of the caller\'s own Comune earlier (yesterday ends it at once). Only the TOP users of the Comune it names may. Roles: TOP.',
  })
  @ApiParam(idParam('Ente'))
  @ApiParam({ name: 'convenzioneId', description: 'Id of the convenzione.', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: ConvenzioneView, description: 'The convenzione as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('enti/:id/convenzioni/:convenzioneId')
  endConvenzione(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('convenzioneId') convenzioneId: string, @Body() dto: EndConvenzioneDto) {
    return this.org.endConvenzione(p, id, convenzioneId, dto);
  }

  // Users and profiles
  @ApiTags('Users')
  @ApiOperation({ summary: 'List users', description: 'Users the caller may see: for TOP, the users of the Enti their Comune registered and their Comune\'s TOP users; for ADMIN, their Ente\'s STANDARD and STANDARDPS users; for others, themselves. By username. A STANDARDPS user\'s last login is shown to themselves only.' })
  @ApiOkResponse({ type: UserPage, description: 'A page of users.' })
  @ApiCaller('validation-failed')
  @Get('users')
  listUsers(@CurrentPrincipal() p: Principal, @Query() q: UserListQuery) {
    return this.users.list(p, q);
  }

  @ApiTags('Users')
  @ApiOperation({ summary: 'Create a user', description: 'Creates a user with an empty profile. TOP users create users of any role in their area; ADMIN users create STANDARD and STANDARDPS users of their Ente. Roles: TOP, ADMIN.' })
  @ApiCreatedResponse({ type: UserView, description: 'The new user.' })
  @ApiCaller('validation-failed', 'bad-request', 'weak-password', 'forbidden', 'conflict')
  @Roles('TOP', 'ADMIN')
  @Post('users')
  createUser(@CurrentPrincipal() p: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(p, dto);
  }

  /** CSV upload (text/csv body); all rows or none. */
  @ApiTags('Users')
  @ApiOperation({
    summary: 'Import users from CSV',
    description:
      'Creates many users from a CSV file (comma or semicolon separated, UTF-8, header row: ' +
      '`username,name,email,role,ente,mediator,anprOperatorId,password`; `mediator`, `anprOperatorId` and `password` are optional). ' +
      '`ente` is the Ente\'s id or codice fiscale. Every row is checked first: if any row is wrong nothing is imported and the problem lists ' +
      'every error by row. A row without a password gets a temporary one, returned once. Roles: TOP, ADMIN.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'The CSV file (at most 5 MB).',
    schema: { type: 'string', example: 'username,name,email,role,ente,mediator,anprOperatorId,password\nl.bianchi,Laura Bianchi,l.bianchi@consorzio.example,STANDARD,93012345678,,,\n' },
  })
  @ApiCreatedResponse({ type: UserImportResult, description: 'Every row was imported.' })
  @ApiCaller('forbidden', 'unsupported-media-type', 'import-failed')
  @Roles('TOP', 'ADMIN')
  @Post('users/import')
  importUsers(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    if (!req.is('text/csv') || typeof req.body !== 'string') throw problem('unsupported-media-type', 'Send the file as text/csv');
    return this.users.importCsv(p, req.body);
  }

  @ApiTags('Users')
  @ApiOperation({ summary: 'Get a user', description: 'The caller themselves, or a user they manage.' })
  @ApiParam(idParam('user'))
  @ApiOkResponse({ type: UserView, description: 'The user.' })
  @ApiCaller('not-found')
  @Get('users/:id')
  getUser(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.get(p, id);
  }

  @ApiTags('Users')
  @ApiOperation({ summary: 'Change a user', description: 'Changes a user the caller manages: name, e-mail, status (suspend or reactivate), mediator function, ANPR operator id, or clears a lockout. Nobody changes their own account here; the mediator function and the ANPR operator id are set only by a TOP user of the user\'s Comune, and the id must be one of the Comune\'s anprOperatorIds when it has any. Roles: TOP, ADMIN.' })
  @ApiParam(idParam('user'))
  @ApiOkResponse({ type: UserView, description: 'The user as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Patch('users/:id')
  updateUser(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(p, id, dto);
  }

  @ApiTags('Users')
  @ApiOperation({ summary: 'Get a user\'s profile', description: 'What the user may do; for the caller themselves, or a user they manage.' })
  @ApiParam(idParam('user'))
  @ApiOkResponse({ type: ProfileView, description: 'The profile.' })
  @ApiCaller('not-found')
  @Get('users/:id/profile')
  getUserProfile(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.getProfile(p, id);
  }

  @ApiTags('Users')
  @ApiOperation({
    summary: 'Set a user\'s profile',
    description:
      'Replaces the profile of a user the caller manages. Comuni must have an active convenzione with the user\'s Ente; an ADMIN ' +
      'cannot grant more than their own profile holds (`grant-exceeds-own`, with every violation). Roles: TOP, ADMIN.',
  })
  @ApiParam(idParam('user'))
  @ApiOkResponse({ type: ProfileView, description: 'The new profile.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'grant-exceeds-own', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Put('users/:id/profile')
  setUserProfile(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ProfileDto) {
    return this.users.setProfile(p, id, dto);
  }

  // Applications
  @ApiTags('Applications')
  @ApiOperation({ summary: 'List applications', description: 'Applications of the Enti in the caller\'s area (for ADMIN, their own Ente\'s). Roles: TOP, ADMIN.' })
  @ApiOkResponse({ type: ApplicationList, description: 'The applications, by name.' })
  @ApiCaller('forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('applications')
  listApplications(@CurrentPrincipal() p: Principal) {
    return this.org.listApplications(p);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Register an application', description: 'Registers an application of the caller\'s Ente and issues its first client secret, returned this once. Roles: ADMIN.' })
  @ApiCreatedResponse({ type: ApplicationWithSecret, description: 'The application and its client secret.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden')
  @Roles('ADMIN')
  @Post('applications')
  createApplication(@CurrentPrincipal() p: Principal, @Body() dto: CreateApplicationDto) {
    return this.org.createApplication(p, dto);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Get an application', description: 'An application of the caller\'s area, with its operators and secrets (never the secrets themselves). Roles: TOP, ADMIN.' })
  @ApiParam(idParam('application'))
  @ApiOkResponse({ type: ApplicationView, description: 'The application.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Get('applications/:id')
  getApplication(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.getApplication(p, id);
  }

  @ApiTags('Applications')
  @ApiOperation({
    summary: 'Rotate an application\'s secret',
    description: 'Issues a new client secret, returned this once. The current secrets keep working for the configured overlap (24 hours by default), then expire. Roles: ADMIN.',
  })
  @ApiParam(idParam('application'))
  @ApiCreatedResponse({ type: ApplicationWithSecret, description: 'The application and its new client secret.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('ADMIN')
  @Post('applications/:id/secrets')
  rotateApplicationSecret(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.rotateSecret(p, id);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Revoke an application secret', description: 'Revokes one client secret at once (for a leaked secret). Roles: ADMIN.' })
  @ApiParam(idParam('application'))
  @ApiParam({ name: 'secretId', description: 'Id of the secret.', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: ApplicationView, description: 'The application, with the secret revoked.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('ADMIN')
  @Delete('applications/:id/secrets/:secretId')
  revokeApplicationSecret(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('secretId') secretId: string) {
    return this.org.revokeSecret(p, id, secretId);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Revoke an application', description: 'Revokes the application: it can no longer obtain tokens, and its tokens stop working. Roles: ADMIN.' })
  @ApiParam(idParam('application'))
  @ApiOkResponse({ type: ApplicationView, description: 'The revoked application.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('ADMIN')
  @Post('applications/:id/revocation')
  @HttpCode(200)
  revokeApplication(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.org.revokeApplication(p, id);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Set an application\'s operators', description: 'Replaces the users of the Ente the application may act for (named in X-GeRes-Operator). Roles: ADMIN.' })
  @ApiParam(idParam('application'))
  @ApiOkResponse({ type: ApplicationView, description: 'The application with its new operators.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('ADMIN')
  @Put('applications/:id/operators')
  setApplicationOperators(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: SetOperatorsDto) {
    return this.org.setOperators(p, id, dto.operatorIds);
  }

  // Workstations
  @ApiTags('Workstations')
  @ApiOperation({ summary: 'List workstations', description: 'Workstations of the Enti in the caller\'s area (for ADMIN, their own Ente\'s). Roles: TOP, ADMIN.' })
  @ApiOkResponse({ type: WorkstationList, description: 'The workstations, by code.' })
  @ApiCaller('forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('workstations')
  listWorkstations(@CurrentPrincipal() p: Principal) {
    return this.org.listWorkstations(p);
  }

  @ApiTags('Workstations')
  @ApiOperation({ summary: 'Register a workstation', description: 'Registers a workstation of an Ente of the caller\'s area, not yet authorised; optionally issues a device token, returned this once. Roles: TOP, ADMIN.' })
  @ApiCreatedResponse({ type: WorkstationCreated, description: 'The new workstation.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found', 'conflict')
  @Roles('TOP', 'ADMIN')
  @Post('workstations')
  createWorkstation(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkstationDto) {
    return this.org.createWorkstation(p, dto);
  }

  @ApiTags('Workstations')
  @ApiOperation({ summary: 'Change a workstation', description: 'Changes the label, IP range or certificate of a workstation of the caller\'s area; a change to how it is recognised withdraws its authorisation. TOP users of the Comune that registered its Ente also authorise it or withdraw the authorisation. Roles: TOP, ADMIN.' })
  @ApiParam(idParam('workstation'))
  @ApiOkResponse({ type: WorkstationView, description: 'The workstation as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Patch('workstations/:id')
  updateWorkstation(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateWorkstationDto) {
    return this.org.updateWorkstation(p, id, dto);
  }
}
