/** GitLab CI: context from CI_* variables, collapsible log sections. */
import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Provider, ReleaseContext } from './types.js';
export declare const gitlabLogStyle: LogStyle;
export declare function gitlabContext(env: Env): ReleaseContext;
export declare const gitlab: Provider;
