import type { RequestHandler } from 'express';
import { type Finding, findingOf } from '../contract/findings.js';
import { schemaForAnswer } from '../contract/routeSchemas.js';
import { MockError } from '../core/errors.js';
import { redactHeaders } from '../server/journal.js';
import { type SchemaRegistry, schemaId } from '../validation/schemas.js';
import { type Exchange, parseBody, saveExchange } from './exchange.js';

/** Hop-by-hop and length headers: the proxy's own connection decides these. */
const HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'accept-encoding',
  'upgrade',
  'proxy-connection',
]);

export const CONTRACT_HEADER = 'X-Luma-Mock-Contract';

export interface ProxyOptions {
  readonly profile: string;
  readonly target: string;
  readonly schemas: SchemaRegistry;
  readonly log: (line: string) => void;
  /** Where to record exchanges, if anywhere. */
  readonly recordDir?: string | undefined;
  readonly nextSeq: () => number;
}

/** Header value text: ASCII only, short. */
function headerSafe(text: string): string {
  const ascii = text.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return ascii.length > 900 ? `${ascii.slice(0, 897)}...` : ascii;
}

/**
 * Forwards a profile's traffic to the vendor byte for byte, checks each answer against the
 * contract on the way back, and says what it found in a response header and the log. The
 * client receives exactly what the vendor sent, plus that header.
 */
export function proxyRoutes(options: ProxyOptions): RequestHandler {
  const base = options.target.replace(/\/+$/, '');
  return async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP.has(name))
        headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    let upstream: Response;
    try {
      upstream = await fetch(`${base}${req.url}`, {
        method: req.method,
        headers,
        ...(raw.length > 0 ? { body: raw } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(300_000),
      });
    } catch (error) {
      const cause =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new MockError('internal', `The vendor at ${base} could not be reached: ${cause}`, {
        status: 502,
      });
    }
    const bytes = Buffer.from(await upstream.arrayBuffer());
    const requestBody = parseBody(raw.toString('utf8'));
    req.body = requestBody;
    const responseBody = parseBody(bytes.toString('utf8'));

    const findings: Finding[] = [];
    const contract = schemaForAnswer(
      options.profile,
      req.method,
      req.path,
      upstream.status,
      requestBody,
    );
    if (contract) {
      const issues = options.schemas.validate(schemaId(contract.schema), responseBody);
      for (const issue of issues) findings.push(findingOf(contract.route, issue, responseBody));
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    const summary = !contract
      ? 'unchecked'
      : findings.length === 0
        ? 'ok'
        : `errors=${errors}; warnings=${findings.length - errors}; ${findings
            .map((f) => `${f.path} expected ${f.expected}, got ${f.actual}`)
            .join('; ')}`;
    if (findings.length > 0) {
      options.log(
        `contract ${options.profile} ${req.method} ${req.path} ${upstream.status}: ${summary}`,
      );
    }

    const answerHeaders: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (!HOP.has(name)) answerHeaders[name] = value;
    });
    res.status(upstream.status).set(answerHeaders).set(CONTRACT_HEADER, headerSafe(summary));
    res.end(bytes);

    if (options.recordDir) {
      const exchange: Exchange = {
        profile: options.profile,
        method: req.method,
        url: req.url,
        request: { headers: redactHeaders(req.headers), body: requestBody },
        response: { status: upstream.status, headers: answerHeaders, body: responseBody },
        recorded_at: new Date().toISOString(),
      };
      const token = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
      saveExchange(options.recordDir, options.nextSeq(), exchange, token ? [token] : []);
    }
  };
}
