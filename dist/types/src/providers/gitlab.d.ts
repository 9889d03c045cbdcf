import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Provider, ReleaseContext } from './types.js';
export declare const gitlabLogStyle: LogStyle;
export declare function gitlabContext(env: Env): ReleaseContext;
export declare const DEFAULT_DOTENV = "mlserver-release.env";
/**
 * GitLab's dotenv reports take KEY=value lines; keys become MLSERVER_<OUTPUT>,
 * and each metric MLSERVER_METRIC_<NAME> while GitLab's limits allow (see
 * dotenvReport in ci-text.ts, which also says what was left out).
 */
export declare function dotenvText(outputs: Record<string, string>, metrics?: Record<string, unknown>): string;
export declare const gitlab: Provider;
