import { EntityManager } from '@mikro-orm/core';
import type { Provider } from '@nestjs/common';
import { ANPR_PORT, type AnprPort } from '#libs/anpr';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/config.js';
import { AnprConnectorService } from './anpr-connector.service.js';
import { AnprRouter } from './anpr-router.js';
import { DbOperationIdSource, IntentOperationIdSource } from './operation-ids.js';
import { TablePlaceResolver } from './place-resolver.js';

/**
 * The gateway's way to ANPR: the port (by default the router over the SOAP and PDND adapters,
 * numbering requests from the database) and the connector that calls it. `port` replaces the
 * router: a test's fake, or another channel.
 */
export function anprProviders(port?: AnprPort): Provider[] {
  return [
    // Filled with the Comuni of the database when the connector starts (the schema may not exist yet here).
    { provide: TablePlaceResolver, useFactory: (config: GatewayConfig) => new TablePlaceResolver([], config.anprTablesDir), inject: [GATEWAY_CONFIG] },
    port
      ? { provide: ANPR_PORT, useValue: port }
      : {
          provide: ANPR_PORT,
          useFactory: (em: EntityManager, places: TablePlaceResolver) => new AnprRouter(new IntentOperationIdSource(new DbOperationIdSource(em)), places),
          inject: [EntityManager, TablePlaceResolver],
        },
    AnprConnectorService,
  ];
}
