/**
 * The command line: argv and MLSERVER_RELEASE_* env -> one command's typed
 * options (read-options.ts, by the table in options.ts), the verb, then its
 * result -> a human summary or JSON on stdout, and the CI's outputs. Glue only.
 */
import { runVerb } from './commands/index.js';
import { EXIT, exitCodeOf, formatError, isReleaseError, ReleaseError } from './errors.js';
import { commandHelp, HELP } from './help.js';
import { Logger, type Writable } from './log.js';
import { comparisonTable } from './metrics/gate.js';
import { COMMANDS, type Command, type OptionsOf } from './options.js';
import type { Env } from './process.js';
import { detectProvider } from './providers/index.js';
import { isCommand, optionsFromArgv } from './read-options.js';
import { Redactor } from './redact.js';
import { failureReport, reportOf } from './reports.js';
import type { ListResult, PruneResult, ReleaseResult, VerbResults } from './results.js';
import { learnEnvSecrets, learnOptionSecrets } from './secrets.js';
import { TOOL_VERSION } from './version.js';

export { HELP } from './help.js';
export { envName, OPTIONS } from './options.js';

export interface CliIO {
  argv: string[];
  env: Env;
  cwd: string;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

type Parsed<C extends Command = Command> =
  | { kind: 'info'; command: 'help' | 'version'; text: string }
  | { kind: 'run'; command: C; options: OptionsOf<C> };

export function parseCli(argv: string[], env: Env): Parsed {
  // `--version` alone asks for the tool's version; with a value it is the release version.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { kind: 'info', command: 'version', text: `${TOOL_VERSION}\n` };
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || argv[0] === 'help';
  // `<command> --help` and `help <command>` both show that command's options.
  const asked = argv[0] === 'help' ? argv[1] : argv[0];
  if (wantsHelp) return { kind: 'info', command: 'help', text: isCommand(asked) ? commandHelp(asked) : HELP };
  const command = argv[0];
  if (command === undefined || command.startsWith('-')) throw new ReleaseError('EUSAGE', `No command given: expected one of ${COMMANDS.join(', ')}`);
  if (!isCommand(command)) throw new ReleaseError('EUSAGE', `Unknown command "${command}": expected one of ${COMMANDS.join(', ')}`);
  return { kind: 'run', command, options: optionsFromArgv(command, argv.slice(1), env) };
}

export function formatSummary(result: ReleaseResult): string {
  const headline = {
    pushed: `${result.source ? 'Promoted' : 'Released'} ${result.model} ${result.version}`,
    'already-published': `${result.model} ${result.version} was already published with identical content; nothing to do`,
    'already-promoted': `${result.model} ${result.version} was already promoted with identical content; nothing to do`,
    'dry-run': `Dry run of ${result.model} ${result.version}: nothing was changed`,
  }[result.status];
  const rows: Array<[string, string | undefined]> = [
    ['folder', `${result.folder}/`],
    ['repo', result.repo],
    ['commit', result.commit ? `${result.commit}${result.branch ? ` on ${result.branch}` : ''}` : undefined],
    ['notebook', result.executedNotebook],
    ['endpoint', `POST ${result.endpoint}`],
    ['review', result.reviewUrl],
    ['source', result.source],
    ['verified', result.verified ? 'ready, and the sample request was answered by this version' : undefined],
  ];
  const table = result.comparison ? `\n${comparisonTable(result.comparison, result.baseline?.version, result.version, new Map(), 'text')}` : '';
  return [headline, ...rows.filter(([, v]) => v).map(([k, v]) => `  ${k.padEnd(9)}${v}`)].join('\n') + '\n' + table;
}

function formatBytes(bytes?: number): string {
  if (bytes === undefined) return '';
  return bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

export function formatList(result: ListResult, metricColumns: string[] = []): string {
  if (result.models.length === 0 && !result.comparison?.length) return 'No published models found.\n';
  const lines: string[] = [];
  for (const model of result.models) {
    lines.push(model.defaultVersion ? `${model.model}  (default → ${model.defaultVersion})` : model.model);
    for (const v of model.versions) {
      const marks = [v.version === model.newest ? 'newest' : '', v.version === model.mlserverDefault ? 'MLServer default for unversioned URLs' : '', v.signedBy ? `signed by ${v.signedBy.slice(0, 24)}…` : ''].filter(Boolean);
      const columns = metricColumns.map((name) => `${name}=${v.metrics?.[name] ?? '—'}`).join('  ');
      lines.push(`  ${v.version.padEnd(16)} ${(v.releasedAt ?? '').slice(0, 19).padEnd(19)} ${formatBytes(v.artifactBytes).padStart(10)}${columns ? `  ${columns}` : ''}${marks.length ? `  (${marks.join(', ')})` : ''}`);
    }
  }
  for (const c of result.comparison ?? []) {
    lines.push('', `${c.model}: compared with the other store${c.defaultHere || c.defaultThere ? ` (default here → ${c.defaultHere ?? 'none'}, there → ${c.defaultThere ?? 'none'})` : ''}`);
    lines.push(`  only here (waiting for promotion): ${c.onlyHere.map((v) => `${v.version}${v.releasedAt ? ` ${v.releasedAt.slice(0, 10)}` : ''}`).join(', ') || 'none'}`);
    lines.push(`  in both:                           ${c.both.join(', ') || 'none'}`);
    lines.push(`  only there:                        ${c.onlyThere.map((v) => `${v.version}${v.releasedAt ? ` ${v.releasedAt.slice(0, 10)}` : ''}`).join(', ') || 'none'}`);
  }
  return lines.join('\n') + '\n';
}

function formatPrune(result: PruneResult, yes: boolean): string {
  if (result.removed.length === 0) return 'Nothing to prune.\n';
  const lines = result.removed.map((v) => `  ${v.model} ${v.version}  (${v.folder})`);
  const head = yes
    ? `Removed ${result.removed.length} version(s)${result.commit ? ` in commit ${result.commit}` : ''}:`
    : `Would remove ${result.removed.length} version(s); run again with --yes to remove them:`;
  return [head, ...lines].join('\n') + '\n';
}

/** What the CLI prints for a verb's result when --json is not given. */
function humanText<C extends Command>(command: C, result: VerbResults[C], options: OptionsOf<C>): string {
  switch (command) {
    case 'release': case 'publish': case 'promote': return formatSummary(result as ReleaseResult);
    case 'rollout': {
      const done = result as VerbResults['rollout'];
      return `${done.dryRun ? 'Dry run' : done.changed ? 'Rolled out' : 'Nothing to change'}: ${done.summary} (${done.file} in ${done.manifestsRepo})\n`;
    }
    case 'default': {
      const set = result as VerbResults['default'];
      return `${set.dryRun ? 'Dry run, nothing written' : set.changed ? 'Default set' : 'Default unchanged'}: POST ${set.endpoint} serves ${set.model} ${set.version} (${set.folder}/ in ${set.repo})\n`;
    }
    case 'verify': {
      const verified = result as VerbResults['verify'];
      return `Verified ${verified.model} ${verified.version}: ready, and answered\n${JSON.stringify(verified.response, null, 2)}\n`;
    }
    case 'verify-signature': {
      const checked = result as VerbResults['verify-signature'];
      return `Signature verified: ${checked.model} ${checked.version} (${checked.folder}/ in ${checked.repo}) is exactly what ${checked.signedBy} signed\n`;
    }
    case 'list': return formatList(result as ListResult, ((options as unknown as OptionsOf<'list'>).metrics ?? '').split(',').map((m) => m.trim()).filter(Boolean));
    default: return formatPrune(result as PruneResult, (result as PruneResult).applied);
  }
}

/** Runs the CLI and returns the exit code; never throws. */
export async function runCli(io: CliIO): Promise<number> {
  const provider = detectProvider(io.env);
  // The mask line goes to the log stream as it is (redacting it would hide what it names).
  const redactor = new Redactor((spelling) => {
    const line = provider.maskSecret(spelling);
    if (line) io.stderr.write(`${line}\n`);
  });
  // Progress updates one line in place on a terminal; a CI log gets a line every 10 s instead.
  const live = Boolean(io.stderr.isTTY) && !io.env.CI;
  const log = new Logger({ stream: io.stderr, redactor, style: provider.logStyle({ env: io.env, isTTY: Boolean(io.stderr.isTTY) }), live });
  let json = io.argv.includes('--json');
  // Everything on stdout passes the CI escaper: text through the logger's, JSON with "##[" spelt
  // "#\u0023[" (the same JSON value), since GitHub's runner reads "##[command]" anywhere in a line.
  const printText = (text: string) => io.stdout.write(log.escape(text));
  const printJson = (value: unknown) => io.stdout.write(redactor.redact(JSON.stringify(value, null, 2) + '\n').replaceAll('##[', '#\\u0023['));
  const runtime = { env: io.env, cwd: io.cwd, log, provider };
  let command: Command | undefined;
  let dotenvPath: string | undefined;
  // Register the secrets before anything can print them, even a usage error.
  learnEnvSecrets(redactor, io.env);
  try {
    const parsed = parseCli(io.argv, io.env);
    if (parsed.kind === 'info') {
      io.stdout.write(parsed.text);
      return EXIT.ok;
    }
    command = parsed.command;
    const options = parsed.options as OptionsOf<Command> & { json?: boolean; dotenv?: string };
    learnOptionSecrets(redactor, command, options);
    json = options.json ?? false;
    dotenvPath = options.dotenv;
    const result = await runVerb(command, options, runtime);
    await provider.publishReport(reportOf(command, result, io.env), { ...runtime, dotenvPath });
    if (json) printJson(result);
    else printText(humanText(command, result, options));
    return EXIT.ok;
  } catch (error) {
    const code = exitCodeOf(error);
    log.error(formatError(error), isReleaseError(error) ? { file: error.file, line: error.position?.line, column: error.position?.column } : undefined);
    if (command) {
      try {
        await provider.publishReport(failureReport(command, error), { ...runtime, dotenvPath });
      } catch (reportError) {
        log.warn(`could not write the CI report of the failure: ${(reportError as Error).message}`);
      }
    }
    if (json) {
      const payload = isReleaseError(error)
        ? { error: { code: error.code, message: error.message, details: error.details, exitCode: code } }
        : { error: { code: 'EUNEXPECTED', message: String((error as Error)?.message ?? error), exitCode: code } };
      printJson(payload);
    }
    return code;
  }
}
