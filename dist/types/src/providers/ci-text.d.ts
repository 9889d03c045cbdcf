/**
 * The one escaper for everything that reaches a CI: log lines, job summaries,
 * pull/merge request bodies, and GitLab's dotenv report. Metric names, class
 * names, versions read from a store and file names are data other people wrote;
 * nothing here lets them become a runner command, a log section, a table row or
 * a variable of their own.
 *
 * What the hosts read:
 * - GitHub's runner splits a step's output into lines at \n and \r, trims the
 *   line's leading whitespace (.NET TrimStart), and runs it as a command when it
 *   starts with `::` (`::error::`, `::add-mask::`, `::stop-commands::`...); it
 *   also runs the legacy form `##[command]` found *anywhere* in a line
 *   (actions/runner src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse).
 *   We break both markers with a ZERO WIDTH SPACE (U+200B), which the reader does
 *   not see and .NET does not count as whitespace, and show \r as `\r`.
 * - GitLab's log opens and closes collapsible sections on
 *   `section_start:<time>:<name>` followed by `\r\e[0K` (gitlab-org/gitlab
 *   lib/gitlab/regex.rb, build_trace_section_regex). Data never keeps a raw CR or
 *   ESC (colours excepted), and the marker words are broken too.
 * - Markdown (summaries, reviews): a table row ends at a newline and a cell at
 *   `|`; HTML and Markdown punctuation are escaped so a name cannot add rows,
 *   links, images or tags.
 * - dotenv: see dotenvReport below.
 */
/**
 * Every control character made visible (`\n`, `\r`, `\u001b`, `\u202e`); tab
 * kept. `keepNewlines` keeps \n for text meant to span lines; `keepColour` keeps
 * SGR colour sequences for log lines.
 */
export declare function visible(text: string, options?: {
    keepNewlines?: boolean;
    keepColour?: boolean;
}): string;
/**
 * Text for the log, on any host: each line keeps its colours, loses every other
 * control character (CR shown as `\r`), and cannot be a GitHub workflow command
 * or a GitLab section marker. Every line the Logger prints from data passes here.
 */
export declare function logText(text: string): string;
/** One line of data for a log or a text table: newlines shown as `\n`, markers broken. */
export declare function oneLine(text: string): string;
/** A cell of a text table printed to a terminal or log. */
export declare const textCell: typeof oneLine;
/**
 * Data as Markdown text, safe in a paragraph and in a table cell: one line, HTML
 * special characters as entities (so no tags), `|` as `&#124;` (GFM splits cells
 * on a raw `|` before anything else, so an entity does not split), and Markdown
 * punctuation backslash-escaped (no emphasis, links, images or code spans).
 */
export declare function markdownText(text: string): string;
/**
 * Data as inline code. Plain values keep the usual backtick span; anything with
 * a backtick, `|`, `<`, `&` or a control character becomes `<code>` with
 * entities, which renders the same and cannot end early or split a table cell.
 */
export declare function markdownCode(text: string): string;
/** A URL as a Markdown link target (`<...>` form), or escaped text when it is not a plain http(s) URL. */
export declare function markdownUrl(url: string): string;
/**
 * A link destination for `[text](...)` and `![alt](...)`: the URL itself when it
 * is a plain http(s) URL without spaces, parentheses or angle brackets, else the
 * `<...>` form with those characters percent-encoded.
 */
export declare function markdownLinkTarget(url: string): string;
/** A fenced code block that the text cannot close: the fence is longer than any run of backticks in it. */
export declare function markdownFence(text: string, info?: string): string;
/** One row of a Markdown table from cells already escaped with markdownText/markdownCode. */
export declare function markdownRow(cells: string[]): string;
/** GitLab refuses a dotenv report whose size is not below this (5 KB). */
export declare const DOTENV_SIZE_LIMIT = 5120;
/** GitLab Self-Managed's default `dotenv_variables` limit; GitLab.com allows 50 or more. */
export declare const DOTENV_VARIABLE_LIMIT = 20;
/** A dotenv key: `MLSERVER_` and the name in upper case, every run of other characters one `_`. */
export declare function dotenvKey(name: string): string;
/** A dotenv value: one line, every control character shown as an escape, no surrounding spaces (GitLab strips them). */
export declare function dotenvValue(value: string): string;
export interface DotenvReport {
    text: string;
    /** Keys written, in order. */
    keys: string[];
    /** What the log should say: shortened values, metrics left out, name collisions. */
    warnings: string[];
}
/**
 * The dotenv report: our own outputs first (MLSERVER_<OUTPUT>), always within
 * the limits; then one MLSERVER_METRIC_<NAME> per metric while they fit. Our
 * own values longer than 300 bytes are shortened; `metrics` (a JSON object) keeps
 * the metrics that fit and stays valid JSON. Two metric names that map to one
 * key (`a.b` and `a_b`, `Acc` and `acc`): the first keeps it, the collision is
 * reported.
 */
export declare function dotenvReport(outputs: Record<string, string>, metrics?: Record<string, unknown>, limits?: {
    bytes: number;
    variables: number;
}): DotenvReport;
/**
 * The legacy entry point: `KEY=value` lines for outputs only, no limits applied.
 * Prefer dotenvReport.
 */
export declare function dotenvLines(outputs: Record<string, string>): string;
