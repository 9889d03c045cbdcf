#!/usr/bin/env node
import { createRequire as __mlsrCreateRequire } from 'node:module';
const require = __mlsrCreateRequire(import.meta.url);

// src/index.ts
import { realpathSync as realpathSync2 } from "node:fs";
import { fileURLToPath } from "node:url";

// src/cli.ts
import { parseArgs } from "node:util";

// src/errors.ts
var EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  notebook: 3,
  publish: 4,
  verify: 5
};
var CATALOG = {
  EUSAGE: { exit: EXIT.usage, hint: "Run `mlserver-release --help` for every option." },
  EINVALIDVERSION: {
    exit: EXIT.usage,
    hint: 'Versions become folder names and URL segments: use letters, digits, ".", "_" and "-" only, e.g. v1.2.0.'
  },
  ENOVERSION: {
    exit: EXIT.usage,
    hint: "Pass --version, or run on a tag (CI_COMMIT_TAG on GitLab, GITHUB_REF_TYPE=tag on GitHub)."
  },
  EINVALIDNAME: { exit: EXIT.usage, hint: 'Set "name" in model-settings.json to letters, digits, ".", "_" and "-" only.' },
  ESETTINGSMISSING: { exit: EXIT.usage, hint: "Pass --settings or --model-dir pointing at your model-settings.json." },
  ESETTINGSPARSE: { exit: EXIT.usage, hint: "Fix the JSON syntax at the position shown." },
  ESETTINGSINVALID: { exit: EXIT.usage, hint: "MLServer refuses to start when any model-settings.json is invalid; fix every problem listed." },
  ENOTEBOOKMISSING: { exit: EXIT.usage, hint: "Pass --notebook, or --runner none to publish an artifact that already exists." },
  ENOTEBOOKINVALID: { exit: EXIT.usage, hint: "The notebook must be nbformat 4 JSON as saved by Jupyter." },
  EARTIFACTMISSING: {
    exit: EXIT.usage,
    hint: "parameters.uri must name the file the notebook writes, relative to the model directory."
  },
  EURIESCAPES: { exit: EXIT.usage, hint: 'parameters.uri must stay inside the model directory (no "../", no symlink out).' },
  ERUNNERUNKNOWN: { exit: EXIT.usage, hint: "Use --runner auto, papermill, nbconvert or none." },
  ERUNNERMISSING: {
    exit: EXIT.usage,
    hint: "Install papermill, or Jupyter (Debian: apt-get install jupyter-nbconvert python3-ipykernel), or pass --runner none."
  },
  EPARAM: { exit: EXIT.usage, hint: "Write parameters as --param key=value." },
  EREPOMISSING: { exit: EXIT.usage, hint: "Pass --repo URL|PATH, or set MLSERVER_REPO." },
  EREPONOTFOUND: { exit: EXIT.usage, hint: "A local --repo must be an existing git repository (bare or not)." },
  ENOTEBOOKFAILED: { exit: EXIT.notebook, hint: "Open the executed notebook to see every output up to the failing cell." },
  ENOTEBOOKTIMEOUT: { exit: EXIT.notebook, hint: "Raise --timeout (seconds per cell) if the cell is expected to take longer." },
  EVERSIONCONFLICT: {
    exit: EXIT.publish,
    hint: "Published versions are immutable. Release a new version, or pass --force to replace this one."
  },
  EAUTH: { exit: EXIT.publish, hint: "Check the token (--token or MLSERVER_REPO_TOKEN) and that it may push to the repository." },
  EFORBIDDEN: { exit: EXIT.publish, hint: "The token was accepted but may not push here: give it write access (GitHub: contents:write; GitLab: write_repository)." },
  EREMOTENOTFOUND: { exit: EXIT.publish, hint: 'Check the repository URL; a private repository also answers "not found" to a token that cannot see it.' },
  EBRANCHMISSING: { exit: EXIT.publish, hint: "Create the branch first, or pass --branch with an existing one." },
  EUNREACHABLE: { exit: EXIT.publish, hint: "Check the URL and the network; the remote did not answer." },
  EPUSHFAILED: { exit: EXIT.publish, hint: "See the git output above; add a CI concurrency group if releases collide often." },
  ELFSMISSING: { exit: EXIT.publish, hint: "The repository stores this path in Git LFS: install git-lfs (Debian: apt-get install git-lfs)." },
  EVERIFY: { exit: EXIT.verify }
};
var ReleaseError = class extends Error {
  code;
  details;
  constructor(code, message, details = []) {
    super(message);
    this.name = "ReleaseError";
    this.code = code;
    this.details = details;
  }
  get exitCode() {
    return CATALOG[this.code].exit;
  }
  get hint() {
    return CATALOG[this.code].hint;
  }
};
function isReleaseError(value) {
  return value instanceof ReleaseError;
}
function exitCodeOf(error) {
  return isReleaseError(error) ? error.exitCode : EXIT.unexpected;
}
function formatError(error) {
  if (!isReleaseError(error)) {
    const text = error instanceof Error ? error.stack ?? error.message : String(error);
    return `unexpected error (please report it): ${text}`;
  }
  const lines = [`${error.message}`];
  for (const detail of error.details) lines.push(`  - ${detail}`);
  if (error.hint) lines.push(`hint: ${error.hint}`);
  return lines.join("\n");
}

// src/redact.ts
var MASK = "***";
var Redactor = class {
  needles = /* @__PURE__ */ new Set();
  /** Registers a secret; values shorter than 4 characters would mask ordinary text, so they are refused. */
  add(secret) {
    if (!secret || secret.length < 4) return;
    for (const form of spellings(secret)) if (form.length >= 4) this.needles.add(form);
  }
  get size() {
    return this.needles.size;
  }
  redact(text) {
    if (this.needles.size === 0) return text;
    let out = text;
    for (const needle of [...this.needles].sort((a, b) => b.length - a.length)) {
      out = out.split(needle).join(MASK);
    }
    return out;
  }
};
function spellings(secret) {
  const base64 = Buffer.from(secret, "utf8").toString("base64");
  return [
    secret,
    base64,
    base64.replace(/=+$/, ""),
    Buffer.from(secret, "utf8").toString("base64url"),
    encodeURIComponent(secret),
    encodeURIComponent(secret).toLowerCase()
  ];
}

// src/log.ts
var plainStyle = {
  startGroup: (title) => `== ${title}`,
  endGroup: () => "",
  warning: (message) => `warning: ${message}`,
  error: (message) => `error: ${message}`
};
var Logger = class {
  redactor;
  stream;
  style;
  quiet;
  warnings = [];
  constructor(options = {}) {
    this.stream = options.stream ?? process.stderr;
    this.style = options.style ?? plainStyle;
    this.redactor = options.redactor ?? new Redactor();
    this.quiet = options.quiet ?? false;
  }
  info(message) {
    if (!this.quiet) this.emit(message);
  }
  warn(message, file) {
    this.warnings.push(this.redactor.redact(message));
    this.emit(this.style.warning(message, file));
  }
  error(message, file) {
    this.emit(this.style.error(message, file));
  }
  /** Runs `body` inside a folded group; the group is closed even when `body` throws. */
  async group(title, body) {
    if (!this.quiet) this.emit(this.style.startGroup(title));
    try {
      return await body();
    } finally {
      const end = this.style.endGroup(title);
      if (!this.quiet && end) this.emit(end);
    }
  }
  emit(text) {
    this.stream.write(this.redactor.redact(text) + "\n");
  }
};
function silentLogger(redactor = new Redactor()) {
  return new Logger({ stream: { write: () => true }, redactor, quiet: true });
}

// src/providers/github.ts
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var githubLogStyle = {
  startGroup: (title) => `::group::${escapeData(title)}`,
  endGroup: () => "::endgroup::",
  warning: (message, file) => `::warning${file ? ` file=${escapeProperty(file)}` : ""}::${escapeData(message)}`,
  error: (message, file) => `::error${file ? ` file=${escapeProperty(file)}` : ""}::${escapeData(message)}`
};
function githubContext(env) {
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const repository = env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : void 0;
  return {
    tag: env.GITHUB_REF_TYPE === "tag" ? env.GITHUB_REF_NAME : void 0,
    sourceRepository: repository,
    sourceCommit: env.GITHUB_SHA,
    jobUrl: repository && env.GITHUB_RUN_ID ? `${repository}/actions/runs/${env.GITHUB_RUN_ID}` : void 0
  };
}
var github = {
  name: "github",
  detect: ({ env }) => env.GITHUB_ACTIONS === "true",
  context: async ({ env }) => githubContext(env),
  logStyle: () => githubLogStyle
};

// src/providers/gitlab.ts
var ESC = "\x1B";
function sectionId(title) {
  return title.toLowerCase().replace(/[^a-z0-9_.-]+/g, "_").slice(0, 60) || "section";
}
var now = () => Math.floor(Date.now() / 1e3);
var gitlabLogStyle = {
  startGroup: (title) => `${ESC}[0Ksection_start:${now()}:${sectionId(title)}[collapsed=false]\r${ESC}[0K${title}`,
  endGroup: (title) => `${ESC}[0Ksection_end:${now()}:${sectionId(title)}\r${ESC}[0K`,
  warning: (message, file) => `${ESC}[33mWARNING:${ESC}[0m ${file ? `${file}: ` : ""}${message}`,
  error: (message, file) => `${ESC}[31mERROR:${ESC}[0m ${file ? `${file}: ` : ""}${message}`
};
function gitlabContext(env) {
  return {
    tag: env.CI_COMMIT_TAG || void 0,
    sourceRepository: env.CI_PROJECT_URL,
    sourceCommit: env.CI_COMMIT_SHA,
    jobUrl: env.CI_JOB_URL
  };
}
var gitlab = {
  name: "gitlab",
  detect: ({ env }) => env.GITLAB_CI === "true",
  context: async ({ env }) => gitlabContext(env),
  logStyle: () => gitlabLogStyle
};

// src/process.ts
import { accessSync, constants as constants2 } from "node:fs";
import path4 from "node:path";

// node_modules/@actions/exec/lib/exec.js
import { StringDecoder } from "string_decoder";

// node_modules/@actions/exec/lib/toolrunner.js
import * as os from "os";
import * as events from "events";
import * as child from "child_process";
import * as path3 from "path";

// node_modules/@actions/io/lib/io.js
import * as path2 from "path";

