import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationAllowed } from '../auth/guards.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal.js';
import { ApiCaller } from '../common/api-docs.js';
import { AccessLogQuery, AuditQuery } from '../governance/governance.dto.js';
import { AccessLogPage, AuditEventPage, AuditVerification } from './audit.models.js';
import { AuditQueryService } from './audit-query.service.js';
import { AuditVerificationService } from './audit-verification.service.js';

@Controller('v1')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verification: AuditVerificationService,
  ) {}

  /** The audit trail, limited to what the caller may monitor. */
  @ApiTags('Audit')
  @ApiOperation({
    summary: 'Search the audit trail',
    description:
      'Requests recorded in the audit trail, denials included, newest first, limited to what the caller may monitor: for TOP, ' +
      'requests on their Comune\'s residents and requests of the users their Comune manages (its TOP users and the users of the Enti it owns); ' +
      'for ADMIN, their Ente\'s users; for others, their own requests. Activity of STANDARDPS users is never shown to others. Needs a person\'s token.',
  })
  @ApiOkResponse({ type: AuditEventPage, description: 'A page of audit events.' })
  @ApiCaller('validation-failed')
  @Get('audit-events')
  searchAuditEvents(@CurrentPrincipal() p: Principal, @Query() q: AuditQuery) {
    return this.query.searchAudit(p, q);
  }

  /** Checks every hash chain of the audit trail, against the checkpoint file when one is configured, and lists every broken link. */
  @ApiTags('Audit')
  @ApiOperation({ summary: 'Verify the audit trail', description: 'Checks every hash chain of the audit trail and lists every broken link of each (`breaks`; `break` is the first), also against the signed checkpoints of the chain heads when the gateway writes them. Roles: TOP.' })
  @ApiOkResponse({ type: AuditVerification, description: 'The verification report (ok is false when any chain breaks).' })
  @ApiCaller('forbidden')
  @Roles('TOP')
  @Get('audit-events/verification')
  verifyAuditTrail() {
    return this.verification.verify();
  }

  @ApiTags('Audit')
  @ApiOperation({ summary: 'Search the access log', description: 'Logins, logouts, token refreshes and functions used, newest first, limited to what the caller may monitor (as for the audit trail). Needs a person\'s token.' })
  @ApiOkResponse({ type: AccessLogPage, description: 'A page of access-log entries.' })
  @ApiCaller('validation-failed')
  @Get('access-log')
  searchAccessLog(@CurrentPrincipal() p: Principal, @Query() q: AccessLogQuery) {
    return this.query.searchAccessLog(p, q);
  }

  /** The caller's own requests. */
  @ApiTags('Me')
  @ApiOperation({ summary: 'List my request history', description: 'The caller\'s own requests from the audit trail, newest first.' })
  @ApiOkResponse({ type: AuditEventPage, description: 'A page of the caller\'s audit events.' })
  @ApiCaller('validation-failed')
  @ApplicationAllowed()
  @Get('me/history')
  listMyHistory(@CurrentPrincipal() p: Principal, @Query() q: AuditQuery) {
    return this.query.searchAudit(p, q, true);
  }

  @ApiTags('Me')
  @ApiOperation({ summary: 'List my access log', description: 'The caller\'s own logins, logouts, token refreshes and functions used, newest first.' })
  @ApiOkResponse({ type: AccessLogPage, description: 'A page of the caller\'s access-log entries.' })
  @ApiCaller('validation-failed')
  @ApplicationAllowed()
  @Get('me/access-log')
  listMyAccessLog(@CurrentPrincipal() p: Principal, @Query() q: AccessLogQuery) {
    return this.query.searchAccessLog(p, q, true);
  }
}
