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
 * Groups and annotations through @actions/core, which formats the workflow
 * commands (`::group::`, `::error file=...,line=...,col=...::`) as the runner
 * expects. The messages arrive already redacted (see log.ts).
 */
export const githubLogStyle: LogStyle = {
  startGroup: (title) => (core.startGroup(title), ''),
  endGroup: () => (core.endGroup(), ''),
  warning: (message, at) => (core.warning(message, properties(at)), ''),
  error: (message, at) => (core.error(message, properties(at)), ''),
};

function properties(at: Annotation | undefined): core.AnnotationProperties {
  if (!at?.file) return {};
  return { file: at.file, ...(at.line ? { startLine: at.line } : {}), ...(at.column ? { startColumn: at.column } : {}) };
}

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
  maskSecret: (spelling) => core.setSecret(spelling),
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