// node_modules/@actions/io/lib/io-util.js
import * as fs from "fs";
import * as path from "path";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs.constants.O_RDONLY;
function exists(fsPath) {
  return __awaiter(this, void 0, void 0, function* () {
    try {
      yield stat(fsPath);
    } catch (err) {
      if (err.code === "ENOENT") {
        return false;
      }
      throw err;
    }
    return true;
  });
}
function isRooted(p) {
  p = normalizeSeparators(p);
  if (!p) {
    throw new Error('isRooted() parameter "p" cannot be empty');
  }
  if (IS_WINDOWS) {
    return p.startsWith("\\") || /^[A-Z]:/i.test(p);
  }
  return p.startsWith("/");
}
function tryGetExecutablePath(filePath, extensions) {
  return __awaiter(this, void 0, void 0, function* () {
    let stats = void 0;
    try {
      stats = yield stat(filePath);
    } catch (err) {
      if (err.code !== "ENOENT") {
        console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
      }
    }
    if (stats && stats.isFile()) {
      if (IS_WINDOWS) {
        const upperExt = path.extname(filePath).toUpperCase();
        if (extensions.some((validExt) => validExt.toUpperCase() === upperExt)) {
          return filePath;
        }
      } else {
        if (isUnixExecutable(stats)) {
          return filePath;
        }
      }
    }
    const originalFilePath = filePath;
    for (const extension of extensions) {
      filePath = originalFilePath + extension;
      stats = void 0;
      try {
        stats = yield stat(filePath);
      } catch (err) {
        if (err.code !== "ENOENT") {
          console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
        }
      }
      if (stats && stats.isFile()) {
        if (IS_WINDOWS) {
          try {
            const directory = path.dirname(filePath);
            const upperName = path.basename(filePath).toUpperCase();
            for (const actualName of yield readdir(directory)) {
              if (upperName === actualName.toUpperCase()) {
                filePath = path.join(directory, actualName);
                break;
              }
            }
          } catch (err) {
            console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
          }
          return filePath;
        } else {
          if (isUnixExecutable(stats)) {
            return filePath;
          }
        }
      }
    }
    return "";
  });
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS) {
    p = p.replace(/\//g, "\\");
    return p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function isUnixExecutable(stats) {
  return (stats.mode & 1) > 0 || (stats.mode & 8) > 0 && process.getgid !== void 0 && stats.gid === process.getgid() || (stats.mode & 64) > 0 && process.getuid !== void 0 && stats.uid === process.getuid();
}

// node_modules/@actions/io/lib/io.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function which(tool, check) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    if (check) {
      const result = yield which(tool, false);
      if (!result) {
        if (IS_WINDOWS) {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
        } else {
          throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
        }
      }
      return result;
    }
    const matches = yield findInPath(tool);
    if (matches && matches.length > 0) {
      return matches[0];
    }
    return "";
  });
}
function findInPath(tool) {
  return __awaiter2(this, void 0, void 0, function* () {
    if (!tool) {
      throw new Error("parameter 'tool' is required");
    }
    const extensions = [];
    if (IS_WINDOWS && process.env["PATHEXT"]) {
      for (const extension of process.env["PATHEXT"].split(path2.delimiter)) {
        if (extension) {
          extensions.push(extension);
        }
      }
    }
    if (isRooted(tool)) {
      const filePath = yield tryGetExecutablePath(tool, extensions);
      if (filePath) {
        return [filePath];
      }
      return [];
    }
    if (tool.includes(path2.sep)) {
      return [];
    }
    const directories = [];
    if (process.env.PATH) {
      for (const p of process.env.PATH.split(path2.delimiter)) {
        if (p) {
          directories.push(p);
        }
      }
    }
    const matches = [];
    for (const directory of directories) {
      const filePath = yield tryGetExecutablePath(path2.join(directory, tool), extensions);
      if (filePath) {
        matches.push(filePath);
      }
    }
    return matches;
  });
}

// node_modules/@actions/exec/lib/toolrunner.js
import { setTimeout as setTimeout2 } from "timers";
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var IS_WINDOWS2 = process.platform === "win32";
var ToolRunner = class extends events.EventEmitter {
  constructor(toolPath, args, options) {
    super();
    if (!toolPath) {
      throw new Error("Parameter 'toolPath' cannot be null or empty.");
    }
    this.toolPath = toolPath;
    this.args = args || [];
    this.options = options || {};
  }
  _debug(message) {
    if (this.options.listeners && this.options.listeners.debug) {
      this.options.listeners.debug(message);
    }
  }
  _getCommandString(options, noPrefix) {
    const toolPath = this._getSpawnFileName();
    const args = this._getSpawnArgs(options);
    let cmd = noPrefix ? "" : "[command]";
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        cmd += toolPath;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else if (options.windowsVerbatimArguments) {
        cmd += `"${toolPath}"`;
        for (const a of args) {
          cmd += ` ${a}`;
        }
      } else {
        cmd += this._windowsQuoteCmdArg(toolPath);
        for (const a of args) {
          cmd += ` ${this._windowsQuoteCmdArg(a)}`;
        }
      }
    } else {
      cmd += toolPath;
      for (const a of args) {
        cmd += ` ${a}`;
      }
    }
    return cmd;
  }
  _processLineBuffer(data, strBuffer, onLine) {
    try {
      let s = strBuffer + data.toString();
      let n = s.indexOf(os.EOL);
      while (n > -1) {
        const line = s.substring(0, n);
        onLine(line);
        s = s.substring(n + os.EOL.length);
        n = s.indexOf(os.EOL);
      }
      return s;
    } catch (err) {
      this._debug(`error processing line. Failed with error ${err}`);
      return "";
    }
  }
  _getSpawnFileName() {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        return process.env["COMSPEC"] || "cmd.exe";
      }
    }
    return this.toolPath;
  }
  _getSpawnArgs(options) {
    if (IS_WINDOWS2) {
      if (this._isCmdFile()) {
        let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
        for (const a of this.args) {
          argline += " ";
          argline += options.windowsVerbatimArguments ? a : this._windowsQuoteCmdArg(a);
        }
        argline += '"';
        return [argline];
      }
    }
    return this.args;
  }
  _endsWith(str, end) {
    return str.endsWith(end);
  }
  _isCmdFile() {
    const upperToolPath = this.toolPath.toUpperCase();
    return this._endsWith(upperToolPath, ".CMD") || this._endsWith(upperToolPath, ".BAT");
  }
  _windowsQuoteCmdArg(arg) {
    if (!this._isCmdFile()) {
      return this._uvQuoteCmdArg(arg);
    }
    if (!arg) {
      return '""';
    }
    const cmdSpecialChars = [
      " ",
      "	",
      "&",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "^",
      "=",
      ";",
      "!",
      "'",
      "+",
      ",",
      "`",
      "~",
      "|",
      "<",
      ">",
      '"'
    ];
    let needsQuotes = false;
    for (const char of arg) {
      if (cmdSpecialChars.some((x) => x === char)) {
        needsQuotes = true;
        break;
      }
    }
    if (!needsQuotes) {
      return arg;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += '"';
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _uvQuoteCmdArg(arg) {
    if (!arg) {
      return '""';
    }
    if (!arg.includes(" ") && !arg.includes("	") && !arg.includes('"')) {
      return arg;
    }
    if (!arg.includes('"') && !arg.includes("\\")) {
      return `"${arg}"`;
    }
    let reverse = '"';
    let quoteHit = true;
    for (let i = arg.length; i > 0; i--) {
      reverse += arg[i - 1];
      if (quoteHit && arg[i - 1] === "\\") {
        reverse += "\\";
      } else if (arg[i - 1] === '"') {
        quoteHit = true;
        reverse += "\\";
      } else {
        quoteHit = false;
      }
    }
    reverse += '"';
    return reverse.split("").reverse().join("");
  }
  _cloneExecOptions(options) {
    options = options || {};
    const result = {
      cwd: options.cwd || process.cwd(),
      env: options.env || process.env,
      silent: options.silent || false,
      windowsVerbatimArguments: options.windowsVerbatimArguments || false,
      failOnStdErr: options.failOnStdErr || false,
      ignoreReturnCode: options.ignoreReturnCode || false,
      delay: options.delay || 1e4
    };
    result.outStream = options.outStream || process.stdout;
    result.errStream = options.errStream || process.stderr;
    return result;
  }
  _getSpawnOptions(options, toolPath) {
    options = options || {};
    const result = {};
    result.cwd = options.cwd;
    result.env = options.env;
    result["windowsVerbatimArguments"] = options.windowsVerbatimArguments || this._isCmdFile();
    if (options.windowsVerbatimArguments) {
      result.argv0 = `"${toolPath}"`;
    }
    return result;
  }
  /**
   * Exec a tool.
   * Output will be streamed to the live console.
   * Returns promise with return code
   *
   * @param     tool     path to tool to exec
   * @param     options  optional exec options.  See ExecOptions
   * @returns   number
   */
  exec() {
    return __awaiter3(this, void 0, void 0, function* () {
      if (!isRooted(this.toolPath) && (this.toolPath.includes("/") || IS_WINDOWS2 && this.toolPath.includes("\\"))) {
        this.toolPath = path3.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
      }
      this.toolPath = yield which(this.toolPath, true);
      return new Promise((resolve2, reject) => __awaiter3(this, void 0, void 0, function* () {
        this._debug(`exec tool: ${this.toolPath}`);
        this._debug("arguments:");
        for (const arg of this.args) {
          this._debug(`   ${arg}`);
        }
        const optionsNonNull = this._cloneExecOptions(this.options);
        if (!optionsNonNull.silent && optionsNonNull.outStream) {
          optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
        }
        const state = new ExecState(optionsNonNull, this.toolPath);
        state.on("debug", (message) => {
          this._debug(message);
        });
        if (this.options.cwd && !(yield exists(this.options.cwd))) {
          return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
        }
        const fileName = this._getSpawnFileName();
        const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
        let stdbuffer = "";
        if (cp.stdout) {
          cp.stdout.on("data", (data) => {
            if (this.options.listeners && this.options.listeners.stdout) {
              this.options.listeners.stdout(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.outStream) {
              optionsNonNull.outStream.write(data);
            }
            stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.stdline) {
                this.options.listeners.stdline(line);
              }
            });
          });
        }
        let errbuffer = "";
        if (cp.stderr) {
          cp.stderr.on("data", (data) => {
            state.processStderr = true;
            if (this.options.listeners && this.options.listeners.stderr) {
              this.options.listeners.stderr(data);
            }
            if (!optionsNonNull.silent && optionsNonNull.errStream && optionsNonNull.outStream) {
              const s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
              s.write(data);
            }
            errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
              if (this.options.listeners && this.options.listeners.errline) {
                this.options.listeners.errline(line);
              }
            });
          });
        }
        cp.on("error", (err) => {
          state.processError = err.message;
          state.processExited = true;
          state.processClosed = true;
          state.CheckComplete();
        });
        cp.on("exit", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        cp.on("close", (code) => {
          state.processExitCode = code;
          state.processExited = true;
          state.processClosed = true;
          this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
          state.CheckComplete();
        });
        state.on("done", (error, exitCode) => {
          if (stdbuffer.length > 0) {
            this.emit("stdline", stdbuffer);
          }
          if (errbuffer.length > 0) {
            this.emit("errline", errbuffer);
          }
          cp.removeAllListeners();
          if (error) {
            reject(error);
          } else {
            resolve2(exitCode);
          }
        });
        if (this.options.input) {
          if (!cp.stdin) {
            throw new Error("child process missing stdin");
          }
          cp.stdin.end(this.options.input);
        }
      }));
    });
  }
};
function argStringToArray(argString) {
  const args = [];
  let inQuotes = false;
  let escaped = false;
  let arg = "";
  function append(c) {
    if (escaped && c !== '"') {
      arg += "\\";
    }
    arg += c;
    escaped = false;
  }
  for (let i = 0; i < argString.length; i++) {
    const c = argString.charAt(i);
    if (c === '"') {
      if (!escaped) {
        inQuotes = !inQuotes;
      } else {
        append(c);
      }
      continue;
    }
    if (c === "\\" && escaped) {
      append(c);
      continue;
    }
    if (c === "\\" && inQuotes) {
      escaped = true;
      continue;
    }
    if (c === " " && !inQuotes) {
      if (arg.length > 0) {
        args.push(arg);
        arg = "";
      }
      continue;
    }
    append(c);
  }
  if (arg.length > 0) {
    args.push(arg.trim());
  }
  return args;
}
var ExecState = class _ExecState extends events.EventEmitter {
  constructor(options, toolPath) {
    super();
    this.processClosed = false;
    this.processError = "";
    this.processExitCode = 0;
    this.processExited = false;
    this.processStderr = false;
    this.delay = 1e4;
    this.done = false;
    this.timeout = null;
    if (!toolPath) {
      throw new Error("toolPath must not be empty");
    }
    this.options = options;
    this.toolPath = toolPath;
    if (options.delay) {
      this.delay = options.delay;
    }
  }
  CheckComplete() {
    if (this.done) {
      return;
    }
    if (this.processClosed) {
      this._setResult();
    } else if (this.processExited) {
      this.timeout = setTimeout2(_ExecState.HandleTimeout, this.delay, this);
    }
  }
  _debug(message) {
    this.emit("debug", message);
  }
  _setResult() {
    let error;
    if (this.processExited) {
      if (this.processError) {
        error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
      } else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
        error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
      } else if (this.processStderr && this.options.failOnStdErr) {
        error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
      }
    }
    if (this.timeout) {
      clearTimeout(this.timeout);
      this.timeout = null;
    }
    this.done = true;
    this.emit("done", error, this.processExitCode);
  }
  static HandleTimeout(state) {
    if (state.done) {
      return;
    }
    if (!state.processClosed && state.processExited) {
      const message = `The STDIO streams did not close within ${state.delay / 1e3} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
      state._debug(message);
    }
    state._setResult();
  }
};

// node_modules/@actions/exec/lib/exec.js
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function exec(commandLine, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    const commandArgs = argStringToArray(commandLine);
    if (commandArgs.length === 0) {
      throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
    }
    const toolPath = commandArgs[0];
    args = commandArgs.slice(1).concat(args || []);
    const runner = new ToolRunner(toolPath, args, options);
    return runner.exec();
  });
}
function getExecOutput(commandLine, args, options) {
  return __awaiter4(this, void 0, void 0, function* () {
    var _a, _b;
    let stdout = "";
    let stderr = "";
    const stdoutDecoder = new StringDecoder("utf8");
    const stderrDecoder = new StringDecoder("utf8");
    const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
    const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
    const stdErrListener = (data) => {
      stderr += stderrDecoder.write(data);
      if (originalStdErrListener) {
        originalStdErrListener(data);
      }
    };
    const stdOutListener = (data) => {
      stdout += stdoutDecoder.write(data);
      if (originalStdoutListener) {
        originalStdoutListener(data);
      }
    };
    const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
    const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
    stdout += stdoutDecoder.end();
    stderr += stderrDecoder.end();
    return {
      exitCode,
      stdout,
      stderr
    };
  });
}

// src/process.ts
function which2(program, env) {
  if (program.includes("/")) return isExecutable(program) ? program : void 0;
  for (const dir of (env.PATH ?? "").split(path4.delimiter)) {
    if (!dir) continue;
    const candidate = path4.join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return void 0;
}
function isExecutable(file) {
  try {
    accessSync(file, constants2.X_OK);
    return true;
  } catch {
    return false;
  }
}
async function run(program, args, options) {
  const resolved = which2(program, options.env);
  if (!resolved) {
    return { exitCode: 127, stdout: "", stderr: `${program}: command not found on PATH` };
  }
  const env = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== void 0) env[key] = value;
  const result = await getExecOutput(resolved, args, {
    cwd: options.cwd,
    env,
    silent: true,
    ignoreReturnCode: true,
    input: typeof options.input === "string" ? Buffer.from(options.input) : options.input,
    listeners: {
      stdline: options.onStdoutLine,
      errline: options.onStderrLine
    }
  });
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

// src/git.ts
var GitError = class extends Error {
  constructor(args, exitCode, stderr) {
    super(`git ${args[0]} failed (exit ${exitCode}): ${stderr.trim()}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stderr = stderr;
    this.name = "GitError";
  }
  args;
  exitCode;
  stderr;
};
async function git(args, ctx, input) {
  const result = await run("git", args, { cwd: ctx.cwd, env: ctx.env, input });
  if (result.exitCode !== 0) throw new GitError(args, result.exitCode, result.stderr);
  return result.stdout;
}
async function gitResult(args, ctx) {
  return run("git", args, { cwd: ctx.cwd, env: ctx.env });
}
async function initBare(dir, ctx) {
  await git(["init", "--bare", "--quiet", dir], ctx);
}
async function addRemote(name, url, ctx) {
  await git(["remote", "add", name, url], ctx);
}
async function isGitRepository(ctx) {
  const result = await gitResult(["rev-parse", "--git-dir"], ctx);
  return result.exitCode === 0;
}
async function repositoryRootAt(ctx) {
  const result = await gitResult(["rev-parse", "--is-bare-repository", "--absolute-git-dir"], ctx);
  if (result.exitCode !== 0) return void 0;
  const [bare, gitDir] = result.stdout.trim().split("\n");
  if (bare === "true") return gitDir;
  const topLevel = await gitResult(["rev-parse", "--show-toplevel"], ctx);
  return topLevel.exitCode === 0 ? topLevel.stdout.trim() : void 0;
}
async function remoteDefaultBranch(remote, ctx) {
  const out = await git(["ls-remote", "--symref", remote, "HEAD"], ctx);
  return /^ref: refs\/heads\/(\S+)\s+HEAD/m.exec(out)?.[1];
}
async function listRemoteBranches(remote, ctx) {
  const out = await git(["ls-remote", "--heads", remote], ctx);
  const branches = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [oid, ref] = line.split("	");
    if (ref?.startsWith("refs/heads/")) branches.set(ref.slice("refs/heads/".length), oid);
  }
  return branches;
}
async function fetchTipWithoutBlobs(remote, branch, ctx) {
  const ref = `refs/remotes/${remote}/${branch}`;
  await git(["fetch", "--quiet", "--no-tags", "--depth=1", "--filter=blob:none", remote, `+refs/heads/${branch}:${ref}`], ctx);
  return (await git(["rev-parse", "--verify", `${ref}^{commit}`], ctx)).trim();
}
async function listTree(treeish, ctx, options = {}) {
  const args = ["ls-tree", "-z"];
  if (options.recursive) args.push("-r");
  args.push(treeish);
  if (options.path) args.push("--", options.path);
  const out = await git(args, ctx);
  return out.split("\0").filter(Boolean).map((record) => {
    const tab = record.indexOf("	");
    const [mode, type, oid] = record.slice(0, tab).split(" ");
    return { mode, type, oid, path: record.slice(tab + 1) };
  });
}
async function hashFiles(files, ctx) {
  if (files.length === 0) return [];
  const out = await git(["hash-object", "-w", "--no-filters", "--stdin-paths"], ctx, files.join("\n") + "\n");
  return out.trim().split("\n");
}
async function makeTree(entries, ctx) {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.oid}	${e.path}`).join("\0") + "\0";
  return (await git(["mktree", "-z", "--missing"], ctx, entries.length ? input : "")).trim();
}
async function commitTree(tree, parent, message, author, ctx) {
  const env = {
    ...ctx.env,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email
  };
  const args = ["commit-tree", tree, ...parent ? ["-p", parent] : []];
  return (await git(args, { ...ctx, env }, message + "\n")).trim();
}
async function pushCommit(remote, commit, branch, ctx) {
  const result = await gitResult(["push", "--porcelain", remote, `${commit}:refs/heads/${branch}`], ctx);
  return { ok: result.exitCode === 0, stderr: `${result.stderr}
