import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../../auth/principal.js';
import { ApiCaller } from '../../common/api-docs.js';
import { CreateApplicationDto, SetOperatorsDto } from '../governance.dto.js';
import { ApplicationList, ApplicationView, ApplicationWithSecret } from '../governance.models.js';
import { ApplicationsService } from './applications.service.js';

const idParam = (what: string) => ({ name: 'id', description: `Id of the ${what}.`, schema: { type: 'string', format: 'uuid' } }) as const;

/** Applications, their secrets and operators. Thin: every rule is in ApplicationsService and AreaService. */
@Controller('v1')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @ApiTags('Applications')
  @ApiOperation({ summary: 'List applications', description: 'Applications of the Enti in the caller\'s area (for ADMIN, their own Ente\'s). Roles: TOP, ADMIN.' })
  @ApiOkResponse({ type: ApplicationList, description: 'The applications, by name.' })
  @ApiCaller('forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('applications')
  listApplications(@CurrentPrincipal() p: Principal) {
    return this.applications.listApplications(p);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Register an application', description: 'Registers an application of the caller\'s Ente and issues its first client secret, returned this once. Roles: ADMIN.' })
  @ApiCreatedResponse({ type: ApplicationWithSecret, description: 'The application and its client secret.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden')
  @Roles('ADMIN')
  @Post('applications')
  createApplication(@CurrentPrincipal() p: Principal, @Body() dto: CreateApplicationDto) {
    return this.applications.createApplication(p, dto);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Get an application', description: 'An application of the caller\'s area, with its operators and secrets (never the secrets themselves). Roles: TOP, ADMIN.' })
  @ApiParam(idParam('application'))
  @ApiOkResponse({ type: ApplicationView, description: 'The application.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Get('applications/:id')
  getApplication(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.applications.getApplication(p, id);
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
    return this.applications.rotateSecret(p, id);
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
    return this.applications.revokeSecret(p, id, secretId);
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
    return this.applications.revokeApplication(p, id);
  }

  @ApiTags('Applications')
  @ApiOperation({ summary: 'Set an application\'s operators', description: 'Replaces the users of the Ente the application may act for (named in X-GeRes-Operator). Roles: ADMIN.' })
  @ApiParam(idParam('application'))
  @ApiOkResponse({ type: ApplicationView, description: 'The application with its new operators.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('ADMIN')
  @Put('applications/:id/operators')
  setApplicationOperators(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: SetOperatorsDto) {
    return this.applications.setOperators(p, id, dto.operatorIds);
  }
}
