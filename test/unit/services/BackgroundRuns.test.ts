import { BackgroundRuns } from '../../../src/services/BackgroundRuns';

/** A run that stays open until released, counting how often it started. */
function gate() {
  let release = () => {};
  let starts = 0;
  const work = () => {
    starts++;
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  return {
    work,
    release: () => {
      release();
    },
    starts: () => starts,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('BackgroundRuns', () => {
  it('runs one at a time per key and ignores starts while one runs', async () => {
    const runs = new BackgroundRuns(() => {});
    const g = gate();
    runs.start('a', g.work);
    runs.start('a', g.work);
    expect(g.starts()).toBe(1);
    g.release();
    await runs.idle();
    expect(g.starts()).toBe(1);
  });

  it('with rerun, queues exactly one more run after the current one', async () => {
    const runs = new BackgroundRuns(() => {});
    const g = gate();
    runs.start('a', g.work, { rerun: true });
    runs.start('a', g.work, { rerun: true });
    runs.start('a', g.work, { rerun: true });
    g.release();
    await tick();
    expect(g.starts()).toBe(2);
    g.release();
    await runs.idle();
    expect(g.starts()).toBe(2);
  });

  it('reports a failure with its key and goes on', async () => {
    const failures: [unknown, string][] = [];
    const runs = new BackgroundRuns((err, key) => failures.push([err, key]));
    const boom = new Error('boom');
    runs.start('k', () => Promise.reject(boom));
    await runs.idle();
    expect(failures).toEqual([[boom, 'k']]);
  });

  it('stops taking runs, drops queued reruns and waits for the current one', async () => {
    const runs = new BackgroundRuns(() => {});
    const g = gate();
    runs.start('a', g.work, { rerun: true });
    runs.start('a', g.work, { rerun: true });
    const stopped = runs.stop();
    expect(runs.stopping).toBe(true);
    runs.start('b', g.work);
    g.release();
    await stopped;
    expect(g.starts()).toBe(1);
  });
});