${result.stdout}` };
}
async function readBlob(spec, ctx) {
  const result = await gitResult(["cat-file", "blob", spec], ctx);
  return result.exitCode === 0 ? result.stdout : void 0;
}
async function headCommit(ctx) {
  const result = await gitResult(["rev-parse", "--verify", "HEAD^{commit}"], ctx);
  return result.exitCode === 0 ? result.stdout.trim() : void 0;
}
async function exactTag(ctx) {
  const result = await gitResult(["describe", "--tags", "--exact-match", "HEAD"], ctx);
  return result.exitCode === 0 ? result.stdout.trim() : void 0;
}
async function remoteUrl(remote, ctx) {
  const result = await gitResult(["config", "--get", `remote.${remote}.url`], ctx);
  return result.exitCode === 0 ? result.stdout.trim() : void 0;
}
async function lfsPointer(file, ctx) {
  return git(["lfs", "pointer", `--file=${file}`], ctx);
}
async function lfsPushObjects(remote, oids, ctx) {
  await git(["lfs", "push", "--object-id", remote, ...oids], ctx);
}

// src/publish/credentials.ts
function parseRepoLocation(raw) {
  if (!/^https?:\/\//i.test(raw)) return { url: raw, isHttp: false };
  const url = new URL(raw);
  const embeddedUser = url.username ? decodeURIComponent(url.username) : void 0;
  const embeddedPassword = url.password ? decodeURIComponent(url.password) : void 0;
  url.username = "";
  url.password = "";
  return { url: url.toString(), isHttp: true, embeddedUser, embeddedPassword };
}
function withoutCredentials(raw) {
  return /^https?:\/\//i.test(raw) ? parseRepoLocation(raw).url : raw.replace(/^[^@/]+:[^@/]+@/, "");
}
function detectHostKind(url, env) {
  if (!/^https?:\/\//i.test(url)) {
    if (/github\.com[:/]/.test(url)) return "github";
    if (/gitlab\.com[:/]/.test(url)) return "gitlab";
    return "generic";
  }
  const host = new URL(url).host.toLowerCase();
  if (host === "github.com" || hostOf(env.GITHUB_SERVER_URL) === host) return "github";
  if (host === "gitlab.com" || hostOf(env.CI_SERVER_URL) === host) return "gitlab";
  return "generic";
}
function hostOf(url) {
  try {
    return url ? new URL(url).host.toLowerCase() : void 0;
  } catch {
    return void 0;
  }
}
function usernameFor(kind) {
  return kind === "gitlab" ? "oauth2" : "x-access-token";
}
function resolveCredentials(location, token, kind) {
  const secret = token || location.embeddedPassword;
  if (!secret) return void 0;
  return { username: location.embeddedUser ?? usernameFor(kind), token: secret };
}
function basicAuthHeader(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.token}`).toString("base64")}`;
}
function maskCredentials(credentials, redactor) {
  if (!credentials) return;
  redactor.add(credentials.token);
  redactor.add(`${credentials.username}:${credentials.token}`);
  redactor.add(basicAuthHeader(credentials).slice("Basic ".length));
}
function gitEnvironment(base, url, credentials) {
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (!/^GIT_CONFIG_(COUNT|KEY_\d+|VALUE_\d+|PARAMETERS)$/.test(key) && !/^GIT_(DIR|WORK_TREE|INDEX_FILE)$/.test(key)) env[key] = value;
  }
  const config = [
    // An empty helper resets the list, so helpers from global config cannot answer for us.
    ["credential.helper", ""]
  ];
  if (credentials) config.push([`http.${url}.extraHeader`, `Authorization: ${basicAuthHeader(credentials)}`]);
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(config.length);
  env.GIT_TERMINAL_PROMPT = "0";
  env.GIT_CONFIG_NOSYSTEM = "1";
  return env;
}

// src/providers/local.ts
var colour = (code, text) => `\x1B[${code}m${text}\x1B[0m`;
var ttyStyle = {
  ...plainStyle,
  startGroup: (title) => colour(1, `== ${title}`),
  warning: (message) => `${colour(33, "warning:")} ${message}`,
  error: (message) => `${colour(31, "error:")} ${message}`
};
var local = {
  name: "local",
  detect: () => true,
  async context({ env, cwd }) {
    const ciTag = env.CI_COMMIT_TAG || (env.GITHUB_REF_TYPE === "tag" ? env.GITHUB_REF_NAME : void 0) || void 0;
    const ctx = { cwd, env: { ...env, GIT_TERMINAL_PROMPT: "0" } };
    if (!await isGitRepository(ctx)) return { tag: ciTag };
    const origin = await remoteUrl("origin", ctx);
    return {
      tag: ciTag ?? await exactTag(ctx),
      sourceCommit: await headCommit(ctx),
      sourceRepository: origin ? withoutCredentials(origin) : void 0
    };
  },
  // Colour only on a terminal, and never when NO_COLOR asks us not to.
  logStyle: ({ env, isTTY }) => isTTY && !env.NO_COLOR ? ttyStyle : plainStyle
};

// src/providers/index.ts
var PROVIDERS = [github, gitlab, local];
function detectProvider(env) {
  return PROVIDERS.find((provider) => provider.detect({ env })) ?? local;
}

// src/release.ts
import path11 from "node:path";

// src/notebook/execute.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import path6 from "node:path";

// src/notebook/inject.ts
var PYTHON_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isPythonIdentifier(name) {
  return PYTHON_IDENTIFIER.test(name);
}
function pythonLiteral(value, raw) {
  if (!raw) {
    if (value === "True" || value === "False" || value === "None") return value;
    if (/^[+-]?\d+$/.test(value)) return String(Number.parseInt(value, 10));
    if (/^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(value)) return value;
  }
  return JSON.stringify(value);
}
function sourceText(cell) {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}
function hasTag(cell, tag) {
  return Array.isArray(cell.metadata?.tags) && cell.metadata.tags.includes(tag);
}
function injectParameters(notebook, parameters) {
  const lines = ["# Parameters", ...parameters.map((p) => `${p.name} = ${pythonLiteral(p.value, p.raw)}`)];
  const injected = {
    cell_type: "code",
    execution_count: null,
    metadata: { tags: ["injected-parameters"] },
    outputs: [],
    source: lines.map((line, index) => index < lines.length - 1 ? `${line}
` : line)
  };
  if (notebook.nbformat === 4 && notebook.nbformat_minor >= 5) injected.id = "injected-parameters";
  const cells = notebook.cells.filter((cell) => !hasTag(cell, "injected-parameters"));
  const anchor = cells.findIndex((cell) => hasTag(cell, "parameters"));
  cells.splice(anchor + 1, 0, injected);
  return { ...notebook, cells };
}
function countCodeCells(notebook) {
  return notebook.cells.filter((cell) => cell.cell_type === "code").length;
}

// src/notebook/failure.ts
var ANSI = /\x1b\[[0-9;]*m/g;
function failureFromNotebook(notebook) {
  const cells = notebook.cells;
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (hasTag(cell, "papermill-error-cell-tag")) continue;
    const error = (cell.outputs ?? []).find((output) => output.output_type === "error");
    if (!error) continue;
    return {
      cellNumber: index + 1,
      cellCount: cells.length,
      firstLine: firstLine(sourceText(cell)),
      errorName: error.ename ?? "Error",
      errorValue: error.evalue ?? "",
      timedOut: false
    };
  }
  return void 0;
}
function failureFromNbconvertLog(stderr, notebook, cellIndex) {
  const cell = notebook.cells[cellIndex];
  const base = {
    cellNumber: cellIndex + 1,
    cellCount: notebook.cells.length,
    firstLine: cell ? firstLine(sourceText(cell)) : ""
  };
  if (/CellTimeoutError|timed out while it was being executed/.test(stderr)) {
    return { ...base, errorName: "CellTimeoutError", errorValue: "the cell exceeded --timeout", timedOut: true };
  }
  const replies = [...stderr.matchAll(/'ename': (['"])(.*?)\1, 'evalue': (['"])(.*)\3\}/g)];
  const reply = replies[replies.length - 1];
  if (reply) return { ...base, errorName: reply[2], errorValue: unescapePythonRepr(reply[4]), timedOut: false };
  const lastLine = stderr.replace(ANSI, "").trim().split("\n").pop() ?? "";
  const separator = lastLine.indexOf(": ");
  return separator > 0 ? { ...base, errorName: lastLine.slice(0, separator), errorValue: lastLine.slice(separator + 2), timedOut: false } : { ...base, errorName: "Error", errorValue: lastLine, timedOut: false };
}
function markFailedCell(notebook, failure) {
  const cells = notebook.cells.map(
    (cell, index) => index === failure.cellNumber - 1 ? {
      ...cell,
      outputs: [
        ...cell.outputs ?? [],
        { output_type: "error", ename: failure.errorName, evalue: failure.errorValue, traceback: [`${failure.errorName}: ${failure.errorValue}`] }
      ]
    } : cell
  );
  return { ...notebook, cells };
}
function describeFailure(failure, executedNotebook) {
  const what = failure.timedOut ? "timed out" : `raised ${failure.errorName}: ${failure.errorValue}`;
  const code = failure.firstLine ? ` (\`${failure.firstLine}\`)` : "";
  return `Notebook cell ${failure.cellNumber} of ${failure.cellCount}${code} ${what}. Executed notebook: ${executedNotebook}`;
}
function firstLine(source) {
  const line = source.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 80 ? `${line.slice(0, 77)}...` : line.trim();
}
function unescapePythonRepr(text) {
  return text.replace(/\\n/g, "\n").replace(/\\'/g, "'").replace(/\\"/g, '"').replace(/\\\\/g, "\\");
}

// src/notebook/read.ts
import { readFile } from "node:fs/promises";
async function readNotebook(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new ReleaseError("ENOTEBOOKMISSING", `Notebook not found: ${file}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReleaseError("ENOTEBOOKINVALID", `Notebook ${file} is not valid JSON: ${error.message}`);
  }
  const notebook = parsed;
  if (!Array.isArray(notebook?.cells) || notebook.nbformat !== 4) {
    throw new ReleaseError("ENOTEBOOKINVALID", `Notebook ${file} is not an nbformat 4 notebook (no "cells" list or nbformat != 4)`);
  }
  return notebook;
}

// src/notebook/runners.ts
import { rm as rm2, writeFile } from "node:fs/promises";
import path5 from "node:path";
var CellProgress = class {
  constructor(log, total) {
    this.log = log;
    this.total = total;
  }
  log;
  total;
  started;
  cellStarted(number, firstLine2) {
    const now2 = Date.now();
    const previous = this.started !== void 0 ? ` (previous cell took ${((now2 - this.started) / 1e3).toFixed(1)}s)` : "";
    this.started = now2;
    this.log.info(`notebook: cell ${number} of ${this.total}${firstLine2 ? `: ${firstLine2}` : ""}${previous}`);
  }
};
function firstSourceLine(notebook, index) {
  const cell = notebook.cells[index];
  return cell ? (sourceText(cell).split("\n").find((l) => l.trim()) ?? "").trim().slice(0, 60) : "";
}
function tail(text, lines = 20) {
  return text.trim().split("\n").slice(-lines).join("\n");
}
var papermillRunner = {
  name: "papermill",
  program: "papermill",
  async execute(input) {
    const workDir = path5.dirname(input.inputNotebook);
    const args = [input.inputNotebook, input.outputNotebook, "--cwd", workDir, "--log-output", "--no-progress-bar"];
    for (const p of input.parameters) args.push(p.raw ? "-r" : "-p", p.name, p.value);
    if (input.timeoutSeconds !== void 0) args.push("--execution-timeout", String(input.timeoutSeconds));
    const expected = injectParameters(input.notebook, input.parameters);
    const progress = new CellProgress(input.log, expected.cells.length);
    const result = await run("papermill", args, {
      cwd: workDir,
      env: input.env,
      onStderrLine: (line) => {
        const match = /Executing Cell (\d+)/.exec(line);
        if (match) progress.cellStarted(Number(match[1]), firstSourceLine(expected, Number(match[1]) - 1));
      }
    });
    if (result.exitCode === 0) return { ok: true };
    const written = await readNotebook(input.outputNotebook).catch(() => void 0);
    const failure = written && failureFromNotebook(written);
    if (failure && /timeout|timed out/i.test(result.stderr)) failure.timedOut = true;
    return { ok: false, failure, stderrTail: tail(result.stderr) };
  }
};
var nbconvertRunner = {
  name: "nbconvert",
  program: "jupyter",
  async execute(input) {
    const workDir = path5.dirname(input.inputNotebook);
    const injected = injectParameters(input.notebook, input.parameters);
    const stem = path5.basename(input.inputNotebook, ".ipynb");
    const injectedPath = path5.join(workDir, `.${stem}.mlserver-release-input.ipynb`);
    await writeFile(injectedPath, JSON.stringify(injected, null, 1));
    const args = [
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--log-level=DEBUG",
      "--output",
      path5.basename(input.outputNotebook),
      "--output-dir",
      path5.dirname(input.outputNotebook)
    ];
    if (input.timeoutSeconds !== void 0) args.push(`--ExecutePreprocessor.timeout=${input.timeoutSeconds}`);
    args.push(injectedPath);
    const codeCells = injected.cells.flatMap((cell, index) => cell.cell_type === "code" ? [index] : []);
    const progress = new CellProgress(input.log, injected.cells.length);
    let executing = -1;
    try {
      const result = await run("jupyter", args, {
        cwd: workDir,
        // The kernel's debugger otherwise prints a frozen-modules warning into every run.
        env: { ...input.env, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
        onStderrLine: (line) => {
          if (!line.startsWith("[NbConvertApp] Executing cell:")) return;
          executing += 1;
          const index2 = codeCells[executing] ?? -1;
          progress.cellStarted(index2 + 1, firstSourceLine(injected, index2));
        }
      });
      if (result.exitCode === 0) return { ok: true };
      const index = codeCells[executing];
      if (index === void 0) return { ok: false, stderrTail: tail(result.stderr) };
      const failure = failureFromNbconvertLog(result.stderr, injected, index);
      await writeFile(input.outputNotebook, JSON.stringify(markFailedCell(injected, failure), null, 1));
      return { ok: false, failure, stderrTail: tail(result.stderr) };
    } finally {
      await rm2(injectedPath, { force: true });
    }
  }
};
var RUNNERS = { papermill: papermillRunner, nbconvert: nbconvertRunner };
function chooseRunner(choice, env) {
  if (choice !== "auto") return which2(RUNNERS[choice].program, env) ? RUNNERS[choice] : void 0;
  return [papermillRunner, nbconvertRunner].find((runner) => which2(runner.program, env));
}

// src/notebook/execute.ts
function defaultExecutedNotebookPath(notebookPath) {
  const dir = path6.dirname(notebookPath);
  return path6.join(dir, `${path6.basename(notebookPath, ".ipynb")}.executed.ipynb`);
}
async function executeNotebook(input) {
  const notebook = await readNotebook(input.notebookPath);
  const runner = chooseRunner(input.runner, input.env);
  if (!runner) {
    const wanted = input.runner === "auto" ? "papermill or jupyter" : RUNNERS_PROGRAM[input.runner];
    throw new ReleaseError("ERUNNERMISSING", `No notebook runner found: ${wanted} is not on PATH`);
  }
  await mkdir2(path6.dirname(input.outputNotebook), { recursive: true });
  input.log.info(
    `notebook: running ${input.notebookPath} with ${runner.name} (${countCodeCells(notebook)} code cells${input.timeoutSeconds !== void 0 ? `, ${input.timeoutSeconds}s per cell` : ""})`
  );
  const started = Date.now();
  const outcome = await runner.execute({ ...input, inputNotebook: input.notebookPath, notebook });
  const seconds = (Date.now() - started) / 1e3;
  if (!outcome.ok) {
    if (outcome.failure) {
      const code = outcome.failure.timedOut ? "ENOTEBOOKTIMEOUT" : "ENOTEBOOKFAILED";
      throw new ReleaseError(code, describeFailure(outcome.failure, input.outputNotebook));
    }
    throw new ReleaseError("ENOTEBOOKFAILED", `${runner.name} failed before any cell reported an error. Last output:
${outcome.stderrTail}`);
  }
  input.log.info(`notebook: done in ${seconds.toFixed(1)}s, executed notebook kept at ${input.outputNotebook}`);
  return { runner: runner.name, executedNotebook: input.outputNotebook, seconds };
}
var RUNNERS_PROGRAM = { papermill: "papermill", nbconvert: "jupyter (nbconvert)" };

// src/plan.ts
import { existsSync, realpathSync, statSync } from "node:fs";
import path8 from "node:path";

// src/names.ts
var MAX_SEGMENT_LENGTH = 100;
function segmentProblems(value, what) {
  if (value === "") return [`${what} is empty`];
  const problems = [];
  if (value.length > MAX_SEGMENT_LENGTH) problems.push(`${what} is ${value.length} characters long (at most ${MAX_SEGMENT_LENGTH})`);
  if (value.includes("/")) problems.push(`${what} "${value}" contains "/"`);
  if (value.includes("..")) problems.push(`${what} "${value}" contains ".."`);
  const bad = [...new Set(value.replace(/[A-Za-z0-9._\/-]/g, ""))].join("");
  if (bad) problems.push(`${what} "${value}" contains characters outside [A-Za-z0-9._-]: ${JSON.stringify(bad)}`);
  if (value === "." || value.startsWith(".")) problems.push(`${what} "${value}" starts with "." (MLServer skips dot-folders)`);
  return problems;
}
function inferencePath(name, version) {
  return `/v2/models/${name}/versions/${version}/infer`;
}

// src/publish/layout.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat as lstat2, readdir as readdir2, realpath, stat as stat2 } from "node:fs/promises";
import path7 from "node:path";
var SETTINGS_FILE = "model-settings.json";
var RECORD_FILE = "release.json";
function normalizeModelsPath(modelsPath) {
  const trimmed = modelsPath.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
  const parts = trimmed.split("/").filter((p) => p && p !== ".");
  if (parts.includes("..")) throw new ReleaseError("EUSAGE", `--models-path "${modelsPath}" must stay inside the repository (no "..")`);
  return parts.join("/");
}
function versionFolder(modelsPath, name, version) {
  const base = normalizeModelsPath(modelsPath);
  return base ? `${base}/${name}-${version}` : `${name}-${version}`;
}
function folderRelativePath(uri) {
  return path7.posix.normalize(uri.replace(/\\/g, "/")).replace(/^\.\//, "").replace(/\/$/, "");
}
async function sha256File(file) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest("hex");
}
async function collectArtifact(modelDir, uri) {
  const root = await realpath(modelDir);
  const target = path7.resolve(modelDir, uri);
  let info;
  try {
    info = await stat2(target);
  } catch {
    throw new ReleaseError("EARTIFACTMISSING", `The artifact "${uri}" (parameters.uri) does not exist at ${target} after the notebook ran`);
  }
  const real = await realpath(target);
  if (real !== root && !real.startsWith(root + path7.sep)) {
    throw new ReleaseError("EURIESCAPES", `parameters.uri "${uri}" resolves to ${real}, outside the model folder ${root}`);
  }
  const sources = info.isDirectory() ? await walkFiles(target, root) : [target];
  const base = folderRelativePath(uri);
  const files = [];
  for (const source of sources) {
    const inner = path7.relative(target, source).split(path7.sep).join("/");
    files.push({
      relativePath: inner ? `${base.replace(/\/$/, "")}/${inner}` : base,
      source,
      bytes: (await stat2(source)).size,
      sha256: await sha256File(source)
    });
  }
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const sha256 = info.isDirectory() ? createHash("sha256").update(files.map((f) => `${f.sha256}  ${f.relativePath}`).sort().join("\n")).digest("hex") : files[0].sha256;
  return { uri, files, bytes, sha256 };
}
async function walkFiles(dir, root) {
  const out = [];
  for (const entry of (await readdir2(dir)).sort()) {
    const full = path7.join(dir, entry);
    const info = await lstat2(full);
    if (info.isSymbolicLink()) {
      const real = await realpath(full);
      if (!real.startsWith(root + path7.sep)) throw new ReleaseError("EURIESCAPES", `${full} is a symlink to ${real}, outside the model folder ${root}`);
    }
    if ((await stat2(full)).isDirectory()) out.push(...await walkFiles(full, root));
    else out.push(full);
  }
  return out;
}

// src/settings.ts
import { readFile as readFile2 } from "node:fs/promises";
var DATATYPES = [
  "BOOL",
  "UINT8",
  "UINT16",
  "UINT32",
  "UINT64",
  "INT8",
  "INT16",
  "INT32",
  "INT64",
  "FP16",
  "FP32",
  "FP64",
  "BYTES"
];
var KNOWN_FIELDS = /* @__PURE__ */ new Set([
  "name",
  "implementation",
  "parameters",
  "inputs",
  "outputs",
  "versions",
  "platform",
  "warm_workers",
  "parallel_workers",
  "max_batch_size",
  "max_batch_time",
  "cache_enabled"
]);
var IMPORT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
var VERSION_PLACEHOLDERS = ["${VERSION}", "$VERSION", "$VERSAO"];
async function readSettingsFile(file) {
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch (error) {
    throw new ReleaseError("ESETTINGSMISSING", `Cannot read model settings ${file}: ${error.code ?? error}`);
  }
  return parseSettingsText(text, file);
}
function parseSettingsText(text, file) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error.message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : "";
    throw new ReleaseError("ESETTINGSPARSE", `${file} is not valid JSON${where}: ${message}`);
  }
}
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
function validateSettings(value, file) {
  if (!isObject(value)) {
    throw new ReleaseError("ESETTINGSINVALID", `${file} must hold a JSON object`);
  }
  const problems = [];
  const warnings = [];
  if (value.implementation === void 0) problems.push('"implementation" is required (e.g. "mlserver_sklearn.SKLearnModel")');
  else if (typeof value.implementation !== "string" || !IMPORT_PATH.test(value.implementation)) {
    problems.push(`"implementation" must be a dotted Python import path like "mlserver_sklearn.SKLearnModel", got ${JSON.stringify(value.implementation)}`);
  }
  if (value.name === void 0) problems.push('"name" is required: it names the published folder <name>-<version>');
  else if (typeof value.name !== "string") problems.push(`"name" must be a string, got ${JSON.stringify(value.name)}`);
  else problems.push(...segmentProblems(value.name, '"name"'));
  if (value.parameters !== void 0) {
    if (!isObject(value.parameters)) problems.push('"parameters" must be an object');
    else {
      const { uri, version } = value.parameters;
      if (uri !== void 0) problems.push(...uriProblems(uri));
      if (version !== void 0 && typeof version !== "string") problems.push('"parameters.version" must be a string');
    }
  }
  for (const field of ["inputs", "outputs"]) {
    if (value[field] !== void 0) problems.push(...tensorListProblems(value[field], field));
  }
  for (const field of ["max_batch_size", "warm_workers", "parallel_workers"]) {
    const n = value[field];
    if (n !== void 0 && !(Number.isInteger(n) && n >= 0)) problems.push(`"${field}" must be a non-negative integer`);
  }
  if (value.max_batch_time !== void 0 && typeof value.max_batch_time !== "number") problems.push('"max_batch_time" must be a number');
  if (value.versions !== void 0 && !(Array.isArray(value.versions) && value.versions.every((v) => typeof v === "string"))) {
    problems.push('"versions" must be a list of strings (dependency versions, not the model version)');
  }
  for (const key of Object.keys(value)) {
    if (!KNOWN_FIELDS.has(key)) warnings.push(`${file}: unknown top-level key "${key}" will be silently dropped by MLServer`);
  }
  if (problems.length > 0) {
    throw new ReleaseError("ESETTINGSINVALID", `${file} does not satisfy MLServer's ModelSettings (${problems.length} problem${problems.length > 1 ? "s" : ""})`, problems);
  }
  return { settings: value, warnings };
}
function uriProblems(uri) {
  if (typeof uri !== "string" || uri === "") return ['"parameters.uri" must be a non-empty string'];
  if (uri.startsWith("/") || /^[A-Za-z]:[\\/]/.test(uri)) return [`"parameters.uri" must be relative to the model folder, got absolute "${uri}"`];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return [`"parameters.uri" must be a file path, got the URL "${uri}"`];
  const parts = uri.split(/[\\/]+/);
  if (parts.includes("..")) return [`"parameters.uri" "${uri}" leaves the model folder through ".."`];
  return [];
}
function tensorListProblems(list, field) {
  if (!Array.isArray(list)) return [`"${field}" must be a list of {name, datatype, shape}`];
  const problems = [];
  list.forEach((tensor, index) => {
    const where = `"${field}[${index}]"`;
    if (!isObject(tensor)) return problems.push(`${where} must be an object`);
    if (tensor.name !== void 0 && typeof tensor.name !== "string") problems.push(`${where}.name must be a string`);
    if (tensor.datatype !== void 0 && !DATATYPES.includes(tensor.datatype)) {
      problems.push(`${where}.datatype ${JSON.stringify(tensor.datatype)} is not one of ${DATATYPES.join(", ")}`);
    }
    if (tensor.shape !== void 0 && !(Array.isArray(tensor.shape) && tensor.shape.every((d) => Number.isInteger(d)))) {
      problems.push(`${where}.shape must be a list of integers (-1 for a variable dimension)`);
    }
  });
  return problems;
}
function renderSettings(settings, version) {
  const rendered = replacePlaceholders(settings, version);
  const parameters = isObject(rendered.parameters) ? rendered.parameters : {};
  rendered.parameters = { ...parameters, version };
  return rendered;
}
function replacePlaceholders(value, version) {
  if (typeof value === "string") {
    return VERSION_PLACEHOLDERS.reduce((text, placeholder) => text.split(placeholder).join(version), value);
  }
  if (Array.isArray(value)) return value.map((item) => replacePlaceholders(item, version));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replacePlaceholders(item, version)]));
  }
  return value;
}
function serializeSettings(settings) {
  return JSON.stringify(settings, null, 2) + "\n";
}
function artifactUri(settings) {
  const parameters = settings.parameters;
  return isObject(parameters) && typeof parameters.uri === "string" ? parameters.uri : void 0;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/plan.ts
var RUNNER_CHOICES = ["auto", "papermill", "nbconvert", "none"];
async function planRelease({ options, context, env, cwd, log }) {
  const runner = parseRunner(options.runner ?? "auto");
  const version = resolveVersion(options.version, context);
  const parameters = parseParams(options.params);
  const timeoutSeconds = parseTimeout(options.timeout);
  const repoInput = options.repo || env.MLSERVER_REPO;
  if (!repoInput) throw new ReleaseError("EREPOMISSING", "No model repository given: --repo (or MLSERVER_REPO) is required");
  const location = parseRepoLocation(repoInput);
  const hostKind = detectHostKind(location.url, env);
  const credentials = resolveCredentials(location, options.token || env.MLSERVER_REPO_TOKEN, hostKind);
  maskCredentials(credentials, log.redactor);
  const repoUrl = await resolveRepo(location.url, location.isHttp, env, cwd);
  const modelDir = path8.resolve(cwd, options.modelDir ?? ".");
  const settingsPath = path8.resolve(cwd, options.settings ?? path8.join(modelDir, "model-settings.json"));
  const { settings, warnings } = validateSettings(await readSettingsFile(settingsPath), settingsPath);
  const name = settings.name;
  let notebookPath;
  let outputNotebook;
  if (runner !== "none") {
    notebookPath = path8.resolve(cwd, options.notebook ?? path8.join(modelDir, `${name}.ipynb`));
    if (!existsSync(notebookPath)) {
      throw new ReleaseError("ENOTEBOOKMISSING", `Notebook not found: ${notebookPath}`);
    }
    outputNotebook = options.outputNotebook ? path8.resolve(cwd, options.outputNotebook) : defaultExecutedNotebookPath(notebookPath);
  }
  const modelsPath = normalizeModelsPath(options.modelsPath ?? "models");
  return {
    modelDir,
    settingsPath,
    settings,
    name,
    version,
    folder: versionFolder(modelsPath, name, version),
    endpoint: inferencePath(name, version),
    runner,
    notebookPath,
    outputNotebook,
    // version and model_name are strings whatever they look like ("1.0" stays "1.0").
    parameters: [
      { name: "version", value: version, raw: true },
      { name: "model_name", value: name, raw: true },
      ...parameters
    ],
    timeoutSeconds,
    repo: { url: repoUrl, isHttp: location.isHttp, hostKind },
    credentials,
    branch: options.branch || void 0,
    modelsPath,
    author: {
      name: options.gitUserName || env.GIT_USER_NAME || "mlserver-release",
      email: options.gitUserEmail || env.GIT_USER_EMAIL || "mlserver-release@users.noreply.localhost"
    },
    message: `Release model ${name} ${version}`,
    dryRun: options.dryRun ?? false,
    force: options.force ?? false,
    skipPreflight: options.skipPreflight ?? false,
    context,
    warnings
  };
}
function parseRunner(value) {
  if (RUNNER_CHOICES.includes(value)) return value;
  throw new ReleaseError("ERUNNERUNKNOWN", `Unknown runner "${value}": expected one of ${RUNNER_CHOICES.join(", ")}`);
}
function resolveVersion(explicit, context) {
  const version = explicit ?? context.tag;
  if (version === void 0) {
    throw new ReleaseError("ENOVERSION", "No version given: pass --version, or run on a git tag");
  }
  const problems = segmentProblems(version, "version");
  if (problems.length > 0) throw new ReleaseError("EINVALIDVERSION", `Invalid version "${version}"`, problems);
  return version;
}
function parseParams(params) {
  if (!params) return [];
  const pairs = Array.isArray(params) ? params.map((entry) => {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new ReleaseError("EPARAM", `--param "${entry}" is not of the form key=value`);
    return [entry.slice(0, eq).trim(), entry.slice(eq + 1)];
  }) : Object.entries(params);
  return pairs.map(([name, value]) => {
    if (!isPythonIdentifier(name)) throw new ReleaseError("EPARAM", `--param name "${name}" is not a Python identifier`);
    if (name === "version" || name === "model_name") {
      throw new ReleaseError("EPARAM", `--param ${name} is set by the release itself (from --version and the model name)`);
    }
    return { name, value, raw: false };
  });
}
function parseTimeout(timeout) {
  if (timeout === void 0) return void 0;
  if (!Number.isFinite(timeout) || timeout <= 0) throw new ReleaseError("EUSAGE", `--timeout must be a positive number of seconds, got ${timeout}`);
  return timeout;
}
async function resolveRepo(url, isHttp, env, cwd) {
  if (isHttp || /^(ssh|git|file):\/\//i.test(url) || /^[^/]+@[^:]+:/.test(url)) return url;
  const dir = path8.resolve(cwd, url);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ReleaseError("EREPONOTFOUND", `--repo ${dir} does not exist`);
  }
  const root = await repositoryRootAt({ cwd: dir, env: { ...env, GIT_DIR: void 0, GIT_WORK_TREE: void 0 } });
  if (!root || realpathSync(root) !== realpathSync(dir)) {
    throw new ReleaseError("EREPONOTFOUND", `--repo ${dir} is not a git repository`);
  }
  return dir;
}

// src/publish/git-transport.ts
import { mkdtemp, rm as rm3, stat as stat3, writeFile as writeFile3 } from "node:fs/promises";
import os2 from "node:os";
import path10 from "node:path";

// src/publish/lfs.ts
import { copyFile as copyFile2, mkdir as mkdir3, writeFile as writeFile2 } from "node:fs/promises";
import path9 from "node:path";
function globToRegExp(pattern) {
  const anchored = pattern.includes("/") && !pattern.endsWith("/");
  const body = pattern.replace(/^\//, "").split(/(\*\*\/|\*\*|\*|\?)/).map((part) => {
    if (part === "**/") return "(?:.*/)?";
    if (part === "**") return ".*";
    if (part === "*") return "[^/]*";
    if (part === "?") return "[^/]";
    return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }).join("");
  return new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`);
}
function lfsMatcher(attributes) {
  const rules = [];
  for (const raw of (attributes ?? "").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    if (attrs.includes("filter=lfs")) rules.push({ regex: globToRegExp(pattern), lfs: true });
    else if (attrs.some((a) => a === "-filter" || a === "!filter" || a.startsWith("filter=") && a !== "filter=lfs")) {
      rules.push({ regex: globToRegExp(pattern), lfs: false });
    }
  }
  return (repoPath) => rules.reduce((lfs, rule) => rule.regex.test(repoPath) ? rule.lfs : lfs, false);
}
async function prepareLfsObjects(sources, repoDir, workspace, ctx) {
  if (sources.length === 0) return [];
  if (!which2("git-lfs", ctx.env)) {
    throw new ReleaseError("ELFSMISSING", `The repository stores ${sources.map((s) => path9.basename(s)).join(", ")} in Git LFS (.gitattributes), but git-lfs is not installed`);
  }
  const prepared = [];
  for (const [index, source] of sources.entries()) {
    const pointer = await lfsPointer(source, ctx);
    const oid = /oid sha256:([0-9a-f]{64})/.exec(pointer)?.[1];
    if (!oid) throw new ReleaseError("EPUSHFAILED", `git lfs pointer gave no object id for ${source}`);
    const pointerFile = path9.join(workspace, `lfs-pointer-${index}`);
    await writeFile2(pointerFile, pointer);
    const store = path9.join(repoDir, "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4));
    await mkdir3(store, { recursive: true });
    await copyFile2(source, path9.join(store, oid));
    prepared.push({ source, pointerFile, oid });
  }
  return prepared;
}
async function uploadLfsObjects(remote, files, ctx) {
  if (files.length === 0) return;
  try {
    await lfsPushObjects(remote, files.map((f) => f.oid), ctx);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new ReleaseError("EPUSHFAILED", "Uploading the artifact to the Git LFS server failed", error.stderr.trim().split("\n").slice(-4));
  }
}

// src/publish/retry.ts
var PATTERNS = [
  ["moved", /\(fetch first\)|\(non-fast-forward\)|failed to update ref|cannot lock ref|stale info|incorrect old value/i],
  ["auth", /returned error: 401|Authentication failed|could not read (Username|Password)|terminal prompts disabled/i],
  ["forbidden", /returned error: 403|permission to .* denied|access denied|not allowed to push|You are not allowed/i],
  ["not-found", /returned error: 404|repository '.*' not found|does not appear to be a git repository|Repository not found|No such file or directory/i],
  ["branch-missing", /couldn't find remote ref|fatal: invalid refspec|Remote branch .* not found/i],
  [
    "transient",
    /returned error: 5\d\d|RPC failed|early EOF|unexpected disconnect|remote end hung up|Empty reply from server|Connection reset|Connection refused|Failed to connect|Could not resolve host|timed out|Operation too slow|transfer closed|SSL_ERROR|gnutls_handshake|the remote end hung up/i
  ]
];
function classifyGitFailure(stderr) {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(stderr)) return kind;
  return "other";
}
function publishError(kind, url, branch, stderr) {
  const detail = stderr.trim().split("\n").filter(Boolean).slice(-4);
  switch (kind) {
    case "auth":
      return new ReleaseError("EAUTH", `The remote ${url} rejected the credentials (HTTP 401): the token is missing, wrong or expired`, detail);
    case "forbidden":
      return new ReleaseError("EFORBIDDEN", `The remote ${url} refused access (HTTP 403): the token may not push to this repository`, detail);
    case "not-found":
      return new ReleaseError("EREMOTENOTFOUND", `Repository not found: ${url} (HTTP 404)`, detail);
    case "branch-missing":
      return new ReleaseError("EBRANCHMISSING", `Branch "${branch}" does not exist on ${url}`, detail);
    case "transient":
      return new ReleaseError("EUNREACHABLE", `The remote ${url} could not be reached after several attempts`, detail);
    default:
      return new ReleaseError("EPUSHFAILED", `git failed while publishing to ${url}`, detail);
  }
}
var DEFAULT_BACKOFF = { attempts: 8, baseMs: 250, maxMs: 8e3 };
function backoffDelay(attempt, options, random = Math.random) {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
var sleep = (ms) => new Promise((resolve2) => setTimeout(resolve2, ms));

// src/publish/tree.ts
async function writeFolderTree(files, ctx) {
  const here = [];
  const subfolders = /* @__PURE__ */ new Map();
  for (const file of files) {
    const slash = file.path.indexOf("/");
    if (slash < 0) {
      here.push({ mode: file.executable ? "100755" : "100644", type: "blob", oid: file.oid, path: file.path });
    } else {
      const name = file.path.slice(0, slash);
      const inner = subfolders.get(name) ?? [];
      inner.push({ ...file, path: file.path.slice(slash + 1) });
      subfolders.set(name, inner);
    }
  }
  for (const [name, inner] of subfolders) {
    here.push({ mode: "040000", type: "tree", oid: await writeFolderTree(inner, ctx), path: name });
  }
  return makeTree(here, ctx);
}
async function replaceFolder(rootTree, folderPath, folderTree, ctx) {
  const [head, ...rest] = folderPath.split("/");
  const entries = rootTree ? await listTree(rootTree, ctx) : [];
  const existing = entries.find((e) => e.path === head);
  const child2 = rest.length === 0 ? folderTree : await replaceFolder(existing?.type === "tree" ? existing.oid : void 0, rest.join("/"), folderTree, ctx);
  const kept = entries.filter((e) => e.path !== head);
  if (child2) kept.push({ mode: "040000", type: "tree", oid: child2, path: head });
  return makeTree(kept, ctx);
}
async function folderBlobs(commit, folderPath, ctx) {
  const prefix = `${folderPath}/`;
  const entries = await listTree(commit, ctx, { path: prefix, recursive: true });
  return new Map(entries.filter((e) => e.type === "blob" && e.path.startsWith(prefix)).map((e) => [e.path.slice(prefix.length), e.oid]));
}

// src/publish/git-transport.ts
var REMOTE = "origin";
async function publishWithGit(input) {
  const workspace = await mkdtemp(path10.join(input.env.TMPDIR || os2.tmpdir(), "mlserver-release-"));
  try {
    return await publishIn(workspace, input);
  } finally {
    await rm3(workspace, { recursive: true, force: true });
  }
}
async function publishIn(workspace, input) {
  const repoDir = path10.join(workspace, "repo.git");
  const ctx = { cwd: workspace, env: gitEnvironment(input.env, input.url, input.credentials) };
  await initBare(repoDir, ctx);
  ctx.cwd = repoDir;
  await addRemote(REMOTE, input.url, ctx);
  let local2;
  let localAttributes;
  const backoff = input.backoff ?? DEFAULT_BACKOFF;
  const branch = input.branch ?? await withRetries(() => remoteDefaultBranch(REMOTE, ctx), input, backoff) ?? "main";
  for (let attempt = 1; attempt <= backoff.attempts; attempt++) {
    const tip = await fetchTip(branch, ctx, input, backoff);
    const attributes = tip ? await readBlob(`${tip}:.gitattributes`, ctx) : void 0;
    if (!local2 || attributes !== localAttributes) {
      local2 = await hashLocalFiles(workspace, input, attributes, ctx);
      localAttributes = attributes;
    }
    const published = tip ? await folderBlobs(tip, input.folder, ctx) : /* @__PURE__ */ new Map();
    const same = sameContent(local2.files, published, input.ignoreForComparison);
    if (same) {
      input.log.info(`publish: ${input.folder} already holds this exact model on ${branch}; nothing to push`);
      return { status: "already-published", branch, commit: tip, attempts: attempt, replaced: false };
    }
    const replaced = published.size > 0;
    if (replaced && !input.force) {
      throw new ReleaseError("EVERSIONCONFLICT", `${input.folder} is already published on ${branch} with different content`, describeDifferences(local2.files, published, input.ignoreForComparison));
    }
    const folderTree = await writeFolderTree(local2.files, ctx);
    const rootTree = tip ? `${tip}^{tree}` : void 0;
    const newRoot = await replaceFolder(rootTree, input.folder, folderTree, ctx);
    const commit = await commitTree(newRoot, tip, input.message, input.author, ctx);
    await uploadLfsObjects(REMOTE, local2.lfs, ctx);
    const push = await pushCommit(REMOTE, commit, branch, ctx);
    if (push.ok) {
      input.log.info(`publish: pushed ${commit.slice(0, 12)} to ${branch}${attempt > 1 ? ` (attempt ${attempt})` : ""}`);
      return { status: "pushed", branch, commit, attempts: attempt, replaced };
    }
    const kind = classifyGitFailure(push.stderr);
    if (kind !== "moved" && kind !== "transient" || attempt === backoff.attempts) {
      if (kind === "moved") break;
      throw publishError(kind, input.url, branch, push.stderr);
    }
    const delay = backoffDelay(attempt, backoff);
    input.log.info(`publish: ${kind === "moved" ? "another release landed first; rebuilding on the new tip" : "the remote failed"}, retrying in ${delay}ms (attempt ${attempt + 1} of ${backoff.attempts})`);
    await sleep(delay);
  }
  throw new ReleaseError("EPUSHFAILED", `Gave up publishing ${input.folder} after ${backoff.attempts} attempts: the branch ${branch} kept moving`);
}
async function fetchTip(branch, ctx, input, backoff) {
  try {
    return await withRetries(() => fetchTipWithoutBlobs(REMOTE, branch, ctx), input, backoff);
  } catch (error) {
    if (error instanceof ReleaseError && error.code === "EBRANCHMISSING") {
      const branches = await listRemoteBranches(REMOTE, ctx);
      if (branches.size === 0) return void 0;
    }
    throw error;
  }
}
async function withRetries(action, input, backoff) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const kind = classifyGitFailure(error.stderr);
      if (kind !== "transient" || attempt >= backoff.attempts) throw publishError(kind, input.url, input.branch, error.stderr);
      const delay = backoffDelay(attempt, backoff);
      input.log.info(`publish: the remote did not answer cleanly, retrying in ${delay}ms (attempt ${attempt + 1} of ${backoff.attempts})`);
      await sleep(delay);
    }
  }
}
var LARGE_FILE_BYTES = 100 * 1e3 * 1e3;
async function hashLocalFiles(workspace, input, attributes, ctx) {
  const isLfs = lfsMatcher(attributes);
  const sources = [];
  const lfsSources = [];
  for (const [index, file] of input.files.entries()) {
    if (file.source) {
      const source = path10.resolve(file.source);
      sources.push(source);
      if (isLfs(`${input.folder}/${file.path}`)) lfsSources.push(source);
      else if ((await stat3(source)).size > LARGE_FILE_BYTES) {
        input.log.warn(`${file.path} is over 100 MB and the repository does not route it through Git LFS: GitHub will reject the push`);
      }
    } else {
      const generated = path10.join(workspace, `generated-${index}`);
      await writeFile3(generated, file.content ?? "");
      sources.push(generated);
    }
  }
  const lfs = await prepareLfsObjects(lfsSources, ctx.cwd, workspace, ctx);
  if (lfs.length > 0) input.log.info(`publish: ${lfs.length} file(s) go through Git LFS, as the repository's .gitattributes asks`);
  const pointerOf = new Map(lfs.map((f) => [f.source, f.pointerFile]));
  const oids = await hashFiles(sources.map((s) => pointerOf.get(s) ?? s), ctx);
  const files = [];
  for (const [index, file] of input.files.entries()) {
    const executable = file.source ? ((await stat3(file.source)).mode & 73) !== 0 : false;
    files.push({ path: file.path, oid: oids[index], executable });
  }
  return { files, lfs };
}
function sameContent(local2, published, ignore) {
  const mine = local2.filter((f) => !ignore.includes(f.path));
  const theirs = [...published.keys()].filter((p) => !ignore.includes(p));
  return published.size > 0 && mine.length === theirs.length && mine.every((f) => published.get(f.path) === f.oid);
}
function describeDifferences(local2, published, ignore) {
  const lines = [];
  for (const file of local2) {
    if (ignore.includes(file.path)) continue;
    const remote = published.get(file.path);
    if (!remote) lines.push(`${file.path}: new in this release`);
    else if (remote !== file.oid) lines.push(`${file.path}: differs (published ${remote.slice(0, 12)}, local ${file.oid.slice(0, 12)})`);
  }
  for (const remotePath of published.keys()) {
    if (!ignore.includes(remotePath) && !local2.some((f) => f.path === remotePath)) lines.push(`${remotePath}: only in the published version`);
  }
  return lines;
}

