import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('has defaults that start the embedded store on port 4000', () => {
    expect(loadConfig({})).toEqual({
      PORT: 4000,
      TESSERA_DATA: './data',
      LOG_LEVEL: 'info',
      NEO4J_USER: 'neo4j',
    });
  });

  it('reads every variable, treating empty ones as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      TESSERA_DATA: ':memory:',
      LOG_LEVEL: 'debug',
      NEO4J_URI: 'bolt://localhost:7687',
      NEO4J_PASSWORD: 'secret',
      DATABASE_URL: 'postgres://localhost/test',
      REDIS_URL: 'redis://127.0.0.1:6379',
      NEO4J_DATABASE: '',
    });
    expect(config).toMatchObject({ PORT: 8080, TESSERA_DATA: ':memory:', LOG_LEVEL: 'debug' });
    expect(config.NEO4J_DATABASE).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT="eighty"'],
    [{ PORT: '70000' }, 'PORT="70000"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud"'],
    [
      { NEO4J_URI: 'http://neo4j' },
      'NEO4J_URI="http://neo4j": must be a URL starting with bolt://',
    ],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL="mysql://x": must be a URL starting with postgres://',
    ],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL="localhost:6379"'],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '-1', LOG_LEVEL: 'x' })).toThrow(/PORT="-1".*; LOG_LEVEL="x"/);
  });
});
