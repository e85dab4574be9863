import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCHEMA_DIR } from '../src/validation/schemas.js';

type Json = Record<string, unknown>;

/** `schemas/<file>` with every `$ref` inlined, for tools that resolve refs their own way. */
function inlined(file: string): Json {
  const root = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Json;
  const walk = (node: unknown, doc: Json, docFile: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, doc, docFile));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string') {
      const [path, pointer = ''] = ref.split('#');
      const targetFile = path ? join(dirname(docFile), path) : docFile;
      const target = path ? (JSON.parse(readFileSync(join(SCHEMA_DIR, targetFile), 'utf8')) as Json) : doc;
      const sub = pointer.split('/').filter(Boolean).reduce<unknown>((n, k) => (n as Json)[k], target);
      return walk(sub, target, targetFile);
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$id' || k === '$schema' || k === 'definitions') continue;
      out[k] = walk(v, doc, docFile);
    }
    return out;
  };
  return walk(root, root, file) as Json;
}

/** An OpenAPI 3.1 document for one route, its answer the given example, for Prism to mock. */
export function openApiFor(path: string, schemaFile: string, example: unknown): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'luma-mock schemas', version: '1' },
    paths: {
      [path]: {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': {
              description: 'the generation',
              content: { 'application/json': { schema: inlined(schemaFile), example } },
            },
          },
        },
      },
    },
  };
}
