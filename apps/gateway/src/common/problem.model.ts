import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** The OpenAPI schema of the problem documents that ProblemFilter writes (documentation only). */

@ApiSchema({ name: 'ProblemFieldError', description: 'One reason a request (or a row of an imported file) was refused.' })
export class ProblemFieldError {
  @ApiPropertyOptional({
    description: 'The field at fault, as a dotted path into the request body (e.g. `convenzione.validFrom`) or a CSV column. Absent when the error concerns a whole row.',
    example: 'email',
  })
  field?: string;

  @ApiProperty({ description: 'What is wrong with it, in English.', example: 'email must be an email' })
  message!: string;

  @ApiPropertyOptional({ description: 'CSV imports only: the 1-based line of the file (the header is line 1).', type: 'integer', minimum: 1, example: 3 })
  row?: number;
}

@ApiSchema({
  name: 'Problem',
  description:
    'An error, as an RFC 9457 problem document (`application/problem+json`). `type` is a stable URN for each case ' +
    '(see the list in the API description): match on it, never on `title` or `detail`. Some cases add members, ' +
    'documented below; clients must ignore members they do not know.',
})
export class Problem {
  @ApiProperty({
    description: 'Stable identifier of the case, `urn:geres:problem:<name>`. Once published, a type never changes meaning.',
    pattern: '^urn:geres:problem:[a-z-]+$',
    example: 'urn:geres:problem:not-found',
  })
  type!: string;

  @ApiProperty({ description: 'Short, fixed summary of the case (the same for every occurrence of a type).', example: 'Not found' })
  title!: string;

  @ApiProperty({ description: 'The HTTP status code, repeated for convenience.', type: 'integer', minimum: 400, maximum: 599, example: 404 })
  status!: number;

  @ApiPropertyOptional({ description: 'What went wrong this time, in English, for people (logs, support).', example: 'No user 0b7e4c9e-3f0a-4f57-9d0e-2f5c1a6b8d21 in your area' })
  detail?: string;

  @ApiPropertyOptional({ description: 'The path of the request that failed, without the query string.', example: '/v1/users/0b7e4c9e-3f0a-4f57-9d0e-2f5c1a6b8d21' })
  instance?: string;

  @ApiProperty({
    description: 'The request id (also in the `X-Request-Id` response header): quote it when reporting a problem.',
    example: '7f9c2ba4-e88f-4b2d-9b1e-3c2d1a0f5e6d',
  })
  requestId!: string;

  @ApiPropertyOptional({
    description: '`validation-failed`, `weak-password`, `import-failed` and refused imports: every reason, one entry per field (or row).',
    type: () => [ProblemFieldError],
  })
  errors?: ProblemFieldError[];

  @ApiPropertyOptional({
    description: 'Refusals by the caller checks (`operator-required`, `operator-not-allowed`, `workstation-not-authorised`, `account-suspended` on a token): the rule that refused, as recorded in the audit trail.',
    example: 'workstation_not_authorised',
  })
  rule?: string;

  @ApiPropertyOptional({ description: '`grant-exceeds-own`: each part of the profile that could not be granted.', type: [String], example: ['dailyQuota: 500 exceeds your own 100'] })
  violations?: string[];

  @ApiPropertyOptional({
    description: 'Seconds to wait before trying again (`account-locked`: until the account can log in again), also sent as the Retry-After header.',
    type: 'integer',
    minimum: 0,
    example: 840,
  })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({ description: '`invalid-client` from the token endpoint: the OAuth2 error code (RFC 6749 §5.2).', enum: ['invalid_client'], example: 'invalid_client' })
  error?: string;

  @ApiPropertyOptional({
    description: '`service-unavailable` from the readiness probe: the state of each dependency.',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { database: 'ok', redis: 'down: connect ECONNREFUSED' },
  })
  checks?: Record<string, string>;
}
