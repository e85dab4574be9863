import { describe, expect, it } from 'vitest';
import { runVerify, type VerifyIO } from '../../src/contract/runVerify.js';
import { loadSchemas } from '../../src/validation/schemas.js';

const { LIVE_PROFILE, LIVE_BASE_URL, LIVE_TOKEN, LIVE_TASK_IDS, LIVE_CREATE } = process.env;
const live = Boolean(LIVE_PROFILE && LIVE_BASE_URL && LIVE_TOKEN && (LIVE_TASK_IDS || LIVE_CREATE));

describe('the contract against a live vendor', () => {
  it.skipIf(!live)(
    `${live ? LIVE_PROFILE : 'skipped: set LIVE_PROFILE, LIVE_BASE_URL, LIVE_TOKEN and LIVE_TASK_IDS (comma-separated) or LIVE_CREATE=1 to run'}`,
    async () => {
      const io: VerifyIO = {
        fetch,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: Date.now,
        progress: () => {},
      };
      const report = await runVerify(
        {
          profile: LIVE_PROFILE as string,
          baseUrl: LIVE_BASE_URL as string,
          token: LIVE_TOKEN as string,
          taskIds: (LIVE_TASK_IDS ?? '').split(',').filter(Boolean),
          create: LIVE_CREATE === '1',
          timeoutMs: 900_000,
          intervalMs: 10_000,
        },
        loadSchemas(),
        io,
      );
      const errors = report.checks.flatMap((c) => c.findings).filter((f) => f.severity === 'error');
      expect(errors).toEqual([]);
    },
    1_000_000,
  );
});
