/**
 * The release told for people: a Markdown table for CI summaries, the curl line
 * for the V2 request, and the flat key/values that CI outputs carry. Every value
 * in the Markdown passes through the CI escaper (providers/ci-text.ts): a name
 * with a newline, `|` or HTML stays inside its cell.
 */
import type { Env } from './process.js';
import type { ReleaseResult } from './results.js';
export { commitUrl, rawFileUrl } from './stores/links.js';
import { type ComparisonRow } from './metrics/gate.js';
/** The metrics table and the figures, in Markdown, for summaries and reviews. */
export declare function reportMarkdown(report: {
    rows: ComparisonRow[];
    baseline?: {
        version: string;
    };
    figures: Array<{
        path: string;
    }>;
    notes: string[];
}, version: string, figureUrl: (file: string) => string | undefined): string;
export declare function curlLine(result: ReleaseResult, serverUrl?: string): string;
/**
 * The body of a release's or promotion's job summary (the headline comes from the
 * report). Figures link through the commit, a permalink, never through a branch
 * that a merge may delete.
 */
export declare function summaryMarkdown(result: ReleaseResult, env: Env, promoted?: boolean): string;
/** The outputs a CI step exposes, named as in action.yml. */
export declare function resultOutputs(result: ReleaseResult): Record<string, string>;
