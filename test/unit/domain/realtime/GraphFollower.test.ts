import type { ProfileChange, ProfileChanges } from '../../../../src/domain/profile/ProfileChanges';
import { GraphFollower } from '../../../../src/domain/realtime/GraphFollower';

const change = (identityKey: string, graphId: string | null): ProfileChange => ({
  kind: 'RECORD',
  identityKey,
  datasetId: 'ds',
  graphId,
});

const commit = (
  changes: ProfileChange[],
  moved: [string, string][] = [],
  gone: string[] = [],
): ProfileChanges => ({
  at: 1,
  graph:
    moved.length === 0
      ? null
      : { identities: moved.map(([key, graphId]) => ({ key, graphId })), goneGraphIds: gone },
  changes,
});

describe('GraphFollower (SEMANTICS §6 identity filters)', () => {
  it('matches changes of any identity of the watched graph, and nothing else', () => {
    const follower = new GraphFollower('a', 'g1');
    const mine = [change('a', 'g1'), change('b', 'g1')];
    const seen = follower.follow(commit([change('x', 'g2'), ...mine, change('y', null)]));
    expect(seen.changes).toEqual(mine);
    expect(seen.graphId).toBe('g1');
    expect(seen.movedIdentities).toEqual([]);
  });

  it('follows the identity into the graph its graph was merged into', () => {
    const follower = new GraphFollower('a', 'g1');
    const merge = commit(
      [change('c', 'g2')],
      [
        ['a', 'g2'],
        ['b', 'g2'],
        ['c', 'g2'],
      ],
      ['g1'],
    );
    expect(follower.follow(merge)).toEqual({
      graphId: 'g2',
      movedIdentities: ['a', 'b', 'c'],
      changes: [change('c', 'g2')],
    });
    // From now on, changes of the merged graph's other identities match.
    expect(follower.follow(commit([change('d', 'g2'), change('e', 'g1')])).changes).toEqual([
      change('d', 'g2'),
    ]);
  });

  it('sees identities linked into the watched graph after it started', () => {
    const follower = new GraphFollower('a', 'g1');
    const linked = follower.follow(commit([change('n', 'g1')], [['n', 'g1']]));
    expect(linked.movedIdentities).toEqual(['n']);
    expect(linked.changes).toEqual([change('n', 'g1')]);
  });

  it('watches an identity that does not exist yet, from its first record on', () => {
    const follower = new GraphFollower('new', null);
    expect(follower.follow(commit([change('other', 'g9')])).changes).toEqual([]);
    const first = follower.follow(commit([change('new', 'g5')], [['new', 'g5']]));
    expect(first.graphId).toBe('g5');
    expect(first.changes).toEqual([change('new', 'g5')]);
  });

  it('matches changes of the identity itself while it has no graph (a delete)', () => {
    const follower = new GraphFollower('lone', null);
    const deleted = { ...change('lone', null), kind: 'DELETE' as const, datasetId: null };
    expect(follower.follow(commit([deleted, change('z', null)])).changes).toEqual([deleted]);
  });

  it('stops matching the old graph when the identity is moved out of it', () => {
    const follower = new GraphFollower('dev', 'g1');
    follower.follow(commit([], [['dev', 'g3']]));
    expect(follower.follow(commit([change('u1', 'g1'), change('u2', 'g3')])).changes).toEqual([
      change('u2', 'g3'),
    ]);
  });
});
