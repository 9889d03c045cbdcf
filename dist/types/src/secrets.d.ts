import { type Command } from './options.js';
import type { Env } from './process.js';
import type { Redactor } from './redact.js';
/** Secrets in env, whatever the command: tokens, header values, passwords in URLs, the AWS SDK's keys. */
export declare function learnEnvSecrets(redactor: Redactor, env: Env): void;
/** Secrets among a command's options, as read (argv, inputs or a library call). */
export declare function learnOptionSecrets(redactor: Redactor, command: Command, options: object): void;
