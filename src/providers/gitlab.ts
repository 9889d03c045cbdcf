/** GitLab CI: context from CI_* variables, collapsible log sections. */
import type { LogStyle } from '../log.js';
import type { Env } from '../process.js';
import type { Provider, ReleaseContext } from './types.js';

const ESC = '\u001b';

function sectionId(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9_.-]+/g, '_').slice(0, 60) || 'section';
}

const now = () => Math.floor(Date.now() / 1000);

export const gitlabLogStyle: LogStyle = {
  startGroup: (title) => `${ESC}[0Ksection_start:${now()}:${sectionId(title)}[collapsed=false]\r${ESC}[0K${title}`,
  endGroup: (title) => `${ESC}[0Ksection_end:${now()}:${sectionId(title)}\r${ESC}[0K`,
  warning: (message, file) => `${ESC}[33mWARNING:${ESC}[0m ${file ? `${file}: ` : ''}${message}`,
  error: (message, file) => `${ESC}[31mERROR:${ESC}[0m ${file ? `${file}: ` : ''}${message}`,
};

export function gitlabContext(env: Env): ReleaseContext {
  return {
    tag: env.CI_COMMIT_TAG || undefined,
    sourceRepository: env.CI_PROJECT_URL,
    sourceCommit: env.CI_COMMIT_SHA,
    jobUrl: env.CI_JOB_URL,
  };
}

export const gitlab: Provider = {
  name: 'gitlab',
  detect: ({ env }) => env.GITLAB_CI === 'true',
  context: async ({ env }) => gitlabContext(env),
  logStyle: () => gitlabLogStyle,
};
