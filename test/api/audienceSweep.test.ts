import { AudienceMembershipChangedDocument, CreateAudienceDocument } from '../generated/graphql';
import { subscribe } from '../support/subscription';
import { useTestServer } from '../support/testServer';
import { ingestInto, setupDatasets } from './ingestSetup';

let now = Date.now();
const server = useTestServer({ clock: () => new Date(now), audienceSweepMs: 100 });

describe('audience sweep (SEMANTICS §5, time-based exits)', () => {
  it('lets a member go when its events leave the window, with nothing ingested', async () => {
    const ds = await setupDatasets(server, 'sweep');
    const { createAudience } = await server.data(
      CreateAudienceDocument,
      {
        input: {
          name: 'Active this hour',
          condition: { event: { within: { count: 1, unit: 'HOURS' } } },
        },
      },
      { sandbox: ds.sandbox },
    );
    const sub = subscribe(
      server.wsClient({ 'x-sandbox-name': ds.sandbox }),
      AudienceMembershipChangedDocument,
      { audienceId: createAudience.id },
    );
    // A new person per try: one already in the audience would not be announced again.
    let n = 0;
    const entered = await sub.until(
      (r) => r.data?.audienceMembershipChanged.status === 'REALIZED',
      () =>
        ingestInto(server, ds, ds.web, [
          {
            _id: `e${n++}`,
            timestamp: new Date(now - 10 * 60_000).toISOString(),
            eventType: 'view',
            identityMap: { Email: [{ id: `p${n}@example.com` }] },
          },
        ]),
    );
    now += 2 * 3_600_000;
    const exited = await sub.until((r) => r.data?.audienceMembershipChanged.status === 'EXITED');
    expect(exited.data?.audienceMembershipChanged.identity).toEqual(
      entered.data?.audienceMembershipChanged.identity,
    );
    expect(exited.data?.audienceMembershipChanged.identity.namespace).toBe('Email');
    sub.stop();
  });
});