// src/publish/preflight.ts
async function preflight(input) {
  const branches = input.isHttp ? await advertisedBranchesOverHttp(input) : await advertisedBranchesOverGit(input);
  if (input.branch && branches.length > 0 && !branches.includes(input.branch)) {
    throw new ReleaseError("EBRANCHMISSING", `Branch "${input.branch}" does not exist on ${input.url} (it has: ${branches.slice(0, 10).join(", ")})`);
  }
  input.log.info(`preflight: ${input.url} is reachable${input.isHttp ? " and accepts pushes with these credentials" : ""}`);
  return { branches };
}
async function advertisedBranchesOverHttp(input) {
  const endpoint = `${input.url.replace(/\/+$/, "")}/info/refs?service=git-receive-pack`;
  const headers = { "User-Agent": "git/2 mlserver-release", "Git-Protocol": "version=0" };
  if (input.credentials) headers.Authorization = basicAuthHeader(input.credentials);
  const backoff = input.backoff ?? DEFAULT_BACKOFF;
  for (let attempt = 1; ; attempt++) {
    let status;
    let body = "";
    try {
      const response = await fetch(endpoint, { headers, redirect: "follow", signal: AbortSignal.timeout(3e4) });
      status = response.status;
      body = await response.text();
    } catch (error) {
      status = 0;
      body = error.message;
    }
    if (status === 200) return parseAdvertisement(body);
    const retryable = status === 0 || status >= 500 || status === 429;
    if (!retryable || attempt >= backoff.attempts) throw preflightError(status, input.url, body);
    await sleep(backoffDelay(attempt, backoff));
  }
}
function preflightError(status, url, body) {
  switch (status) {
    case 401:
      return new ReleaseError("EAUTH", `Preflight: ${url} rejected the credentials (HTTP 401); no token was given, or it is wrong or expired`);
    case 403:
      return new ReleaseError("EFORBIDDEN", `Preflight: ${url} refused to let these credentials push (HTTP 403)`);
    case 404:
      return new ReleaseError("EREMOTENOTFOUND", `Preflight: repository not found at ${url} (HTTP 404)`);
    case 0:
      return new ReleaseError("EUNREACHABLE", `Preflight: could not reach ${url}: ${body}`);
    default:
      return new ReleaseError("EUNREACHABLE", `Preflight: ${url} answered HTTP ${status}`);
  }
}
function parseAdvertisement(body) {
  const branches = [];
  for (const match of body.matchAll(/[0-9a-f]{40,64} refs\/heads\/([^\0\n]+)/g)) branches.push(match[1]);
  return branches;
}
async function advertisedBranchesOverGit(input) {
  const ctx = { cwd: input.cwd, env: gitEnvironment(input.env, input.url, input.credentials) };
  try {
    return [...(await listRemoteBranches(input.url, ctx)).keys()];
  } catch (error) {
    if (error instanceof GitError) throw publishError(classifyGitFailure(error.stderr), input.url, input.branch, error.stderr);
    throw error;
  }
}

