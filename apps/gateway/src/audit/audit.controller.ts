import { Controller, Get, Query } from '@nestjs/common';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal.js';
import { AccessLogQuery, AuditQuery } from '../governance/governance.dto.js';
import { AuditQueryService } from './audit-query.service.js';

@Controller('v1')
export class AuditController {
  constructor(private readonly query: AuditQueryService) {}

  /** The audit trail, limited to what the caller may monitor. */
  @Get('audit-events')
  searchAuditEvents(@CurrentPrincipal() p: Principal, @Query() q: AuditQuery) {
    return this.query.searchAudit(p, q);
  }

  /** Checks every hash chain of the audit trail and names the first broken link. */
  @Roles('TOP')
  @Get('audit-events/verification')
  verifyAuditTrail() {
    return this.query.verify();
  }

  @Get('access-log')
  searchAccessLog(@CurrentPrincipal() p: Principal, @Query() q: AccessLogQuery) {
    return this.query.searchAccessLog(p, q);
  }

  /** The caller's own requests. */
  @Get('me/history')
  listMyHistory(@CurrentPrincipal() p: Principal, @Query() q: AuditQuery) {
    return this.query.searchAudit(p, q, true);
  }

  @Get('me/access-log')
  listMyAccessLog(@CurrentPrincipal() p: Principal, @Query() q: AccessLogQuery) {
    return this.query.searchAccessLog(p, q, true);
  }
}
