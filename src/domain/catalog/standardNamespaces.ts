import type { IdentityType } from '../enumValues';

interface StandardNamespace {
  code: string;
  name: string;
  description: string;
  type: IdentityType;
}

/** SEMANTICS §1: seeded in every sandbox on creation; not deletable. */
export const STANDARD_NAMESPACES: readonly StandardNamespace[] = [
  { code: 'ECID', name: 'Experience Cloud ID', description: 'Browser cookie id', type: 'COOKIE' },
  { code: 'Email', name: 'Email', description: 'Email address (lower-cased)', type: 'EMAIL' },
  { code: 'Phone', name: 'Phone', description: 'Phone number', type: 'PHONE' },
  { code: 'CRMID', name: 'CRM ID', description: 'Customer id in the CRM', type: 'PERSON' },
  { code: 'GAID', name: 'Google Advertising ID', description: 'Android device id', type: 'DEVICE' },
  { code: 'IDFA', name: 'Apple IDFA', description: 'iOS advertising id', type: 'DEVICE' },
  {
    code: 'AAID',
    name: 'Adobe Analytics ID',
    description: 'Legacy analytics cookie',
    type: 'COOKIE',
  },
  {
    code: 'B2BAccount',
    name: 'B2B Account',
    description: 'Business account key',
    type: 'ORGANIZATION',
  },
];
