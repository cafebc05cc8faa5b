import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes, type ValidationError, type ValidatorOptions } from 'class-validator';
import { validationProblem } from './problem.filter.js';
import { isCalendarDate } from './validation.js';

/** @nestjs/swagger's metadata of an @ApiProperty: what the OpenAPI document says of the field. */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * The global pipe: class-validator on every @Body and @Query DTO (unknown fields refused, not
 * stripped), plus two rules class-validator leaves out, applied to every DTO so that no DTO has to
 * remember them:
 * - a nested object (@ValidateNested) is required unless the property is optional or conditional,
 *   and must be an object, not an array (class-validator skips a missing one and walks an array);
 * - every number, after conversion (query strings), is finite and a safe integer when integral
 *   (`page=9007199254740993` becomes 2^53, which passes @IsInt but is not a count of anything);
 * - a field the OpenAPI document calls a date (`format: 'date'`) holds a real calendar day, whatever
 *   pattern its DTO checks (`2026-13-45` matches /^\d{4}-\d{2}-\d{2}$/).
 * Their errors join class-validator's, so an empty body names every missing field.
 */
export class GatewayValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => validationProblem(errors),
    });
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return [...errors, ...structuralErrors(object, errors)];
  }
}

/** The errors of the two rules above, as class-validator ValidationErrors (dotted paths as property). */
export function structuralErrors(object: object, already: ValidationError[] = []): ValidationError[] {
  const out: ValidationError[] = [];
  const reported = new Set<string>();
  const flatten = (list: ValidationError[], prefix: string) => {
    for (const e of list) {
      reported.add(prefix + e.property);
      flatten(e.children ?? [], `${prefix}${e.property}.`);
    }
  };
  flatten(already, '');
  const add = (property: string, rule: string, message: string) => {
    if (!reported.has(property)) out.push({ property, constraints: { [rule]: message }, children: [] } as ValidationError);
  };
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (depth > 32 || value === null || typeof value !== 'object') return;
    const target = (value as object).constructor;
    const metadata = target && target !== Object ? getMetadataStorage().getTargetValidationMetadatas(target, '', true, false) : [];
    const optional = new Set(metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
    for (const m of metadata) {
      if (m.type !== ValidationTypes.NESTED_VALIDATION || m.each) continue;
      const field = prefix + m.propertyName;
      const v = (value as Record<string, unknown>)[m.propertyName];
      if (v === undefined || v === null) {
        if (!optional.has(m.propertyName)) add(field, 'isObject', `${field} must be an object`);
      } else if (Array.isArray(v)) {
        add(field, 'isObject', `${field} must be an object, not an array`);
      }
    }
    for (const [key, v] of Object.entries(value)) {
      const field = prefix + key;
      const documented = target && target !== Object ? Reflect.getMetadata(API_MODEL_PROPERTIES, target.prototype, key) : undefined;
      if (documented?.format === 'date' && typeof v === 'string' && !isCalendarDate(v)) {
        add(field, 'isCalendarDate', `${field} must be a real date written YYYY-MM-DD`);
      } else if (typeof v === 'number' && (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v)))) {
        add(field, 'isSafeNumber', `${field} must be a finite number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`);
      } else if (v && typeof v === 'object') {
        walk(v, `${field}.`, depth + 1);
      }
    }
  };
  walk(object, '', 0);
  return out;
}
