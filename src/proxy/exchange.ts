import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One proxied request and the vendor's answer, as a recording keeps it. */
export interface Exchange {
  readonly profile: string;
  readonly method: string;
  /** Path under the profile, with its query string. */
  readonly url: string;
  readonly request: { readonly headers: Record<string, string>; readonly body: unknown };
  readonly response: {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: unknown;
  };
  /** Wall time of the answer: replay plays exchanges at their recorded pace. */
  readonly recorded_at: string;
}

/** Text as JSON when it is JSON, else as it is. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const slug = (url: string) =>
  url
    .replace(/\?.*$/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Writes an exchange under `dir/<profile>/`, with every secret string replaced. */
export function saveExchange(
  dir: string,
  seq: number,
  exchange: Exchange,
  secrets: string[],
): string {
  let text = JSON.stringify(exchange, null, 2);
  for (const secret of secrets)
    if (secret.length >= 4) text = text.replaceAll(secret, '[redacted]');
  const folder = join(dir, exchange.profile);
  mkdirSync(folder, { recursive: true });
  // Named by time, then order: files of several runs sort in the order they were recorded.
  const stamp = exchange.recorded_at.replace(/\D/g, '');
  const name = `${stamp}-${String(seq).padStart(5, '0')}-${exchange.method}-${slug(exchange.url)}.json`;
  const file = join(folder, name);
  writeFileSync(file, `${text}\n`);
  return file;
}

/** Every recorded exchange under `dir`, oldest first. */
export function loadExchanges(dir: string): Exchange[] {
  const exchanges: Exchange[] = [];
  for (const profile of readdirSync(dir, { withFileTypes: true })) {
    if (!profile.isDirectory()) continue;
    for (const file of readdirSync(join(dir, profile.name)).sort()) {
      if (!file.endsWith('.json')) continue;
      const path = join(dir, profile.name, file);
      try {
        exchanges.push(JSON.parse(readFileSync(path, 'utf8')) as Exchange);
      } catch (error) {
        throw new Error(`recording ${path} is not valid JSON: ${(error as Error).message}`);
      }
    }
  }
  return exchanges.sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
}
