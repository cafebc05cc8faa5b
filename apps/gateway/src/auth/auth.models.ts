import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { EnteKind, NonResidentVisuraPolicy } from '#libs/domain';
import { apiEnum } from '../common/api-enums.js';
import { ProfileView, UserView } from '../governance/governance.models.js';

/** Response schemas of the authentication API. */

@ApiSchema({ description: 'Tokens for a person: a short-lived access token and a single-use refresh token.' })
export class TokenPair {
  @ApiProperty({ description: 'Access token (a JWT signed by GeRes, verifiable with the JWKS): send it as `Authorization: Bearer <token>`.', example: 'eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl' })
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'], description: 'Always Bearer.', example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the access token expires.', example: 900 })
  expiresIn!: number;

  @ApiProperty({ description: 'Refresh token: exchange it once for a new pair. Presenting a used one again closes every session of the login.', example: 'q3J9yZ0rS1m2X4w6v8u0t2s4r6p8n0l2k4j6h8g0f2e' })
  refreshToken!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the refresh token expires (never past the end of the login, REFRESH_FAMILY_MAX_SECONDS after it began).', example: 28800 })
  refreshExpiresIn!: number;

  @ApiProperty({ description: 'True after a one-time password: until the person changes it (POST /v1/me/password), every call but GET /v1/me and logout answers `password-change-required`.', example: false })
  passwordChangeRequired!: boolean;
}

@ApiSchema({ description: 'An access token for an application (RFC 6749 §5.1). There is no refresh token: ask for a new one when it expires.' })
export class ClientCredentialsToken {
  @ApiProperty({ description: 'Access token; send it as `Authorization: Bearer <token>` together with X-GeRes-Operator.', example: 'eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl' })
  access_token!: string;

  @ApiProperty({ enum: ['Bearer'], description: 'Always Bearer.', example: 'Bearer' })
  token_type!: 'Bearer';

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until the token expires.', example: 900 })
  expires_in!: number;

  @ApiPropertyOptional({ enum: ['urn:ietf:params:oauth:token-type:access_token'], description: 'Token exchange only: the kind of token issued (RFC 8693).', example: 'urn:ietf:params:oauth:token-type:access_token' })
  issued_token_type?: string;
}

@ApiSchema({ description: 'A public key that verifies GeRes access tokens (RFC 7517).' })
export class Jwk {
  @ApiProperty({ enum: ['EC', 'RSA'], description: 'Key type.', example: 'EC' })
  kty!: string;

  @ApiProperty({ description: 'Key id, the RFC 7638 thumbprint; matches the `kid` of the token header.', example: 'Nk2d1Zx3Q0hP7k2Lw9vB4mYt6rS8uE1aC5fG7jH9kL0' })
  kid!: string;

  @ApiProperty({ enum: ['ES256', 'RS256'], description: 'Signature algorithm.', example: 'ES256' })
  alg!: string;

  @ApiProperty({ enum: ['sig'], description: 'Always sig.', example: 'sig' })
  use!: string;

  @ApiPropertyOptional({ description: 'EC keys: the curve.', example: 'P-256' })
  crv?: string;

  @ApiPropertyOptional({ description: 'EC keys: x coordinate (base64url).', example: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU' })
  x?: string;

  @ApiPropertyOptional({ description: 'EC keys: y coordinate (base64url).', example: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' })
  y?: string;

  @ApiPropertyOptional({ description: 'RSA keys: modulus (base64url).' })
  n?: string;

  @ApiPropertyOptional({ description: 'RSA keys: public exponent (base64url).', example: 'AQAB' })
  e?: string;
}

@ApiSchema({ description: 'The JSON Web Key Set of the keys that sign GeRes access tokens.' })
export class Jwks {
  @ApiProperty({ type: () => [Jwk] })
  keys!: Jwk[];
}

@ApiSchema({ description: 'The application that called, when the token is an application\'s.' })
export class MeApplication {
  @ApiProperty({ format: 'uuid', description: 'Id of the application.', example: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a' })
  id!: string;

  @ApiProperty({ description: 'Name.', example: 'Protocollo informatico' })
  name!: string;

  @ApiProperty({ description: 'OAuth2 client id.', example: 'app_4f9a1c2b3d4e5f607182' })
  clientId!: string;
}

@ApiSchema({ description: 'The workstation the call was recognised as coming from.' })
export class MeWorkstation {
  @ApiProperty({ format: 'uuid', description: 'Id of the workstation.', example: '6a5b4c3d-2e1f-4a9b-8c7d-6e5f4a3b2c1d' })
  id!: string;

  @ApiProperty({ description: 'Code (ANPR IdPostazione).', example: '072006-PL-0001' })
  code!: string;

  @ApiProperty({ description: 'Authorised by the Comune.', example: true })
  authorised!: boolean;
}

@ApiSchema({ description: 'The caller\'s Ente.' })
export class MeEnte {
  @ApiProperty({ format: 'uuid', description: 'Id of the Ente.', example: '6a5b4c3d-2e1f-4a9b-8c7d-6e5f4a3b2c1d' })
  id!: string;

  @ApiProperty({ description: 'Name.', example: 'Polizia Locale di Bari' })
  name!: string;

  @ApiProperty({ ...apiEnum('EnteKind'), description: 'A municipal office (of a Comune) or an external body.', example: 'municipal_office' })
  kind!: EnteKind;

  @ApiProperty({ type: String, nullable: true, pattern: '^\\d{6}$', description: 'ISTAT code of the Comune that registered the Ente.', example: '072006' })
  comune!: string | null;
}

@ApiSchema({ description: 'A Comune the caller works with today, with the policies that decide how their requests are handled there.' })
export class MeComune {
  @ApiProperty({ pattern: '^\\d{6}$', description: 'ISTAT code.', example: '072006' })
  codiceIstat!: string;

  @ApiProperty({ description: 'Name.', example: 'Bari' })
  nome!: string;

  @ApiProperty({ description: 'True for the caller\'s own Comune (a TOP user\'s), false for a Comune agreed by convenzione.', example: false })
  own!: boolean;

  @ApiProperty({ ...apiEnum('NonResidentVisuraPolicy'), description: 'How the Comune handles visure on non-residents asked by municipal offices with national permission.', example: 'mediator' })
  nonResidentVisuraPolicy!: NonResidentVisuraPolicy;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 720, description: 'Hours after which a deferred request is approved by silent consent.', example: 24 })
  silentConsentHours!: number;
}

@ApiSchema({ description: 'Who is calling: the user (for an application, the operator it acts for), their profile, and the context.' })
export class Me {
  @ApiProperty({ type: () => UserView, description: 'The user.' })
  user!: UserView;

  @ApiProperty({ type: () => ProfileView, nullable: true, description: 'Their profile; null when none was set yet.' })
  profile!: ProfileView | null;

  @ApiProperty({ type: () => MeApplication, nullable: true, description: 'The calling application; null for a person\'s token.' })
  application!: MeApplication | null;

  @ApiProperty({ type: () => MeWorkstation, nullable: true, description: 'The recognised workstation; null when none was recognised.' })
  workstation!: MeWorkstation | null;

  @ApiProperty({ type: () => MeEnte, nullable: true, description: 'The caller\'s Ente; null for a TOP user of a Comune.' })
  ente!: MeEnte | null;

  @ApiProperty({ type: () => [MeComune], description: 'The Comuni the caller works with today: their own (TOP), or those of their Ente\'s current convenzioni.' })
  comuni!: MeComune[];

  @ApiProperty({ type: String, nullable: true, description: 'Under a delegation grant: the service acting for the user.', example: null })
  actingService!: string | null;
}
