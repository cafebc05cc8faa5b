import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../../auth/principal.js';
import { ApiCaller } from '../../common/api-docs.js';
import { CreateWorkstationDto, UpdateWorkstationDto } from '../governance.dto.js';
import { WorkstationCreated, WorkstationList, WorkstationView } from '../governance.models.js';
import { WorkstationsService } from './workstations.service.js';

const idParam = (what: string) => ({ name: 'id', description: `Id of the ${what}.`, schema: { type: 'string', format: 'uuid' } }) as const;

/** Workstations and their authorisation. Thin: every rule is in WorkstationsService and AreaService. */
@Controller('v1')
export class WorkstationsController {
  constructor(private readonly workstations: WorkstationsService) {}

  @ApiTags('Workstations')
  @ApiOperation({ summary: 'List workstations', description: 'Workstations of the Enti in the caller\'s area (for ADMIN, their own Ente\'s). Roles: TOP, ADMIN.' })
  @ApiOkResponse({ type: WorkstationList, description: 'The workstations, by code.' })
  @ApiCaller('forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('workstations')
  listWorkstations(@CurrentPrincipal() p: Principal) {
    return this.workstations.listWorkstations(p);
  }

  @ApiTags('Workstations')
  @ApiOperation({ summary: 'Register a workstation', description: 'Registers a workstation of an Ente of the caller\'s area, not yet authorised; optionally issues a device token, returned this once. Roles: TOP, ADMIN.' })
  @ApiCreatedResponse({ type: WorkstationCreated, description: 'The new workstation.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found', 'conflict')
  @Roles('TOP', 'ADMIN')
  @Post('workstations')
  createWorkstation(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkstationDto) {
    return this.workstations.createWorkstation(p, dto);
  }

  @ApiTags('Workstations')
  @ApiOperation({ summary: 'Change a workstation', description: 'Changes the label, IP range or certificate of a workstation of the caller\'s area; a change to how it is recognised withdraws its authorisation. TOP users of the Comune that registered its Ente also authorise it or withdraw the authorisation. Roles: TOP, ADMIN.' })
  @ApiParam(idParam('workstation'))
  @ApiOkResponse({ type: WorkstationView, description: 'The workstation as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Patch('workstations/:id')
  updateWorkstation(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateWorkstationDto) {
    return this.workstations.updateWorkstation(p, id, dto);
  }
}
