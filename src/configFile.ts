import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FaultWire, ScenarioWire } from './admin/wire.js';
import { describeIssues, loadSchemas, schemaId } from './validation/schemas.js';

/** The settings of `luma-mock.config.json`, named as in the file. */
export interface ConfigFile {
  port?: number;
  host?: string;
  clock?: 'real' | 'manual';
  speed?: number;
  start?: string;
  seed?: number;
  tokens?: string[];
  queue_seconds?: number;
  render_seconds?: number;
  jitter?: number;
  fail_rate?: number;
  failure_reason?: string;
  body_limit?: string;
  journal_limit?: number;
  max_tasks?: number;
  scenarios?: ScenarioWire[];
  faults?: FaultWire[];
  proxy?: Record<string, string>;
  record?: string;
  replay?: string;
  data_dir?: string;
  admin_token?: string;
}

export const DEFAULT_CONFIG_FILE = 'luma-mock.config.json';

/**
 * Reads and checks a config file. `path` given: it must exist. Not given: the default file in
 * `cwd` if there is one. A bad file is refused with its name, the field and the reason.
 */
export function readConfigFile(path: string | undefined, cwd: string): ConfigFile {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  if (path === undefined && !existsSync(file)) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read config file ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new Error(`config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const issues = loadSchemas().validate(schemaId('admin/config.json'), config);
  if (issues.length > 0) throw new Error(`config file ${file}: ${describeIssues(issues)}`);
  return config as ConfigFile;
}
