/**
 * GitHub Actions: context from the runner's GITHUB_* variables, log groups and
 * file annotations, masking through the runner, step outputs and a job summary.
 */
import * as core from '@actions/core';
import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
import { resultOutputs, summaryMarkdown } from '../summary.js';
import type { Provider, ReleaseContext } from './types.js';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubLogStyle: LogStyle = {
  startGroup: (title) => `::group::${escapeData(title)}`,
  endGroup: () => '::endgroup::',
  warning: (message, file) => `::warning${file ? ` file=${escapeProperty(file)}` : ''}::${escapeData(message)}`,
  error: (message, file) => `::error${file ? ` file=${escapeProperty(file)}` : ''}::${escapeData(message)}`,
};

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
  async publishResult(result, { env }) {
    // @actions/core writes to the files the runner names in GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
    for (const [name, value] of Object.entries(resultOutputs(result))) core.setOutput(name, value);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(result, env)).write();
  },
};
