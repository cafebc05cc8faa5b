import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AnprCallContext, LookupResult, PersonQuery } from '#libs/anpr';
import { Comune, User, Workstation } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { AnprRouter } from './anpr-router.js';
import { toAnprSettings } from './anpr-settings.js';
import { DbOperationIdSource } from './operation-ids.js';
import { TablePlaceResolver } from './place-resolver.js';
import { keystorePath, resolveSecret } from './secret-ref.js';

export interface ConnectorCaller {
  /** ANPR operator id: a mediator's, or the Comune's configured operator. */
  operatorId: string;
  workstationCode?: string;
  clientIp?: string;
  requestId?: string;
}

/**
 * The one place the gateway calls ANPR from: it loads the settings of the Comune a request
 * concerns, picks the channel, and passes the operator and workstation to the adapter.
 */
@Injectable()
export class AnprConnectorService implements OnModuleInit {
  private router!: AnprRouter;

  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onModuleInit() {
    const known = await this.em.fork().find(Comune, {}, { fields: ['codiceIstat', 'nome', 'provincia'] });
    this.router = new AnprRouter(new DbOperationIdSource(this.em), new TablePlaceResolver(known, this.config.anprTablesDir));
  }

  async lookup(codiceIstat: string, query: PersonQuery, caller: ConnectorCaller): Promise<LookupResult> {
    const em = this.em.fork();
    const comune = await em.findOne(Comune, { codiceIstat });
    if (!comune) throw problem('not-found', `Comune ${codiceIstat} is not served by this gateway`);
    if (!comune.anprOperatorIds.includes(caller.operatorId) && !(await this.isMediatorOf(em, comune, caller.operatorId))) {
      throw problem('forbidden', `ANPR operator ${caller.operatorId} is not registered for Comune ${codiceIstat}`);
    }
    const ctx: AnprCallContext = {
      comune: toAnprSettings(comune, this.config.anprTimeoutMs),
      operatorId: caller.operatorId,
      clientIp: caller.clientIp,
      requestId: caller.requestId,
    };
    if (caller.workstationCode) {
      const ws = await em.findOne(Workstation, { code: caller.workstationCode });
      ctx.workstation = {
        id: caller.workstationCode,
        keystore:
          ws?.keystoreRef && ws.keystorePasswordRef
            ? { path: keystorePath(ws.keystoreRef), password: resolveSecret(ws.keystorePasswordRef, `workstation ${ws.code} keystore password`) }
            : undefined,
      };
    }
    return this.router.findPersons(query, ctx);
  }

  /** A mediator of the Comune's own registry office (a TOP user of that Comune with an ANPR id). */
  private async isMediatorOf(em: EntityManager, comune: Comune, operatorId: string): Promise<boolean> {
    return (await em.count(User, { comune: comune.id, mediator: true, anprOperatorId: operatorId, status: 'active' })) > 0;
  }
}
