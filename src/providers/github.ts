/**
 * GitHub Actions: context from the runner's GITHUB_* variables, log groups and
 * file annotations, masking through the runner, step outputs and a job summary.
 */
import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';
import * as core from '@actions/core';
import type { Annotation, LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Report } from '../results.js';
import { markdownText } from './ci-text.js';
import type { Provider, ReleaseContext } from './types.js';

/**
 * Workflow commands formatted as @actions/core formats them (its command.ts:
 * `::name key=value,...::message`, data escaped %25 %0D %0A, properties also
 * %3A %2C), but returned as lines for the logger's own stream instead of written
 * to stdout: the runner reads commands from stderr as well, and a `run:` step's
 * `--json` keeps stdout to the JSON alone. The messages arrive already redacted
 * (see log.ts).
 */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(name: string, message: string, at?: Annotation): string {
  const properties = at?.file ? [`file=${escapeProperty(at.file)}`, ...(at.line ? [`line=${at.line}`] : []), ...(at.column ? [`col=${at.column}`] : [])] : [];
  return `::${name}${properties.length > 0 ? ` ${properties.join(',')}` : ''}::${escapeData(message)}`;
}

export const githubLogStyle: LogStyle = {
  startGroup: (title) => command('group', title),
  endGroup: () => command('endgroup', ''),
  warning: (message, at) => command('warning', message, at),
  error: (message, at) => command('error', message, at),
};

/**
 * One output in the runner's file-command format, as @actions/core writes it
 * (`name<<ghadelimiter_<uuid>`): a random delimiter that the value cannot hold.
 */
export function outputCommand(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`unexpected: the output ${name} holds its delimiter`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function githubContext(env: Env): ReleaseContext {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined;
  return {
    tag: env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_NAME : undefined,
    sourceRepository: repository,
    sourceCommit: env.GITHUB_SHA,
    jobUrl: repository && env.GITHUB_RUN_ID ? `${repository}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}

export const github: Provider = {
  name: 'github',
  detect: ({ env }) => env.GITHUB_ACTIONS === 'true',
  context: async ({ env }) => githubContext(env),
  logStyle: () => githubLogStyle,
  maskSecret: (spelling) => command('add-mask', spelling),
  async publishReport(report, { env, log }) {
    // The files the runner names, read from the injected env (@actions/core would read process.env).
    // A runner without them (an old GHES, a hand-run container) gets a warning, not a failed job after the push.
    const outputs = Object.entries(report.outputs);
    if (env.GITHUB_OUTPUT) await appendFile(env.GITHUB_OUTPUT, outputs.map(([name, value]) => outputCommand(name, log.redactor.redact(value))).join(''));
    // Without the file (old runners, @github/local-action), @actions/core prints the set-output command.
    else for (const [name, value] of outputs) core.setOutput(name, log.redactor.redact(value));
    if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, summaryOf(report, log.redactor.redact.bind(log.redactor)));
    else log.warn('GITHUB_STEP_SUMMARY is not set, so the job has no summary');
  },
};

/** The job summary: the headline says what happened, then the verb's table; redacted like every log line. */
export function summaryOf(report: Report, redact: (text: string) => string): string {
  return redact(`### ${markdownText(report.headline)}\n\n${report.markdown}`);
}
