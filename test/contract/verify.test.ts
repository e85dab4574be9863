import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROFILE_CONTRACTS } from '../../src/contract/profileContracts.js';
import { runVerify, type VerifyIO } from '../../src/contract/runVerify.js';
import { createLumaMock } from '../../src/createLumaMock.js';
import { loadSchemas } from '../../src/validation/schemas.js';
import { type CliIO, verifyMain } from '../../src/verifyCli.js';
import { startDriftServer } from '../support/driftServer.js';

const TOKEN = 'sk-very-secret-token-42';
const BASE_PATHS: Record<string, string> = {
  acedata: '/acedata',
  yunwu: '/yunwu',
  gptge: '/gptge',
  rixapi: '/rixapi',
  lumalabs: '/lumalabs/dream-machine/v1',
};

/** Captures a verify run's outputs instead of the terminal's. */
function capture(sleep: CliIO['sleep'] = () => {}) {
  const outputs = { stdout: '', stderr: '', files: {} as Record<string, string> };
  const io: CliIO = {
    fetch,
    sleep,
    now: Date.now,
    stdout: (text) => {
      outputs.stdout += text;
    },
    stderr: (text) => {
      outputs.stderr += text;
    },
    writeFile: (path, text) => {
      outputs.files[path] = text;
    },
  };
  return { io, outputs };
}

describe.each(Object.keys(PROFILE_CONTRACTS))('verify against the mock’s %s profile', (profile) => {
  it('passes with existing tasks at every state and a created task followed to its end', async () => {
    const mock = createLumaMock({ log: () => {} });
    const { url } = await mock.listen();
    const ids = [0, 60_000, 10 ** 6].map(
      (elapsed_ms, i) =>
        mock.tasks.seed({ profile, id: `seeded-${i}`, prompt: 'x', elapsed_ms }).id,
    );
    const io: VerifyIO = {
      fetch,
      // The created task is followed on the mock's clock: no waiting on the wall clock.
      sleep: (ms) => {
        mock.clock.advance(ms);
      },
      now: () => Date.parse(mock.clock.now()),
      progress: () => {},
    };
    const report = await runVerify(
      {
        profile,
        baseUrl: `${url}${BASE_PATHS[profile]}`,
        token: TOKEN,
        taskIds: ids,
        create: true,
        timeoutMs: 3_600_000,
        intervalMs: 5_000,
      },
      loadSchemas(),
      io,
    );
    await mock.close();
    expect(report.checks.flatMap((c) => c.findings)).toEqual([]);
    expect(report.checks.length).toBeGreaterThan(10);
    const created = mock.tasks.list().find((t) => !t.id.startsWith('seeded-'));
    expect(created?.state).toBe('completed');
  });
});

