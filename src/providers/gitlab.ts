/**
 * GitLab CI: context from CI_* variables, collapsible log sections, and a dotenv
 * report that a job publishes with `artifacts: reports: dotenv`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation, LogStyle } from '../log.js';
import type { Env } from '../process.js';
import { dotenvReport } from './ci-text.js';
import { optionRow } from '../options.js';
import type { Provider, ReleaseContext } from './types.js';

const ESC = '\u001b';

function sectionId(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9_.-]+/g, '_').slice(0, 60) || 'section';
}

const now = () => Math.floor(Date.now() / 1000);

/** `file:line:col: ` in front of a message, the form editors and GitLab's log link. */
function where(at: Annotation | undefined): string {
  if (!at?.file) return '';
  return `${at.file}${at.line ? `:${at.line}${at.column ? `:${at.column}` : ''}` : ''}: `;
}

export const gitlabLogStyle: LogStyle = {
  startGroup: (title) => `${ESC}[0Ksection_start:${now()}:${sectionId(title)}[collapsed=false]\r${ESC}[0K${title}`,
  endGroup: (title) => `${ESC}[0Ksection_end:${now()}:${sectionId(title)}\r${ESC}[0K`,
  warning: (message, at) => `${ESC}[33mWARNING:${ESC}[0m ${where(at)}${message}`,
  error: (message, at) => `${ESC}[31mERROR:${ESC}[0m ${where(at)}${message}`,
};

export function gitlabContext(env: Env): ReleaseContext {
  return {
    tag: env.CI_COMMIT_TAG || undefined,
    sourceRepository: env.CI_PROJECT_URL,
    sourceCommit: env.CI_COMMIT_SHA,
    jobUrl: env.CI_JOB_URL,
  };
}

export const DEFAULT_DOTENV = 'mlserver-release.env';

/**
 * GitLab's dotenv reports take KEY=value lines; keys become MLSERVER_<OUTPUT>,
 * and each metric MLSERVER_METRIC_<NAME> while GitLab's limits allow (see
 * dotenvReport in ci-text.ts, which also says what was left out).
 */
export function dotenvText(outputs: Record<string, string>, metrics: Record<string, unknown> = {}): string {
  return dotenvReport(outputs, metrics).text;
}

export const gitlab: Provider = {
  name: 'gitlab',
  detect: ({ env }) => env.GITLAB_CI === 'true',
  context: async ({ env }) => gitlabContext(env),
  logStyle: () => gitlabLogStyle,
  // GitLab masks only variables declared masked; our redaction covers the rest.
  maskSecret: () => '',
  async publishReport(report, { cwd, log, dotenvPath }) {
    // Our own variables, without the empty ones (GitLab allows 20 per report), status and changed always;
    // redacted like every log line (a URL's password never reaches a later job's variables).
    const outputs = Object.fromEntries(Object.entries(report.outputs)
      .filter(([name, value]) => value !== '' || name === 'status' || name === 'changed')
      .map(([name, value]) => [name, log.redactor.redact(value)]));
    // The section is named by the verb (release_summary, promote_summary, ...) and headed by what happened.
    const verb = report.command === 'publish' ? 'release' : report.command;
    const title = `${verb[0].toUpperCase()}${verb.slice(1)} summary: ${report.headline}`;
    // No dotenv for a failed job: a later job must not build on it (GitLab keeps a failed job's reports only on
    // request). Nor for a verb that only reads (list, verify: no --dotenv), so it never replaces a release's report.
    if (report.failed || !optionRow('dotenv')!.commands.includes(report.command)) {
      await log.group(title, async () => {
        for (const [name, value] of Object.entries(outputs)) log.info(`${name.padEnd(18)} ${value}`);
        for (const line of report.details) log.info(line);
      });
      return;
    }
    const file = path.resolve(cwd, dotenvPath ?? DEFAULT_DOTENV);
    // Each metric also gets its own variable, MLSERVER_METRIC_<NAME>, for later jobs' rules and scripts,
    // after our own variables and only while GitLab's limits allow; the log names the rest.
    const dotenv = dotenvReport(outputs, report.metrics ?? {});
    await writeFile(file, dotenv.text);
    for (const warning of dotenv.warnings) log.warn(warning);
    await log.group(title, async () => {
      for (const [name, value] of Object.entries(outputs)) log.info(`${name.padEnd(18)} ${value}`);
      for (const line of report.details) log.info(line);
      log.info(`dotenv report     ${file}`);
    });
  },
};
