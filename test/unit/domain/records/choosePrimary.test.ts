import type { SchemaClass } from '../../../../src/domain/enumValues';
import { DEFAULT_IDENTITY_SETTINGS } from '../../../../src/domain/identity/IdentitySettings';
import {
  type FoundIdentity,
  type PrimaryChoice,
  choosePrimary,
} from '../../../../src/domain/records/choosePrimary';
import { identity } from './fixtures';

/** `d:` found by a descriptor, `m:` in identityMap; a trailing `!` marks it primary. */
function found(spec: string): FoundIdentity {
  const [source = '', namespace = '', marked = ''] = spec.split(':');
  return {
    namespace,
    id: marked.replace('!', ''),
    primary: marked.endsWith('!'),
    fromDescriptor: source === 'd',
  };
}

const DEFAULT_PRIORITY = DEFAULT_IDENTITY_SETTINGS.namespacePriority;

describe('choosePrimary', () => {
  it.each<[string, SchemaClass, string[], readonly string[], PrimaryChoice]>([
    [
      'the primary descriptor over a primary identityMap entry',
      'PROFILE',
      ['m:Phone:p1!', 'd:Email:e1', 'd:CRMID:c1!'],
      DEFAULT_PRIORITY,
      { primary: identity('CRMID', 'c1'), byPriority: false },
    ],
    [
      'the primary identityMap entry without a primary descriptor',
      'PROFILE',
      ['d:Email:e1', 'm:Phone:p1', 'm:Phone:p2!'],
      DEFAULT_PRIORITY,
      { primary: identity('Phone', 'p2'), byPriority: false },
    ],
    [
      'the first of several primary identityMap entries',
      'PROFILE',
      ['m:Phone:p1!', 'm:Email:e1!'],
      DEFAULT_PRIORITY,
      { primary: identity('Phone', 'p1'), byPriority: false },
    ],
    [
      'the first identity of a profile without a marked one',
      'PROFILE',
      ['d:Phone:p1', 'm:CRMID:c1'],
      DEFAULT_PRIORITY,
      { primary: identity('Phone', 'p1'), byPriority: false },
    ],
    [
      'the first identity of an account without a marked one',
      'ACCOUNT',
      ['m:Partner_Org:o1', 'm:B2BAccount:a1'],
      DEFAULT_PRIORITY,
      { primary: identity('Partner_Org', 'o1'), byPriority: false },
    ],
    [
      'the primary descriptor of an event, over the priority',
      'EXPERIENCE_EVENT',
      ['d:ECID:x!', 'm:CRMID:c1'],
      DEFAULT_PRIORITY,
      { primary: identity('ECID', 'x'), byPriority: false },
    ],
    [
      'the primary identityMap entry of an event, over the priority',
      'EXPERIENCE_EVENT',
      ['m:CRMID:c1', 'm:ECID:x!'],
      DEFAULT_PRIORITY,
      { primary: identity('ECID', 'x'), byPriority: false },
    ],
    [
      "the event's highest-ranked namespace",
      'EXPERIENCE_EVENT',
      ['d:ECID:x', 'm:Phone:p1', 'm:Email:e1', 'm:GAID:g1'],
      DEFAULT_PRIORITY,
      { primary: identity('Email', 'e1'), byPriority: true },
    ],
    [
      'the first value of the highest-ranked namespace',
      'EXPERIENCE_EVENT',
      ['m:Email:e1', 'm:Email:e2'],
      DEFAULT_PRIORITY,
      { primary: identity('Email', 'e1'), byPriority: true },
    ],
    [
      'a listed namespace over unlisted ones found earlier',
      'EXPERIENCE_EVENT',
      ['m:loyaltyId:l1', 'm:B2BAccount:b1', 'm:AAID:a1'],
      DEFAULT_PRIORITY,
      { primary: identity('AAID', 'a1'), byPriority: true },
    ],
    [
      'the first unlisted namespace when none is listed',
      'EXPERIENCE_EVENT',
      ['m:loyaltyId:l1', 'm:Phone:p1'],
      ['Email'],
      { primary: identity('loyaltyId', 'l1'), byPriority: true },
    ],
    [
      'the first identity under an empty priority',
      'EXPERIENCE_EVENT',
      ['m:ECID:x', 'm:CRMID:c1'],
      [],
      { primary: identity('ECID', 'x'), byPriority: true },
    ],
    [
      'by a priority spelled in another case',
      'EXPERIENCE_EVENT',
      ['m:Email:e1', 'm:ECID:x'],
      ['ecid', 'EMAIL'],
      { primary: identity('ECID', 'x'), byPriority: true },
    ],
    [
      'never by priority outside events',
      'PROFILE',
      ['m:ECID:x', 'm:CRMID:c1'],
      DEFAULT_PRIORITY,
      { primary: identity('ECID', 'x'), byPriority: false },
    ],
    [
      'nothing from nothing',
      'EXPERIENCE_EVENT',
      [],
      DEFAULT_PRIORITY,
      { primary: undefined, byPriority: false },
    ],
    [
      'nothing from nothing',
      'PROFILE',
      [],
      DEFAULT_PRIORITY,
      { primary: undefined, byPriority: false },
    ],
  ])('chooses %s (%s)', (_, schemaClass, specs, priority, expected) => {
    expect(choosePrimary(specs.map(found), schemaClass, priority)).toEqual(expected);
  });
});
