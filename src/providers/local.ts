/** A laptop or any other CI: context from the local git checkout, plain log lines. */
import { exactTag, headCommit, isGitRepository, remoteUrl } from '../git.js';
import { plainStyle, type LogStyle } from '../log.js';
import { withoutCredentials } from '../stores/credentials.js';
import type { Provider } from './types.js';

const colour = (code: number, text: string) => `\u001b[${code}m${text}\u001b[0m`;

const ttyStyle: LogStyle = {
  ...plainStyle,
  startGroup: (title) => colour(1, `== ${title}`),
  warning: (message) => `${colour(33, 'warning:')} ${message}`,
  error: (message) => `${colour(31, 'error:')} ${message}`,
};

export const local: Provider = {
  name: 'local',
  detect: () => true,
  async context({ env, cwd }) {
    // A job on some other CI may still carry the usual tag variables; they win over git.
    const ciTag = env.CI_COMMIT_TAG || (env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_NAME : undefined) || undefined;
    const ctx = { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0' } };
    if (!(await isGitRepository(ctx))) return { tag: ciTag };
    const origin = await remoteUrl('origin', ctx);
    return {
      tag: ciTag ?? (await exactTag(ctx)),
      sourceCommit: await headCommit(ctx),
      sourceRepository: origin ? withoutCredentials(origin) : undefined,
    };
  },
  // Colour only on a terminal, and never when NO_COLOR asks us not to.
  logStyle: ({ env, isTTY }) => (isTTY && !env.NO_COLOR ? ttyStyle : plainStyle),
  maskSecret: () => '',
  // The CLI prints the human summary or --json itself.
  publishReport: async () => undefined,
};
