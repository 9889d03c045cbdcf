import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Provider, ReleaseContext } from './types.js';
export declare const githubLogStyle: LogStyle;
export declare function githubContext(env: Env): ReleaseContext;
export declare const github: Provider;
