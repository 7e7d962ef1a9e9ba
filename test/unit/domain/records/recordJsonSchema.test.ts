import { implicitFields } from '../../../../src/domain/catalog/implicitFields';
import { MAX_EPOCH_MILLIS } from '../../../../src/domain/records/parseDateTime';
import { recordJsonSchema } from '../../../../src/domain/records/recordJsonSchema';
import { field } from '../catalog/fixtures';

const DATE_TIME = 'DATE_TIME (ISO-8601 with a time zone, or epoch milliseconds)';
const EPOCH = { minimum: -MAX_EPOCH_MILLIS, maximum: MAX_EPOCH_MILLIS };

describe('recordJsonSchema', () => {
  it('makes an event schema: required implicit fields, a free-form identityMap', () => {
    expect(recordJsonSchema(implicitFields('EXPERIENCE_EVENT'))).toEqual({
      xdmType: 'OBJECT',
      type: ['object'],
      properties: {
        identityMap: { xdmType: 'OBJECT', type: ['object', 'null'] },
        _id: { xdmType: 'STRING', type: ['string'] },
        timestamp: {
          xdmType: DATE_TIME,
          type: ['string', 'integer'],
          format: 'date-time',
          ...EPOCH,
        },
      },
      required: ['_id', 'timestamp'],
      additionalProperties: false,
    });
  });

  it('nests objects and describes the items of an ARRAY of OBJECT by its fields', () => {
    const fields = [
      field('o', 'OBJECT'),
      field('o.d', 'DATE', { required: true }),
      field('items', 'ARRAY', { itemType: 'OBJECT', required: true }),
      field('items.n', 'NUMBER'),
      field('items.tags', 'ARRAY', { itemType: 'STRING' }),
      field('grid', 'ARRAY', { itemType: 'ARRAY' }),
      field('flags', 'ARRAY', { itemType: 'BOOLEAN' }),
      field('free', 'ARRAY', { itemType: 'OBJECT' }),
      field('whens', 'ARRAY', { itemType: 'DATE_TIME' }),
    ];
    expect(recordJsonSchema(fields)).toEqual({
      xdmType: 'OBJECT',
      type: ['object'],
      properties: {
        o: {
          xdmType: 'OBJECT',
          type: ['object', 'null'],
          properties: {
            d: { xdmType: 'DATE (YYYY-MM-DD)', type: ['string'], format: 'date' },
          },
          required: ['d'],
          additionalProperties: false,
        },
        items: {
          xdmType: 'ARRAY<OBJECT>',
          type: ['array'],
          items: {
            xdmType: 'OBJECT',
            type: ['object'],
            properties: {
              n: { xdmType: 'NUMBER', type: ['number', 'null'] },
              tags: {
                xdmType: 'ARRAY<STRING>',
                type: ['array', 'null'],
                items: { xdmType: 'STRING', type: ['string'] },
              },
            },
            additionalProperties: false,
          },
        },
        grid: {
          xdmType: 'ARRAY<ARRAY>',
          type: ['array', 'null'],
          items: { xdmType: 'ARRAY<ANY>', type: ['array'] },
        },
        flags: {
          xdmType: 'ARRAY<BOOLEAN>',
          type: ['array', 'null'],
          items: { xdmType: 'BOOLEAN', type: ['boolean'] },
        },
        free: {
          xdmType: 'ARRAY<OBJECT>',
          type: ['array', 'null'],
          items: { xdmType: 'OBJECT', type: ['object'] },
        },
        whens: {
          xdmType: 'ARRAY<DATE_TIME>',
          type: ['array', 'null'],
          items: { xdmType: DATE_TIME, type: ['string', 'integer'], format: 'date-time', ...EPOCH },
        },
      },
      required: ['items'],
      additionalProperties: false,
    });
  });

  it('leaves required fields out of a PATCH, except in array items', () => {
    const fields = [
      field('a', 'STRING', { required: true }),
      field('o', 'OBJECT'),
      field('o.b', 'INTEGER', { required: true }),
      field('items', 'ARRAY', { itemType: 'OBJECT' }),
      field('items.c', 'BOOLEAN', { required: true }),
    ];
    expect(recordJsonSchema(fields, 'PATCH')).toEqual({
      xdmType: 'OBJECT',
      type: ['object'],
      properties: {
        a: { xdmType: 'STRING', type: ['string'] },
        o: {
          xdmType: 'OBJECT',
          type: ['object', 'null'],
          properties: { b: { xdmType: 'INTEGER', type: ['integer'] } },
          additionalProperties: false,
        },
        items: {
          xdmType: 'ARRAY<OBJECT>',
          type: ['array', 'null'],
          items: {
            xdmType: 'OBJECT',
            type: ['object'],
            properties: { c: { xdmType: 'BOOLEAN', type: ['boolean'] } },
            required: ['c'],
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    });
    expect(recordJsonSchema(fields, 'RECORD')).toEqual(recordJsonSchema(fields));
  });

  it('accepts anything for a schema without fields', () => {
    expect(recordJsonSchema([])).toEqual({ xdmType: 'OBJECT', type: ['object'] });
  });
});
