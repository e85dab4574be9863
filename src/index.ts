export { Control } from './admin/control.js';
export type { FaultWire, ScenarioWire } from './admin/wire.js';
export { Clock, type ClockMode, type ClockSnapshot } from './core/clock.js';
export { MockError, type MockErrorKind } from './core/errors.js';
export { type Phase, statusAt, type TaskStatus } from './core/lifecycle.js';
export type { Task, TaskPlan } from './core/task.js';
export { createLumaMock, type LumaMock } from './createLumaMock.js';
export {
  DEFAULT_PLAN,
  type MockOptions,
  type MockOptionsInput,
  resolveOptions,
} from './options.js';
export type { Profile } from './profiles/profile.js';
export { PROFILES } from './profiles/profiles.js';
export { createApp } from './server/createApp.js';
export { createDeps, type MockDeps } from './server/createDeps.js';
export { listen, type RunningServer } from './server/listen.js';
export { loadSchemas, type SchemaRegistry, schemaId } from './validation/schemas.js';
