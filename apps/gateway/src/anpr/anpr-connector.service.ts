import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ANPR_PORT, type AnprCallContext, type AnprPort, type LookupResult, type PersonQuery } from '#libs/anpr';
import { Comune, User, Workstation } from '#libs/domain';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { problem } from '../common/problem.js';
import { toAnprSettings } from './anpr-settings.js';
import { beforeAnprCall } from './operation-ids.js';
import { TablePlaceResolver } from './place-resolver.js';
import { AnprConfigurationError, keystorePath, resolveSecret } from './secret-ref.js';
import { anprWiringViolations } from './secret-scope.js';

export interface ConnectorCaller {
  /** ANPR operator id: a mediator's, or the Comune's configured operator. */
  operatorId: string;
  workstationCode?: string;
  clientIp?: string;
  requestId?: string;
  /**
   * The person acting, when already loaded (with their Comune): a mediator's own ANPR identity is
   * then checked on it instead of with a query.
   */
  user?: User;
  /**
   * Runs once per ANPR request, with its operation id (idOperazioneComune / idOperazioneClient),
   * after the id is allocated and before the request is sent; the request is not sent unless it
   * resolves. The lookup writes its durable audit intent here.
   */
  beforeCall: (anprOperationId: string) => Promise<void>;
}

/**
 * The one place the gateway calls ANPR from: it loads the settings of the Comune a request
 * concerns, checks the operator, workstation and wiring, and passes them to the ANPR port (by
 * default the router that picks the Comune's channel: anpr.providers.ts).
 */
@Injectable()
export class AnprConnectorService implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(ANPR_PORT) private readonly anpr: AnprPort,
    private readonly places: TablePlaceResolver,
  ) {}

  async onModuleInit() {
    const known = await this.em.fork().find(Comune, {}, { fields: ['codiceIstat', 'nome', 'provincia'] });
    for (const c of known) this.places.learn(c);
  }

  /** `target` is the Comune's ISTAT code, or the entity when the caller has already loaded it. */
  async lookup(target: string | Comune, query: PersonQuery, caller: ConnectorCaller): Promise<LookupResult> {
    const em = this.em.fork();
    const codiceIstat = typeof target === 'string' ? target : target.codiceIstat;
    const comune = typeof target === 'string' ? await em.findOne(Comune, { codiceIstat }) : target;
    if (!comune) throw problem('not-found', `Comune ${codiceIstat} is not served by this gateway`);
    if (!comune.anprOperatorIds.includes(caller.operatorId) && !(await this.isMediatorOf(em, comune, caller.operatorId, caller.user))) {
      throw problem('forbidden', `ANPR operator ${caller.operatorId} is not registered for Comune ${codiceIstat}`);
    }
    // Checked again at call time: a row saved before these rules, or edited in the database, must
    // not send a request to another host or sign it with another Comune's keystore.
    const wiring = anprWiringViolations(comune, this.config);
    if (wiring.length) throw new AnprConfigurationError(`Comune ${codiceIstat}: ${wiring.map((w) => `${w.field} ${w.message}`).join('; ')}`);
    const ctx: AnprCallContext = {
      comune: toAnprSettings(comune, this.config.anprTimeoutMs),
      operatorId: caller.operatorId,
      clientIp: caller.clientIp,
      requestId: caller.requestId,
    };
    ctx.workstation = await this.workstationFor(em, comune, caller.workstationCode);
    await this.learnPlaces(em, query);
    return beforeAnprCall.run(caller.beforeCall, () => this.anpr.findPersons(query, ctx));
  }

  /** Comuni registered after start-up are named from the database when a criterion uses them. */
  private async learnPlaces(em: EntityManager, query: PersonQuery) {
    const codes = [query.comuneResidenza, query.criterion.kind === 'generalita' ? query.criterion.luogoNascita?.codiceIstatComune : undefined];
    for (const code of codes) {
      if (!code || this.places.comune(code)) continue;
      const c = await em.findOne(Comune, { codiceIstat: code });
      if (c) this.places.learn(c);
    }
  }

  /**
   * IdPostazione: the caller's workstation when it has its own ANPR keystore, otherwise the
   * Comune's own ANPR workstation (PDND only needs the id, as userLocation).
   */
  private async workstationFor(em: EntityManager, comune: Comune, code?: string): Promise<AnprCallContext['workstation']> {
    if (code) {
      const ws = await em.findOne(Workstation, { code });
      if (ws?.keystoreRef && ws.keystorePasswordRef) {
        return { id: code, keystore: { path: keystorePath(ws.keystoreRef), password: resolveSecret(ws.keystorePasswordRef, `workstation ${code} keystore password`) } };
      }
    }
    if (comune.anprPostazioneId && comune.anprPostazioneKeystoreRef && comune.anprPostazioneKeystorePasswordRef) {
      return {
        id: comune.anprPostazioneId,
        keystore: {
          path: keystorePath(comune.anprPostazioneKeystoreRef),
          password: resolveSecret(comune.anprPostazioneKeystorePasswordRef, `Comune ${comune.codiceIstat} postazione keystore password`),
        },
      };
    }
    return code ? { id: code } : undefined;
  }

  /** A mediator of the Comune's own registry office (a TOP user of that Comune with an ANPR id). */
  private async isMediatorOf(em: EntityManager, comune: Comune, operatorId: string, user?: User): Promise<boolean> {
    if (user?.anprOperatorId === operatorId && user.comune) {
      return user.mediator && user.status === 'active' && user.comune.id === comune.id;
    }
    return (await em.count(User, { comune: comune.id, mediator: true, anprOperatorId: operatorId, status: 'active' })) > 0;
  }
}
