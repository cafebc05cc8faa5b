import { AccessLog } from './access-log.entity.js';
import { AnprOperationCounter } from './anpr-operation-counter.entity.js';
import { Application, ApplicationSecret } from './application.entity.js';
import { AuditChain, AuditEvent } from './audit-event.entity.js';
import { BachecaMessage } from './bacheca-message.entity.js';
import { DailyReportDelivery } from './daily-report.entity.js';
import { Comune } from './comune.entity.js';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { Convenzione, Ente } from './ente.entity.js';
import { Profile } from './profile.entity.js';
import { RefreshToken } from './refresh-token.entity.js';
import { User } from './user.entity.js';
import { Workstation } from './workstation.entity.js';

export {
  AccessLog,
  AnprOperationCounter,
  Application,
  ApplicationSecret,
  AuditChain,
  AuditEvent,
  BachecaMessage,
  Comune,
  DailyReportDelivery,
  Convenzione,
  Ente,
  IdempotencyRecord,
  Profile,
  RefreshToken,
  User,
  Workstation,
};

export type { ComunePdndSettings } from './comune.entity.js';

export const ALL_ENTITIES = [
  Comune,
  Ente,
  Convenzione,
  User,
  Profile,
  Application,
  ApplicationSecret,
  Workstation,
  AuditEvent,
  AuditChain,
  AccessLog,
  RefreshToken,
  AnprOperationCounter,
  IdempotencyRecord,
  BachecaMessage,
  DailyReportDelivery,
];
