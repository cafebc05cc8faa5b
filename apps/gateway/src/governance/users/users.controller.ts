import { Body, Controller, Get, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../../auth/principal.js';
import { ApiCaller } from '../../common/api-docs.js';
import { problem } from '../../common/problem.js';
import { CreateUserDto, ProfileDto, UpdateUserDto, UserListQuery } from '../governance.dto.js';
import { ProfileView, UserImportResult, UserPage, UserView } from '../governance.models.js';
import { UsersService } from './users.service.js';

const idParam = (what: string) => ({ name: 'id', description: `Id of the ${what}.`, schema: { type: 'string', format: 'uuid' } }) as const;

/** Users, their profiles and the CSV import. Thin: every rule is in UsersService and AreaService. */
@Controller('v1')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
}
