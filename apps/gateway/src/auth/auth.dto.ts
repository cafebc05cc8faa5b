import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@ApiSchema({ name: 'LoginRequest', description: 'A person\'s credentials.' })
export class LoginDto {
  @ApiProperty({ description: 'Login name.', maxLength: 80, example: 'm.rossi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  username!: string;

  @ApiProperty({ description: 'Password.', maxLength: 128, format: 'password', example: 'Correct-Horse-Battery-9' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password!: string;
}

@ApiSchema({ name: 'RefreshTokenRequest', description: 'A refresh token, to exchange (refresh) or to revoke with its whole login (logout).' })
export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of a TokenPair.', example: 'q3J9yZ0rS1m2X4w6v8u0t2s4r6p8n0l2k4j6h8g0f2e' })
  @IsString()
  @IsNotEmpty()
  refreshToken!: string;
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN = 'urn:ietf:params:oauth:token-type:access_token';

/** RFC 6749 §4.4 and RFC 8693; accepted as JSON or form-encoded, or with HTTP Basic client authentication. */
@ApiSchema({
  name: 'ClientCredentialsRequest',
  description:
    'OAuth2 client-credentials grant (RFC 6749 §4.4) for applications, or token exchange (RFC 8693) for the consumer ' +
    'services (visure, rivestizione, console). Give client_id and client_secret here, or leave them out and ' +
    'authenticate with HTTP Basic.',
})
export class ClientCredentialsDto {
  @ApiProperty({ enum: ['client_credentials', TOKEN_EXCHANGE], description: 'client_credentials for an application; the token-exchange grant for a consumer service.', example: 'client_credentials' })
  @IsIn(['client_credentials', TOKEN_EXCHANGE])
  grant_type!: string;

  @ApiPropertyOptional({ description: 'Token exchange: the token of the person the service acts for, or a grant the service stored for a deferred request.', example: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIuLi4ifQ.c2ln' })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  subject_token?: string;

  @ApiPropertyOptional({ enum: [ACCESS_TOKEN], description: 'Token exchange: the kind of subject_token.', example: ACCESS_TOKEN })
  @IsOptional()
  @IsIn([ACCESS_TOKEN])
  subject_token_type?: string;

  @ApiPropertyOptional({ description: 'Token exchange: the approving mediator\'s own access token; the new grant carries that mediator.', example: 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIuLi4ifQ.c2ln' })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  actor_token?: string;

  @ApiPropertyOptional({ enum: [ACCESS_TOKEN], description: 'Token exchange: the kind of actor_token.', example: ACCESS_TOKEN })
  @IsOptional()
  @IsIn([ACCESS_TOKEN])
  actor_token_type?: string;

  @ApiPropertyOptional({ pattern: '^\\d{1,8}$', description: 'Token exchange: seconds the grant should live (capped by the gateway; a deferred request asks for long enough to be processed).', example: '86400' })
  @IsOptional()
  @Matches(/^\d{1,8}$/, { message: 'requested_lifetime must be a whole number of seconds' })
  requested_lifetime?: string;

  @ApiPropertyOptional({ enum: ['silent'], description: 'Token exchange: `silent` asks for the Comune\'s silent consent on a stored grant (granted once its hours have passed).', example: 'silent' })
  @IsOptional()
  @IsIn(['silent'])
  mediation?: 'silent';

  @ApiPropertyOptional({ pattern: '^\\d{6}$', description: 'Token exchange with mediation=silent: ISTAT code of the Comune whose silent consent applies.', example: '072006' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'comune must be a 6-digit ISTAT code' })
  comune?: string;

  @ApiPropertyOptional({ description: 'The application\'s client id (unless sent with HTTP Basic).', example: 'app_4f9a1c2b3d4e5f607182' })
  @IsOptional()
  @IsString()
  client_id?: string;

  @ApiPropertyOptional({ description: 'One of its client secrets (unless sent with HTTP Basic).', format: 'password', example: 'grs_Q2xhdmUgZGkgZXNlbXBpbyBzb2xhbWVudGU' })
  @IsOptional()
  @IsString()
  client_secret?: string;
}

@ApiSchema({ name: 'ChangePasswordRequest', description: 'The current password and the new one.' })
export class ChangePasswordDto {
  @ApiProperty({ description: 'The current password.', format: 'password', example: 'Correct-Horse-Battery-9' })
  @IsString()
  @IsNotEmpty()
  currentPassword!: string;

  @ApiProperty({
    description: 'The new password: at least 12 and at most 128 characters, three of lower case, upper case, digits and symbols, not containing the username.',
    format: 'password',
    minLength: 12,
    maxLength: 128,
    example: 'Staple-Cloud-Lantern-42',
  })
  @IsString()
  @IsNotEmpty()
  newPassword!: string;
}