describe('verify against a vendor that drifts from its docs', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  async function verifyDrift(drift: Parameters<typeof startDriftServer>[0], extra: string[] = []) {
    const server = await startDriftServer(drift);
    servers.push(server);
    const { io, outputs } = capture();
    const argv = [
      '--profile',
      'yunwu',
      '--base-url',
      server.url,
      '--task-id',
      'e70f',
      '--json',
      ...extra,
    ];
    const code = await verifyMain(argv, { LUMA_VERIFY_TOKEN: TOKEN }, io);
    return { code, outputs, report: JSON.parse(outputs.stdout), server };
  }

  it('names a removed field as an error at its path, in single and batch answers', async () => {
    const { code, report } = await verifyDrift((g) => {
      delete (g.video as Record<string, unknown>).width;
      return g;
    });
    expect(code).toBe(1);
    const findings = report.checks.flatMap((c: { findings: unknown[] }) => c.findings);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'video.width',
        expected: 'present',
        actual: 'missing',
      }),
      expect.objectContaining({
        severity: 'error',
        path: '[0].video.width',
        route: 'POST /luma/tasks',
      }),
    ]);
  });

  it('names a changed type as an error with what came back', async () => {
    const { code, report } = await verifyDrift((g) => ({ ...g, created_at: 1734874720 }));
    expect(code).toBe(1);
    expect(report.checks[0].findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'created_at',
        expected: 'string',
        actual: '1734874720',
      }),
    ]);
  });

  it('names a new enum value as an error', async () => {
    const { code, report } = await verifyDrift((g) => ({ ...g, state: 'queued' }));
    expect(code).toBe(1);
    expect(report.checks[0].findings[0]).toMatchObject({
      severity: 'error',
      path: 'state',
      expected: 'one of pending, processing, completed, failed',
      actual: '"queued"',
    });
  });

  it('names an undocumented extra field as a warning, and exits 0', async () => {
    const { code, report } = await verifyDrift((g) => ({ ...g, watermark: false }));
    expect(code).toBe(0);
    expect(report).toMatchObject({ errors: 0, warnings: 2 });
    expect(report.checks[0].findings).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'watermark', actual: 'false' }),
    ]);
  });

  it('reports a state that goes backwards across polls as a lifecycle error', async () => {
    const backwards = { state: 'processing', video: null, video_raw: null, artifact: null };
    const { code, report } = await verifyDrift(
      (g, poll) => (poll === 0 ? g : { ...g, ...backwards, thumbnail: null, last_frame: null }),
      ['--task-id', 'e70f'],
    );
    expect(code).toBe(1);
    const laws = report.checks.flatMap((c: { findings: { path: string }[] }) =>
      c.findings.filter((f) => f.path === '(lifecycle)'),
    );
    expect(laws[0]).toMatchObject({
      expected: 'terminal state completed to stay',
      actual: 'completed → processing',
    });
  });

  it('writes JUnit XML with one failing test case per failing check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-'));
    const file = join(dir, 'out.xml');
    const { outputs } = await verifyDrift((g) => ({ ...g, state: 7 }), ['--report-junit', file]);
    const xml = outputs.files[file] as string;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<testsuite name="yunwu" tests="2" failures="2"');
    expect(xml).toContain('<failure type="contract" message="state: expected string, got 7"/>');
    rmSync(dir, { recursive: true, force: true });
  });

  it('never shows the token, even when the vendor echoes it back', async () => {
    const server = await startDriftServer((g) => g);
    servers.push(server);
    const echo = await startDriftServer((g) => ({ ...g, debug: `Authorization: Bearer ${TOKEN}` }));
    servers.push(echo);
    for (const [url, json] of [
      [server.url, false],
      [echo.url, true],
      [echo.url, false],
    ] as const) {
      const { io, outputs } = capture();
      const argv = ['--profile', 'yunwu', '--base-url', url, '--token', TOKEN, '--task-id', 'a'];
      await verifyMain([...argv, ...(json ? ['--json'] : []), '--report-junit', 'r.xml'], {}, io);
      const everything = outputs.stdout + outputs.stderr + Object.values(outputs.files).join('');
      expect(everything).not.toContain(TOKEN);
      expect(everything.length).toBeGreaterThan(100);
    }
    expect(server.seen[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('exits 2 for usage errors and for a vendor it cannot reach', async () => {
    const usage = capture();
    expect(await verifyMain(['--profile', 'nope'], {}, usage.io)).toBe(2);
    expect(usage.outputs.stderr).toContain('--profile must be one of');
    const noToken = capture();
    expect(
      await verifyMain(
        ['--profile', 'yunwu', '--base-url', 'http://x.test', '--task-id', 'a'],
        {},
        noToken.io,
      ),
    ).toBe(2);
    expect(noToken.outputs.stderr).toContain('a token is needed');
    const server = await startDriftServer((g) => g);
    await server.close();
    const down = capture();
    const argv = [
      '--profile',
      'yunwu',
      '--base-url',
      server.url,
      '--token',
      TOKEN,
      '--task-id',
      'a',
    ];
    expect(await verifyMain(argv, {}, down.io)).toBe(2);
    expect(down.outputs.stderr).toContain('ECONNREFUSED');
    expect(down.outputs.stderr).not.toContain(TOKEN);
  });

  it('prints a readable report by default', async () => {
    const server = await startDriftServer((g) => ({ ...g, state: 'queued' }));
    servers.push(server);
    const { io, outputs } = capture();
    await verifyMain(
      ['--profile', 'yunwu', '--base-url', server.url, '--token', TOKEN, '--task-id', 'a'],
      {},
      io,
    );
    expect(outputs.stdout).toContain('✗ GET /luma/generations/{id} (a)  200');
    expect(outputs.stdout).toMatch(
      /error\s+state\s+expected one of pending, processing, completed, failed, got "queued"/,
    );
    expect(outputs.stdout).toContain('2 checks: 2 errors, 0 warnings (contract errors)');
    expect(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).toContain(
      '"verify"',
    );
  });
});
