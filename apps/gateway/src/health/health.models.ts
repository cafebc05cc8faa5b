import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** Response schemas of the probes. */

@ApiSchema({ description: 'The process is up.' })
export class Liveness {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

@ApiSchema({ description: 'The state of each dependency: `ok`, `down` (the reason is in the gateway log) or `not configured`.' })
export class ReadinessChecks {
  @ApiProperty({ description: 'The database.', example: 'ok' })
  database!: string;

  @ApiProperty({ description: 'Redis (shared counters), when configured.', example: 'not configured' })
  redis!: string;
}

@ApiSchema({ description: 'The gateway can serve requests: every dependency answers.' })
export class Readiness {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';

  @ApiProperty({ type: () => ReadinessChecks })
  checks!: ReadinessChecks;
}
