import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { ConsoleConfig } from './config.js';
import { GATEWAY, type GatewayPort } from './gateway/gateway.port.js';
import { SessionService } from './session/session.service.js';
import { AuthGuard } from './web/auth.guard.js';
import { CLOCK, CONSOLE_CONFIG, SESSIONS } from './web/tokens.js';
import { Views } from './web/views.js';
import { AuthController } from './pages/auth.controller.js';
import { HomeController } from './pages/home.controller.js';
import { UsersController } from './pages/users.controller.js';
import { ApplicationsController } from './pages/applications.controller.js';
import { EntiController } from './pages/enti.controller.js';
import { WorkstationsController } from './pages/workstations.controller.js';
import { ComuneController } from './pages/comune.controller.js';
import { MonitoringController } from './pages/monitoring.controller.js';
import { BachecaController } from './pages/bacheca.controller.js';

@Module({})
export class ConsoleModule {
  static register(config: ConsoleConfig, gateway: GatewayPort, sessions: SessionService, now: () => number): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [AuthController, HomeController, UsersController, ApplicationsController, EntiController, WorkstationsController, ComuneController, MonitoringController, BachecaController],
      providers: [
        { provide: CONSOLE_CONFIG, useValue: config },
        { provide: GATEWAY, useValue: gateway },
        { provide: SESSIONS, useValue: sessions },
        { provide: CLOCK, useValue: now },
        Views,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
