import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemas, SCHEMA_DIR, schemaId } from '../src/validation/schemas.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('index.json', FIXTURES), 'utf8')) as {
  fixtures: { file: string; schema: string; source: string }[];
};
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8'));

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

describe('the vendors’ published examples', () => {
  const schemas = loadSchemas();

  it.each(manifest.fixtures)('$file conforms to $schema', ({ file, schema }) => {
    expect(schemas.validate(schemaId(schema), read(file))).toEqual([]);
  });

  it.each(manifest.fixtures)(
    '$file, with its first field of the wrong type, is refused',
    ({ file, schema }) => {
      const drifted = read(file) as Record<string, unknown> | Record<string, unknown>[];
      const target = Array.isArray(drifted) ? (drifted[0] as Record<string, unknown>) : drifted;
      const [key, value] = Object.entries(target)[0] as [string, unknown];
      target[key] = typeof value === 'object' && value !== null ? 12345 : { drifted: true };
      expect(schemas.validate(schemaId(schema), drifted)).not.toEqual([]);
    },
  );

  it('every fixture file is listed in fixtures/index.json, and every listed file exists', () => {
    const onDisk = [...files(FIXTURES.pathname)]
      .map((path) => relative(FIXTURES.pathname, path))
      .filter((path) => path !== 'index.json')
      .sort();
    expect(manifest.fixtures.map((f) => f.file).sort()).toEqual(onDisk);
  });

  it('every schema file has an $id naming its own path', () => {
    const paths = [...files(SCHEMA_DIR)].filter((path) => path.endsWith('.json'));
    for (const path of paths) {
      const schema = JSON.parse(readFileSync(path, 'utf8')) as { $id: string };
      expect(schema.$id).toBe(schemaId(relative(SCHEMA_DIR, path)));
    }
    expect(schemas.ids().sort()).toEqual(
      paths.map((path) => schemaId(relative(SCHEMA_DIR, path))).sort(),
    );
  });
});

describe('the contradictions in the docs (schemas/ERRATA.md)', () => {
  const schemas = loadSchemas();
  const valid = (path: string, value: unknown) => schemas.validate(schemaId(path), value);

  it('the yunwu batch request is {ids}, not the Kling image body its page declares', () => {
    expect(valid('relay/tasks-request.json', { ids: ['a'] })).toEqual([]);
    expect(valid('relay/tasks-request.json', { model: 'kling-image', prompt: 'x' })).toEqual([
      { location: '/ids', message: 'is required', keyword: 'required' },
    ]);
  });

  it('a RixAPI task without progress is accepted, as its own example has none', () => {
    const [task] = (read('rixapi/tasks-response.json') as { data: Record<string, unknown>[] }).data;
    expect(task).not.toHaveProperty('progress');
    expect(valid('newapi/task.json', task)).toEqual([]);
  });

  it('an AceData tasks request without action is a retrieve, never a generate', () => {
    expect(valid('acedata/tasks-request.json', { id: 'x' })).toEqual([]);
    expect(valid('acedata/tasks-request.json', { id: 'x', action: 'generate' })).not.toEqual([]);
  });
});
