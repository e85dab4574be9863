import express, { type Express } from 'express';
import { adminRoutes } from '../admin/adminRoutes.js';
import { Control } from '../admin/control.js';
import { renderAdminError } from '../admin/renderAdminError.js';
import type { FastPoll, FastQuery } from '../dialects/kit.js';
import type { MockOptions } from '../options.js';
import { PROFILES } from '../profiles/profiles.js';
import { proxyRoutes } from '../proxy/proxyRoutes.js';
import { replayRoutes } from '../proxy/replayRoutes.js';
import { bearerAuth, tokenCheck } from './bearerAuth.js';
import type { MockDeps } from './createDeps.js';
import { fastLane, type LaneRoute } from './fastLane.js';
import { injectFaults } from './injectFaults.js';
import { journalRequests } from './journalRequests.js';
import { jsonBody } from './jsonBody.js';
import { prefer } from './prefer.js';
import { noRoute, renderErrors } from './renderErrors.js';

/**
 * The whole mock as an Express app: every vendor profile under its base path and the admin
 * API under `/__admin`. It never listens and never reads the environment.
 */
export function createApp(deps: MockDeps, options: MockOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Vendors send no ETag; a 304 would hide state changes from a polling client.
  app.set('etag', false);
  const body = jsonBody(options.bodyLimit);
  const adminErrors = renderErrors(renderAdminError, deps.random, options.log);

  const adminAuth = options.adminToken === undefined ? [] : [bearerAuth([options.adminToken])];
  const admin = express.Router();
  admin.use(...adminAuth, body, adminRoutes(new Control(deps, options)), noRoute, adminErrors);
  app.use('/__admin', admin);

  let recorded = 0;
  const lanes: LaneRoute[] = [];
  const raw = express.raw({ limit: options.bodyLimit, type: () => true });
  for (const profile of PROFILES) {
    // One router per profile, the dialect's routes registered on it: a request meets one
    // layer per profile on its way, not a nest of routers.
    const router = express.Router();
    router.use(
      journalRequests(profile.name, deps.journal, deps.clock),
      injectFaults(profile.name, deps.faults, deps.random),
    );
    const target = options.proxy[profile.name];
    const replayed = options.replay.some((exchange) => exchange.profile === profile.name);
    if (target) {
      // A proxied or replayed profile answers as the vendor did: no mock auth, the body untouched.
      router.use(
        raw,
        proxyRoutes({
          profile: profile.name,
          target,
          schemas: deps.schemas,
          log: options.log,
          recordDir: options.recordDir,
          nextSeq: () => ++recorded,
        }),
      );
    } else if (replayed) {
      router.use(raw, replayRoutes(profile.name, options.replay, deps.clock));
    } else {
      router.use(bearerAuth(options.tokens), body, prefer(deps.scenarios, deps.schemas));
      const fastPolls: FastPoll[] = [];
      const fastQueries: FastQuery[] = [];
      profile.routes({
        profile: profile.name,
        router,
        fastPolls,
        fastQueries,
        engine: deps.engine,
        scheduler: deps.scheduler,
        schemas: deps.schemas,
      });
      lanes.push({
        profile: profile.name,
        basePath: profile.basePath,
        polls: fastPolls,
        queries: fastQueries,
        errors: { render: profile.renderError, random: deps.random, log: options.log },
      });
    }
    router.use(noRoute, renderErrors(profile.renderError, deps.random, options.log));
    app.use(profile.basePath, router);
  }

  app.use(noRoute, adminErrors);
  // Served ahead of the app when it listens (see `listen`); supertest drives the app alone.
  app.locals.fastLane = fastLane(lanes, deps, tokenCheck(options.tokens), body);
  return app;
}
