export { release, type ReleaseResult, type ReleaseRuntime, type ReleaseStatus } from './release.js';
export type { ReleaseOptions } from './plan.js';
export { ReleaseError, EXIT, CATALOG, type ErrorCode } from './errors.js';
export { Logger, silentLogger } from './log.js';
export { Redactor } from './redact.js';
export { renderSettings, validateSettings } from './settings.js';
export { detectProvider, PROVIDERS } from './providers/index.js';
export declare function main(): Promise<void>;
