import { type Request, type Response, Router } from 'express';
import type { Control, TaskSeedWire } from './control.js';
import type { FaultWire, ScenarioWire } from './wire.js';

type Params = { profile: string; id: string };

const query = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
};

/** `/__admin`: thin HTTP over `Control`. */
export function adminRoutes(control: Control): Router {
  const router = Router();

  router.get('/clock', (_req, res: Response) => {
    res.json(control.clock());
  });
  router.post('/clock/advance', (req, res: Response) => {
    res.json(control.advance(req.body?.ms));
  });
  router.post('/clock/set', (req, res: Response) => {
    res.json(control.setClock(req.body?.now));
  });
  router.post('/clock/freeze', (_req, res: Response) => {
    res.json(control.freeze());
  });
  router.post(['/clock/resume', '/clock/unfreeze'], (_req, res: Response) => {
    res.json(control.resume());
  });
  router.post('/clock/speed', (req, res: Response) => {
    res.json(control.setSpeed(req.body?.speed));
  });

  router.post('/scenarios', (req, res: Response) => {
    res.status(201).json(control.addScenario(req.body as ScenarioWire));
  });
  router.get('/scenarios', (_req, res: Response) => {
    res.json({ scenarios: control.scenarios() });
  });
  router.delete('/scenarios/:id', (req: Request<{ id: string }>, res: Response) => {
    control.removeScenario(req.params.id);
    res.status(204).end();
  });
  router.delete('/scenarios', (_req, res: Response) => {
    control.clearScenarios();
    res.status(204).end();
  });

  router.post('/faults', (req, res: Response) => {
    res.status(201).json(control.addFault(req.body as FaultWire));
  });
  router.get('/faults', (_req, res: Response) => {
    res.json({ faults: control.faults() });
  });
  router.delete('/faults/:id', (req: Request<{ id: string }>, res: Response) => {
    control.removeFault(req.params.id);
    res.status(204).end();
  });
  router.delete('/faults', (_req, res: Response) => {
    control.clearFaults();
    res.status(204).end();
  });

  router.get('/tasks', (_req, res: Response) => {
    res.json({ tasks: control.tasks() });
  });
  router.post('/tasks', (req, res: Response) => {
    res.status(201).json(control.seedTask(req.body as TaskSeedWire));
  });
  router.get('/tasks/:profile/:id', (req: Request<Params>, res: Response) => {
    res.json(control.task(req.params.profile, req.params.id));
  });
  router.delete('/tasks/:profile/:id', (req: Request<Params>, res: Response) => {
    control.deleteTask(req.params.profile, req.params.id);
    res.status(204).end();
  });
  router.get('/tasks/:profile/:id/polls', (req: Request<Params>, res: Response) => {
    res.json(control.polls(req.params.profile, req.params.id));
  });

  router.get('/requests', (req, res: Response) => {
    const filter = {
      profile: query(req, 'profile'),
      path: query(req, 'path'),
      method: query(req, 'method'),
      task: query(req, 'task'),
    };
    res.json({ requests: control.requests(filter) });
  });
  router.delete('/requests', (_req, res: Response) => {
    control.clearRequests();
    res.status(204).end();
  });

  router.get('/callbacks', (req, res: Response) => {
    const filter = { profile: query(req, 'profile'), task: query(req, 'task') };
    res.json({ deliveries: control.deliveries(filter) });
  });

  router.post('/reset', (_req, res: Response) => {
    control.reset();
    res.json({ reset: true });
  });

  return router;
}