// package.json
var package_default = {
  name: "mlserver-release",
  version: "0.1.0",
  description: "Turn a git tag into a served MLServer model: run the training notebook, version model-settings.json, publish to the MLServer model repository.",
  type: "module",
  license: "MIT",
  bin: {
    "mlserver-release": "dist/index.js"
  },
  main: "dist/index.js",
  types: "dist/index.d.ts",
  exports: {
    ".": {
      types: "./dist/index.d.ts",
      import: "./dist/index.js"
    }
  },
  files: [
    "dist",
    "action.yml"
  ],
  engines: {
    node: ">=20"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    test: 'npm run typecheck && node --import tsx node_modules/uvu/bin.js test "\\.test\\.ts$"',
    bench: "node --import tsx scripts/bench.ts",
    example: "zx scripts/release.mjs"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/exec": "^3.0.0",
    "@gitbeaker/rest": "^43.8.0",
    zx: "^8.8.5"
  },
  devDependencies: {
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    tsx: "^4.23.15",
    typescript: "^7.0.2",
    uvu: "^0.5.6"
  }
};

// src/version.ts
var TOOL_VERSION = package_default.version;

// src/release.ts
async function release(options = {}, runtime = {}) {
  const env = runtime.env ?? process.env;
  const cwd = runtime.cwd ?? process.cwd();
  const log = runtime.log ?? silentLogger();
  const provider = runtime.provider ?? detectProvider(env);
  const context = await provider.context({ env, cwd });
  const plan = await log.group("Plan", async () => {
    const planned = await planRelease({ options, context, env, cwd, log });
    for (const warning of planned.warnings) log.warn(warning, planned.settingsPath);
    log.info(`release: ${planned.name} ${planned.version} -> ${planned.repo.url} ${planned.folder}/`);
    return planned;
  });
  if (!plan.skipPreflight) {
    await log.group(
      "Preflight",
      () => preflight({ url: plan.repo.url, isHttp: plan.repo.isHttp, credentials: plan.credentials, branch: plan.branch, env, cwd, log, backoff: runtime.backoff })
    );
  }
  if (plan.dryRun) return dryRun(plan, log);
  let executedNotebook;
  if (plan.runner !== "none") {
    executedNotebook = await log.group("Notebook", async () => {
      const result = await executeNotebook({
        notebookPath: plan.notebookPath,
        outputNotebook: plan.outputNotebook,
        runner: plan.runner,
        parameters: plan.parameters,
        timeoutSeconds: plan.timeoutSeconds,
        env,
        log
      });
      return result.executedNotebook;
    });
  }
  const { files, artifact } = await log.group("Settings", () => prepareFiles(plan, executedNotebook, log));
  const published = await log.group(
    "Publish",
    () => publishWithGit({
      url: plan.repo.url,
      credentials: plan.credentials,
      branch: plan.branch,
      folder: plan.folder,
      files,
      ignoreForComparison: [RECORD_FILE],
      message: plan.message,
      author: plan.author,
      force: plan.force,
      env,
      log,
      backoff: runtime.backoff
    })
  );
  return {
    ...baseResult(plan, files, artifact, log),
    branch: published.branch,
    commit: published.commit,
    status: published.status,
    pushed: published.status === "pushed",
    alreadyPublished: published.status === "already-published",
    executedNotebook
  };
}
async function prepareFiles(plan, executedNotebook, log) {
  const rendered = renderSettings(plan.settings, plan.version);
  const uri = artifactUri(rendered);
  let artifact;
  if (uri) {
    artifact = await collectArtifact(plan.modelDir, uri);
    log.info(`settings: artifact ${uri} (${formatBytes(artifact.bytes)}, sha256 ${artifact.sha256.slice(0, 16)}...)`);
  } else {
    log.warn("model-settings.json has no parameters.uri: only the settings are published", plan.settingsPath);
  }
  const record = {
    tool: "mlserver-release",
    toolVersion: TOOL_VERSION,
    model: plan.name,
    version: plan.version,
    source: {
      repository: plan.context.sourceRepository,
      commit: plan.context.sourceCommit,
      tag: plan.context.tag,
      jobUrl: plan.context.jobUrl
    },
    artifact: artifact ? { path: artifact.uri, bytes: artifact.bytes, sha256: artifact.sha256 } : void 0,
    executedNotebook: executedNotebook ? path11.basename(executedNotebook) : void 0,
    releasedAt: (/* @__PURE__ */ new Date()).toISOString()
  };
  const files = [
    { path: SETTINGS_FILE, content: serializeSettings(rendered) },
    ...(artifact?.files ?? []).map((file) => ({ path: file.relativePath, source: file.source })),
    { path: RECORD_FILE, content: JSON.stringify(record, null, 2) + "\n" }
  ];
  if (files.filter((f) => f.path === SETTINGS_FILE || f.path === RECORD_FILE).length > 2) {
    throw new ReleaseError("ESETTINGSINVALID", `parameters.uri "${uri}" collides with ${SETTINGS_FILE} or ${RECORD_FILE}`);
  }
  log.info(`settings: version ${plan.version} written into parameters.version`);
  return { files, artifact };
}
function dryRun(plan, log) {
  const uri = artifactUri(plan.settings);
  const files = [SETTINGS_FILE, ...uri ? [folderRelativePath(uri)] : [], RECORD_FILE];
  log.info("dry run: nothing is executed or pushed. The release would:");
  if (plan.notebookPath) log.info(`  run      ${plan.notebookPath} (${plan.runner}) -> ${plan.outputNotebook}`);
  log.info(`  publish  ${files.map((f) => `${plan.folder}/${f}`).join("\n           ")}`);
  log.info(`  commit   "${plan.message}" as ${plan.author.name} <${plan.author.email}>`);
  log.info(`  push to  ${plan.repo.url} ${plan.branch ? `branch ${plan.branch}` : "(the remote's default branch)"}`);
  log.info(`  serve    POST ${plan.endpoint}`);
  return {
    ...baseResult(plan, files.map((f) => ({ path: f })), void 0, log),
    branch: plan.branch,
    status: "dry-run",
    pushed: false,
    alreadyPublished: false,
    executedNotebook: plan.outputNotebook
  };
}
function baseResult(plan, files, artifact, log) {
  return {
    model: plan.name,
    version: plan.version,
    folder: plan.folder,
    repo: plan.repo.url,
    endpoint: plan.endpoint,
    artifact: artifact ? { path: artifact.uri, bytes: artifact.bytes, sha256: artifact.sha256 } : void 0,
    files: files.map((f) => `${plan.folder}/${f.path}`),
    warnings: [...log.warnings]
  };
}
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}

