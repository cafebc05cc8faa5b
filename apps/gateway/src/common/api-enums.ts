import {
  ACCESS_EVENTS,
  ANPR_CHANNELS,
  ANPR_ENVIRONMENTS,
  AUDIT_OUTCOMES,
  CHAIN_BREAK_REASONS,
  ENTE_KINDS,
  LOOKUP_SECTIONS,
  NON_RESIDENT_VISURA_POLICIES,
  RIVESTIZIONE_FIELDS,
  ROLES,
  SEARCH_SCOPES,
  VISURA_TYPES,
  WORKSTATION_POLICIES,
} from '#libs/domain';

/**
 * The closed vocabularies as named OpenAPI schemas, so that every SDK gets one enum type per
 * vocabulary rather than an anonymous one per property. The description here is the enum's own;
 * build-document puts it on the schema (the property descriptions stay on the properties).
 */
export const API_ENUMS = {
  Role: { values: ROLES, description: 'TOP: registry officer of a Comune; ADMIN: administrator of an Ente; STANDARD: operator; STANDARDPS: operator whose activity is hidden from monitoring (public safety).' },
  EnteKind: { values: ENTE_KINDS, description: 'municipal_office: an office of the Comune itself; external_body: a body working under a convenzione.' },
  LookupSection: { values: LOOKUP_SECTIONS, description: 'A section of a person\'s record that a lookup can return.' },
  VisuraType: { values: VISURA_TYPES, description: 'A type of visura (registry certificate view).' },
  RivestizioneField: { values: RIVESTIZIONE_FIELDS, description: 'A field a rivestizione (bulk enrichment) may return.' },
  SearchScope: { values: SEARCH_SCOPES, description: 'agreed: subjects resident in the user\'s own or agreed Comuni only; national: anywhere in Italy.' },
  NonResidentVisuraPolicy: { values: NON_RESIDENT_VISURA_POLICIES, description: 'How visure on people not resident in the Comune are handled.' },
  WorkstationPolicy: { values: WORKSTATION_POLICIES, description: 'free: calls from any workstation; authorised: only from workstations the Comune authorised.' },
  AnprEnvironment: { values: ANPR_ENVIRONMENTS, description: 'The ANPR environment the Comune\'s requests go to.' },
  AnprChannel: { values: ANPR_CHANNELS, description: 'soap: ANPR web services with the Comune\'s certificate; pdnd: ANPR e-services through PDND vouchers.' },
  AnprSoapService: { values: ['3002', 'E002'] as const, description: 'ANPR SOAP service for lookups: 3002 (a Comune\'s registry office) or E002 (consultazione for enti).' },
  UserStatus: { values: ['active', 'suspended'] as const, description: 'A suspended user cannot log in and their tokens stop working.' },
  ApplicationStatus: { values: ['active', 'revoked'] as const, description: 'A revoked application can no longer obtain or use tokens.' },
  AuditOutcome: { values: AUDIT_OUTCOMES, description: 'How a request ended: ok, not_found (no subject), denied (by a rule) or error; pending is the intent written before an ANPR call, followed by the event of its outcome.' },
  AccessEventKind: { values: ACCESS_EVENTS, description: 'The kind of access-log entry.' },
  ChainBreakReason: {
    values: CHAIN_BREAK_REASONS,
    description:
      'Why a hash chain does not verify: an event was modified, does not link to the one before, events were deleted, the end was removed, or the chain has no (or another) recorded head; ' +
      'against the checkpoints: a checkpointed chain is gone, events it recorded are gone, the chain differs from what it recorded, or a checkpoint line fails its signature.',
  },
} as const;

export type ApiEnumName = keyof typeof API_ENUMS;

/** `@ApiProperty({ ...apiEnum('Role'), description })`; add `isArray: true` for a list. */
export const apiEnum = (name: ApiEnumName) => ({ enum: [...API_ENUMS[name].values] as string[], enumName: name });
