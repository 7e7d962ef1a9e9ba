import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { printGraphQLSchema } from '../../../src/graphql/buildGraphQLSchema';
import { SCHEMA_DIR } from './compareToContract';

const ROOT = join(SCHEMA_DIR, '..');

describe('committed generated files', () => {
  it('schema/schema.graphql is what the code emits (run `npm run emit-schema`)', async () => {
    const committed = readFileSync(join(SCHEMA_DIR, 'schema.graphql'), 'utf8');
    expect(await printGraphQLSchema()).toBe(committed);
  });

  it('test/generated/graphql.ts is what codegen makes (run `npm run codegen`)', async () => {
    const config = parse(readFileSync(join(ROOT, 'codegen.yml'), 'utf8')) as {
      generates: Record<string, unknown>;
    };
    const [[target, output]] = Object.entries(config.generates) as [[string, unknown]];
    const dir = mkdtempSync(join(tmpdir(), 'tessera-codegen-'));
    try {
      const fresh = join(dir, 'graphql.ts');
      const configFile = join(dir, 'codegen.json');
      writeFileSync(configFile, JSON.stringify({ ...config, generates: { [fresh]: output } }));
      const cli = join(ROOT, 'node_modules', '.bin', 'graphql-codegen');
      await promisify(execFile)(cli, ['--config', configFile, '--silent'], { cwd: ROOT });
      expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(join(ROOT, target), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
