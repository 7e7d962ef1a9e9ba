import { checkProfileEnablement } from '../../../../src/domain/catalog/checkProfileEnablement';
import { implicitFields } from '../../../../src/domain/catalog/implicitFields';
import type { IdentityDescriptor } from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import { catchAppError } from '../expectBadInput';
import { makeSchema } from './fixtures';

const PRIMARY: IdentityDescriptor = { path: 'key', namespace: 'CRMID', primary: true };
const SECONDARY: IdentityDescriptor = { path: 'email', namespace: 'Email', primary: false };

const enable = (schemaClass: SchemaClass, identityDescriptors: IdentityDescriptor[]): void => {
  const schema = makeSchema('s1', schemaClass, implicitFields(schemaClass), {
    name: 'Customers',
    identityDescriptors,
    profileEnabled: false,
  });
  checkProfileEnablement(schema, 'schemaId');
};

describe('checkProfileEnablement', () => {
  it.each<[SchemaClass, IdentityDescriptor[]]>([
    ['PROFILE', [PRIMARY]],
    ['PROFILE', [SECONDARY, PRIMARY]],
    ['ACCOUNT', [{ ...PRIMARY, namespace: 'B2BAccount' }]],
    ['EXPERIENCE_EVENT', []],
    ['EXPERIENCE_EVENT', [SECONDARY]],
    ['EXPERIENCE_EVENT', [PRIMARY]],
  ])('enables a %s schema with descriptors %j', (schemaClass, descriptors) => {
    expect(() => {
      enable(schemaClass, descriptors);
    }).not.toThrow();
  });

  it.each<[SchemaClass, IdentityDescriptor[]]>([
    ['PROFILE', []],
    ['PROFILE', [SECONDARY]],
    ['ACCOUNT', []],
    ['ACCOUNT', [{ ...SECONDARY, namespace: 'B2BAccount' }]],
  ])('refuses a %s schema with descriptors %j', (schemaClass, descriptors) => {
    const error = catchAppError(() => {
      enable(schemaClass, descriptors);
    });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('schemaId');
    expect(error.message).toBe(
      `schemaId: schema "Customers" has no primary identity descriptor; ${schemaClass} schemas ` +
        'need one to be enabled for profile (create the schema with a descriptor marked primary)',
    );
    expect(error.issues.map((i) => i.field)).toEqual(['schemaId']);
  });
});
