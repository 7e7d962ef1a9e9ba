import { implicitFields } from '../../../../src/domain/catalog/implicitFields';
import type { SchemaField, XdmSchema } from '../../../../src/domain/catalog/types';
import { field, makeSchema } from '../catalog/fixtures';

/** One field of every type, nested objects, a free-form object and arrays of objects. */
export const PROFILE_FIELDS: SchemaField[] = [
  ...implicitFields('PROFILE'),
  field('name', 'STRING', { required: true }),
  field('age', 'INTEGER'),
  field('score', 'NUMBER'),
  field('vip', 'BOOLEAN'),
  field('birthDate', 'DATE'),
  field('seenAt', 'DATE_TIME'),
  field('tags', 'ARRAY', { itemType: 'STRING' }),
  field('dates', 'ARRAY', { itemType: 'DATE' }),
  field('times', 'ARRAY', { itemType: 'DATE_TIME' }),
  field('matrix', 'ARRAY', { itemType: 'ARRAY' }),
  field('person', 'OBJECT'),
  field('person.name', 'OBJECT'),
  field('person.name.first', 'STRING'),
  field('person.name.last', 'STRING', { required: true }),
  field('prefs', 'OBJECT'),
  field('orders', 'ARRAY', { itemType: 'OBJECT' }),
  field('orders.sku', 'STRING', { required: true }),
  field('orders.qty', 'INTEGER'),
  field('orders.meta', 'OBJECT'),
  field('orders.lines', 'ARRAY', { itemType: 'OBJECT' }),
  field('orders.lines.n', 'INTEGER'),
  field('blobs', 'ARRAY', { itemType: 'OBJECT' }),
];

export const PROFILE_SCHEMA: XdmSchema = makeSchema('profile', 'PROFILE', PROFILE_FIELDS);

export const EVENT_SCHEMA: XdmSchema = makeSchema('event', 'EXPERIENCE_EVENT', [
  ...implicitFields('EXPERIENCE_EVENT'),
  field('page', 'STRING'),
]);