// src/cli.ts
var OPTIONS = {
  "model-dir": { type: "string", value: "DIR", help: "Folder of the model project (default: .)" },
  settings: { type: "string", value: "FILE", help: "model-settings.json to publish (default: <model-dir>/model-settings.json)" },
  notebook: { type: "string", value: "FILE", help: "Training notebook (default: <model-dir>/<name>.ipynb)" },
  version: { type: "string", value: "V", help: "Version to release (default: the CI tag, CI_COMMIT_TAG or GITHUB_REF_NAME)" },
  repo: { type: "string", value: "URL|PATH", help: "MLServer model repository, a git URL or local path (env: MLSERVER_REPO)" },
  token: { type: "string", value: "TOKEN", help: "Token for an HTTPS repo (env: MLSERVER_REPO_TOKEN); never printed" },
  branch: { type: "string", value: "B", help: "Branch to publish to (default: the remote's default branch)" },
  "models-path": { type: "string", value: "P", help: "Folder inside the repo that holds the models (default: models)" },
  runner: { type: "string", value: "R", help: "auto | papermill | nbconvert | none (default: auto: papermill if on PATH, else nbconvert)" },
  param: { type: "string", multiple: true, value: "k=v", help: "Extra notebook parameter; repeatable" },
  "output-notebook": { type: "string", value: "FILE", help: "Where to keep the executed notebook (default: <stem>.executed.ipynb)" },
  timeout: { type: "string", value: "SECONDS", help: "Per-cell execution timeout (default: none)" },
  "git-user-name": { type: "string", value: "N", help: "Commit author name (env: GIT_USER_NAME)" },
  "git-user-email": { type: "string", value: "E", help: "Commit author email (env: GIT_USER_EMAIL)" },
  "dry-run": { type: "boolean", help: "Check everything and print the plan; run nothing, push nothing" },
  force: { type: "boolean", help: "Replace an already published version whose content differs (history is kept)" },
  "skip-preflight": { type: "boolean", help: "Do not check push access before running the notebook" },
  json: { type: "boolean", help: "Print the result as JSON on stdout" }
};
var HELP = `mlserver-release ${TOOL_VERSION}
Turn a git tag into a served MLServer model: run the training notebook, write the
version into model-settings.json, publish models/<name>-<version>/ to the model repo.

Usage:
  mlserver-release release [options]   run the notebook, then publish
  mlserver-release publish [options]   publish an existing artifact (release --runner none)
  mlserver-release --help | --version

Options:
${Object.entries(OPTIONS).map(([name, spec]) => `  --${`${name}${spec.value ? ` ${spec.value}` : ""}`.padEnd(26)} ${spec.help}`).join("\n")}

Every option can also be set as env MLSERVER_RELEASE_<OPTION>, e.g.
MLSERVER_RELEASE_MODELS_PATH=deploy/models; a flag wins over env.

Exit codes:
  0  released, or already published with identical content
  1  unexpected error (a bug: please report it)
  2  usage or bad input (options, model-settings.json, notebook, artifact, repo path)
  3  the notebook failed (the executed notebook is kept)
  4  publishing failed (remote, credentials, or a version published with other content)
`;
function envName(option) {
  return `MLSERVER_RELEASE_${option.toUpperCase().replace(/-/g, "_")}`;
}
function parseCli(argv, env) {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) return { command: "version" };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.entries(OPTIONS).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false }])),
        help: { type: "boolean", short: "h" }
      },
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw new ReleaseError("EUSAGE", error.message.replace(/^TypeError \[\w+\]: /, ""));
  }
  const positionals = parsed.positionals;
  const values = parsed.values;
  if (values.help || positionals[0] === "help") return { command: "help" };
  const command = positionals[0];
  if (command === void 0) {
    throw new ReleaseError("EUSAGE", "No command given: expected `release` or `publish`");
  }
  if (command !== "release" && command !== "publish") throw new ReleaseError("EUSAGE", `Unknown command "${command}": expected \`release\` or \`publish\``);
  if (positionals.length > 1) throw new ReleaseError("EUSAGE", `Unexpected argument "${positionals[1]}"`);
  const pick = (name) => values[name] ?? env[envName(name)] ?? void 0;
  const flag = (name) => {
    const value = values[name];
    if (value !== void 0) return value;
    const fromEnv = env[envName(name)];
    if (fromEnv === void 0 || fromEnv === "") return void 0;
    if (/^(1|true|yes)$/i.test(fromEnv)) return true;
    if (/^(0|false|no)$/i.test(fromEnv)) return false;
    throw new ReleaseError("EUSAGE", `${envName(name)}="${fromEnv}" is not a boolean (use true or false)`);
  };
  const timeoutText = pick("timeout");
  const timeout = timeoutText === void 0 ? void 0 : Number(timeoutText);
  if (timeoutText !== void 0 && !(timeout > 0)) throw new ReleaseError("EUSAGE", `--timeout must be a positive number of seconds, got "${timeoutText}"`);
  const params = values.param ?? splitLines(env[envName("param")]);
  const options = {
    modelDir: pick("model-dir"),
    settings: pick("settings"),
    notebook: pick("notebook"),
    version: pick("version"),
    repo: pick("repo"),
    token: pick("token"),
    branch: pick("branch"),
    modelsPath: pick("models-path"),
    runner: command === "publish" ? "none" : pick("runner"),
    params,
    outputNotebook: pick("output-notebook"),
    timeout,
    gitUserName: pick("git-user-name"),
    gitUserEmail: pick("git-user-email"),
    dryRun: flag("dry-run"),
    force: flag("force"),
    skipPreflight: flag("skip-preflight")
  };
  return { command: "release", options, json: flag("json") ?? false };
}
function splitLines(text) {
  return text?.split("\n").map((l) => l.trim()).filter(Boolean);
}
function formatSummary(result) {
  const headline = {
    pushed: `Released ${result.model} ${result.version}`,
    "already-published": `${result.model} ${result.version} was already published with identical content; nothing to do`,
    "dry-run": `Dry run of ${result.model} ${result.version}: nothing was changed`
  }[result.status];
  const rows = [
    ["folder", `${result.folder}/`],
    ["repo", result.repo],
    ["commit", result.commit ? `${result.commit}${result.branch ? ` on ${result.branch}` : ""}` : void 0],
    ["notebook", result.executedNotebook],
    ["endpoint", `POST ${result.endpoint}`]
  ];
  return [headline, ...rows.filter(([, v]) => v).map(([k, v]) => `  ${k.padEnd(9)}${v}`)].join("\n") + "\n";
}
async function runCli(io) {
  const redactor = new Redactor();
  const provider = detectProvider(io.env);
  const log = new Logger({ stream: io.stderr, redactor, style: provider.logStyle({ env: io.env, isTTY: Boolean(io.stderr.isTTY) }) });
  let json = io.argv.includes("--json");
  try {
    const parsed = parseCli(io.argv, io.env);
    if (parsed.command !== "release") {
      io.stdout.write(parsed.command === "help" ? HELP : `${TOOL_VERSION}
`);
      return EXIT.ok;
    }
    const { options } = parsed;
    json = parsed.json;
    redactor.add(options.token);
    redactor.add(io.env.MLSERVER_REPO_TOKEN);
    const result = await release(options, { env: io.env, cwd: io.cwd, log, provider });
    io.stdout.write(redactor.redact(json ? JSON.stringify(result, null, 2) + "\n" : formatSummary(result)));
    return EXIT.ok;
  } catch (error) {
    const code = exitCodeOf(error);
    log.error(formatError(error));
    if (json) {
      const payload = isReleaseError(error) ? { error: { code: error.code, message: error.message, details: error.details, exitCode: code } } : { error: { code: "EUNEXPECTED", message: String(error?.message ?? error), exitCode: code } };
      io.stdout.write(redactor.redact(JSON.stringify(payload, null, 2) + "\n"));
    }
    return code;
  }
}

// src/index.ts
function isMain() {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync2(entry) === realpathSync2(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
async function main() {
  process.exitCode = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr
  });
}
if (isMain()) void main();
export {
  CATALOG,
  EXIT,
  Logger,
  PROVIDERS,
  Redactor,
  ReleaseError,
  detectProvider,
  main,
  release,
  renderSettings,
  silentLogger,
  validateSettings
};
