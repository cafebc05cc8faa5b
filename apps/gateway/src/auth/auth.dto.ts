import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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

/** RFC 6749 §4.4; accepted as JSON or form-encoded, or with HTTP Basic client authentication. */
@ApiSchema({
  name: 'ClientCredentialsRequest',
  description: 'OAuth2 client-credentials grant (RFC 6749 §4.4). Give client_id and client_secret here, or leave them out and authenticate with HTTP Basic.',
})
export class ClientCredentialsDto {
  @ApiProperty({ enum: ['client_credentials'], description: 'Always client_credentials.', example: 'client_credentials' })
  @IsIn(['client_credentials'])
  grant_type!: string;

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
