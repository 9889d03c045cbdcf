/**
 * The release told for people: a Markdown table for CI summaries, the curl line
 * for the V2 request, and the flat key/values that CI outputs carry.
 */
import type { Env } from './process.js';
import type { ReleaseResult } from './release.js';
/** A browsable link to the release commit, where the host is known. */
export declare function commitUrl(result: ReleaseResult, env: Env): string | undefined;
export declare function curlLine(result: ReleaseResult, serverUrl?: string): string;
export declare function summaryMarkdown(result: ReleaseResult, env: Env): string;
/** The outputs a CI step exposes, named as in action.yml. */
export declare function resultOutputs(result: ReleaseResult): Record<string, string>;
