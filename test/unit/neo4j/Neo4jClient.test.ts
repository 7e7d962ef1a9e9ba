import { isInt, Neo4jError, type Integer } from 'neo4j-driver';
import { AppError } from '../../../src/domain/AppError';
import { toDriverValue, translateNeo4jError } from '../../../src/storage/neo4j/Neo4jClient';

const neo4jError = (code: string) => new Neo4jError('from the server', code, '50N42', 'error');

describe('translateNeo4jError', () => {
  it('makes a uniqueness violation a CONFLICT to retry', () => {
    const error = translateNeo4jError(
      neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed'),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT' });
  });

  it.each(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.OutOfMemoryError'])(
    'reports %s (after the retries) as the graph store being unavailable',
    (code) => {
      expect(translateNeo4jError(neo4jError(code))).toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'The identity graph store (Neo4j) is unavailable; retry shortly',
      });
    },
  );

  it('leaves other errors (bugs) as they are', () => {
    const syntax = neo4jError('Neo.ClientError.Statement.SyntaxError');
    expect(translateNeo4jError(syntax)).toBe(syntax);
    const plain = new Error('plain');
    expect(translateNeo4jError(plain)).toBe(plain);
  });
});

describe('toDriverValue', () => {
  it('sends whole numbers as Neo4j integers, everywhere in the parameters', () => {
    const at = Date.UTC(2026, 0, 1);
    const sent = toDriverValue({ at, list: [{ n: 2 }], x: 1.5, s: 'a', none: null }) as {
      at: Integer;
      list: { n: Integer }[];
      x: number;
      s: string;
      none: null;
    };
    expect(isInt(sent.at) && sent.at.toNumber()).toBe(at);
    expect(isInt(sent.list[0]!.n) && sent.list[0]!.n.toNumber()).toBe(2);
    expect(sent).toMatchObject({ x: 1.5, s: 'a', none: null });
  });
});
