/**
 * GitHub Actions: context from the runner's GITHUB_* variables, log groups and
 * file annotations, masking through the runner, step outputs and a job summary.
 */
import * as core from '@actions/core';
import type { Annotation, LogStyle } from '../log.js';
import type { Env } from '../process.js';
import { resultOutputs, summaryMarkdown } from '../summary.js';
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
