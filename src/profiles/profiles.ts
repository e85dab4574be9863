import { acedata } from './acedata.js';
import { gptge } from './gptge.js';
import { lumalabs } from './lumalabs.js';
import type { Profile } from './profile.js';
import { rixapi } from './rixapi.js';
import { yunwu } from './yunwu.js';

export const PROFILES: readonly Profile[] = [acedata, yunwu, gptge, rixapi, lumalabs];
