import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formats from 'ajv-formats';
import { type Issue, MockError } from '../core/errors.js';

/** Every schema's `$id` starts here; the rest is its path under `schemas/`. */
export const SCHEMA_BASE = 'https://luma-mock.local/schemas/';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function schemaId(path: string): string {
  return `${SCHEMA_BASE}${path}`;
}

export interface SchemaRegistry {
  /** The issues of `data` against the schema, empty when it conforms. */
  validate(id: string, data: unknown): Issue[];
  ids(): string[];
}

function* jsonFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}

function toIssue(error: ErrorObject): Issue {
  const { params, keyword, instancePath } = error;
  switch (keyword) {
    case 'required':
      return {
        location: `${instancePath}/${params.missingProperty}`,
        message: 'is required',
        keyword,
      };
    case 'additionalProperties':
      return {
        location: `${instancePath}/${params.additionalProperty}`,
        message: 'is not allowed',
        keyword,
      };
    case 'enum':
      return {
        location: instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}`,
        keyword,
      };
    case 'const':
      return {
        location: instancePath,
        message: `must be ${JSON.stringify(params.allowedValue)}`,
        keyword,
      };
    default:
      return { location: instancePath, message: error.message ?? 'is invalid', keyword };
  }
}

const within = (path: string, parent: string) => path.startsWith(`${parent}/`);

/**
 * Ajv's errors as issues a person reads. `if` adds nothing the branch it chose does not say.
 * When a value took the shape of one `oneOf`/`anyOf` branch and went wrong inside it, only
 * the errors inside are kept (not "must be null", not "must match exactly one schema").
 * The alternatives of an `anyOf` of required fields read as one "needs one of".
 */
function toIssues(errors: readonly ErrorObject[]): Issue[] {
  const issues: Issue[] = [];
  const absorbed = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    const at = error.instancePath;
    const branches = errors.filter(
      (e) => e.keyword === 'required' && e.schemaPath.startsWith(`${error.schemaPath}/`),
    );
    if (branches.length > 0) {
      for (const branch of branches) absorbed.add(branch);
      absorbed.add(error);
      const names = branches.map((branch) => branch.params.missingProperty as string);
      issues.push({ location: at, message: `needs one of ${names.join(', ')}`, keyword: 'anyOf' });
    } else if (errors.some((e) => within(toIssue(e).location, at))) {
      absorbed.add(error);
      for (const e of errors) {
        if (e.instancePath === at && (e.keyword === 'type' || e.keyword === 'const'))
          absorbed.add(e);
      }
    }
  }
  for (const error of errors) {
    if (error.keyword !== 'if' && !absorbed.has(error)) issues.push(toIssue(error));
  }
  return issues;
}

/** `/video/width` → `video.width`; the body itself is `body`. */
export function describeLocation(location: string): string {
  return location === '' ? 'body' : location.slice(1).replaceAll('/', '.');
}

export function describeIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `${describeLocation(issue.location)} ${issue.message}`).join('; ');
}

function load(dir: string): SchemaRegistry {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  // ajv-formats is CommonJS; under NodeNext its callable default sits on `.default`.
  formats.default(ajv);
  const ids: string[] = [];
  for (const file of jsonFiles(dir)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
    if (typeof schema.$id !== 'string') throw new Error(`${file}: schema has no $id`);
    ajv.addSchema(schema);
    ids.push(schema.$id);
  }
  const compiled = new Map<string, ValidateFunction>();
  for (const id of ids) compiled.set(id, ajv.getSchema(id) as ValidateFunction);
  return {
    validate(id, data) {
      let validate = compiled.get(id);
      if (!validate) {
        // A reference into a schema (`…/x.json#/definitions/y`), compiled on first use.
        validate = ajv.getSchema(id);
        if (!validate) throw new Error(`unknown schema ${id}`);
        compiled.set(id, validate);
      }
      return validate(data) ? [] : toIssues(validate.errors ?? []);
    },
    ids: () => [...ids],
  };
}

const loaded = new Map<string, SchemaRegistry>();

/** The one Ajv of the process: each schema directory is read and compiled once. */
export function loadSchemas(dir: string = SCHEMA_DIR): SchemaRegistry {
  let registry = loaded.get(dir);
  if (!registry) {
    registry = load(dir);
    loaded.set(dir, registry);
  }
  return registry;
}

/** `data` as `T` when it conforms to `schemas/<path>`; otherwise a 400 naming every bad field. */
export function assertValid<T>(schemas: SchemaRegistry, path: string, data: unknown): T {
  const issues = schemas.validate(schemaId(path), data);
  if (issues.length > 0) throw new MockError('bad_request', describeIssues(issues), { issues });
  return data as T;
}
