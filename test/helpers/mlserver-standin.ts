/**
 * A stand-in for MLServer, for the endpoints mlserver-release uses, following the
 * Open Inference Protocol (V2) and MLServer's model repository API:
 *   GET  {prefix}/v2/models/{name}/versions/{version}/ready   200 ready, 400 loading, 404 unknown
 *   POST {prefix}/v2/models/{name}/versions/{version}/infer
 *   POST {prefix}/v2/repository/models/{name}/load            rescans the disk for that name
 * It serves what it really finds by scanning its folder for model-settings.json
 * (skipping dot-folders, as MLServer does). Its "model" is the artifact read as a
 * JSON lookup table from input text to label, which is enough to check answers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.js';
import path from 'node:path';

interface LoadedVersion {
  table: Record<string, string>;
  readyAt: number;
}

export interface StandInOptions {
  /** The folder MLServer would be started on. */
  root: string;
  /** A path prefix, like a reverse proxy's /mlapi. */
  prefix?: string;
  /** Scan at start like `mlserver start`; otherwise models appear only after a load call. */
  loadAtStart?: boolean;
  /** How long a model stays "loading" (400) after it was loaded. */
  readyDelayMs?: number;
  /** Answer every inference with this model_version, to simulate a stale server. */
  answerVersion?: string;
  /** A header every request must carry, like a protected deployment. */
  requiredHeader?: [string, string];
}

export class MLServerStandIn {
  readonly loads: string[] = [];
  readonly seenHeaders: Array<Record<string, string | string[] | undefined>> = [];
  private readonly models = new Map<string, Map<string, LoadedVersion>>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  constructor(private readonly options: StandInOptions) {
    if (options.loadAtStart) this.scan();
  }

  async start(): Promise<this> {
    this.url = `${await listenOnLoopback(this.server)}${this.options.prefix ?? ''}`;
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** Finds every model-settings.json (optionally only for one model name) and loads it. */
  private scan(only?: string): number {
    let found = 0;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        if (entry.startsWith('.')) continue;
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry === 'model-settings.json') {
          const settings = JSON.parse(readFileSync(full, 'utf8'));
          const name = settings.name ?? path.basename(dir);
          if (only && name !== only) continue;
          const version = settings.parameters?.version ?? '';
          const table = JSON.parse(readFileSync(path.resolve(dir, settings.parameters?.uri ?? 'model.json'), 'utf8'));
          const versions = this.models.get(name) ?? new Map<string, LoadedVersion>();
          versions.set(version, { table, readyAt: Date.now() + (this.options.readyDelayMs ?? 0) });
          this.models.set(name, versions);
          found++;
        }
      }
    };
    walk(this.options.root);
    return found;
  }

  /**
   * What an unversioned URL serves, as mlserver/registry.py decides it
   * (SingleModelRegistry._refresh_default and _is_newer, 1.3.2 to 1.7): a model
   * without a version wins; otherwise two integers compare as integers and
   * anything else as text. Versions are keyed here by their string, '' for none.
   */
  private defaultVersion(name: string): string | undefined {
    const versions = [...(this.models.get(name)?.keys() ?? [])];
    if (versions.includes('')) return '';
    const newer = (a: string, b: string) => (/^-?\d+$/.test(a) && /^-?\d+$/.test(b) ? Number(a) - Number(b) : a > b ? 1 : a < b ? -1 : 0);
    return versions.reduce<string | undefined>((best, v) => (best === undefined || newer(v, best) >= 0 ? v : best), undefined);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): unknown {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    this.seenHeaders.push(req.headers);
    const prefix = this.options.prefix ?? '';
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${prefix}/v2/`)) return send(404, { error: 'not found' });
    const route = url.pathname.slice(prefix.length);
    const required = this.options.requiredHeader;
    if (required && req.headers[required[0].toLowerCase()] !== required[1]) return send(401, { error: 'unauthorized' });

    const load = /^\/v2\/repository\/models\/([^/]+)\/load$/.exec(route);
    if (load && req.method === 'POST') {
      const name = decodeURIComponent(load[1]);
      this.loads.push(name);
      return this.scan(name) > 0 ? send(200, {}) : send(404, { error: `Model ${name} not found` });
    }
    const versioned = /^\/v2\/models\/([^/]+)\/versions\/([^/]+)\/(ready|infer)$/.exec(route);
    const unversioned = /^\/v2\/models\/([^/]+)\/(ready|infer)$/.exec(route);
    if (!versioned && !unversioned) return send(404, { error: 'not found' });
    const [name, requested, action] = versioned
      ? [decodeURIComponent(versioned[1]), decodeURIComponent(versioned[2]), versioned[3]]
      : [decodeURIComponent(unversioned![1]), undefined, unversioned![2]];
    const version = requested ?? this.defaultVersion(name);
    const loaded = version === undefined ? undefined : this.models.get(name)?.get(version);
    if (!loaded) return send(404, { error: `Model ${name} with version ${version} not found` });
    const ready = Date.now() >= loaded.readyAt;
    if (action === 'ready' && req.method === 'GET') return ready ? send(200, {}) : send(400, { error: 'not ready' });
    if (action === 'infer' && req.method === 'POST') {
      if (!ready) return send(400, { error: 'not ready' });
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const data: string[] = request.inputs[0].data;
        send(200, {
          model_name: name,
          ...(version === '' ? {} : { model_version: this.options.answerVersion ?? version }),
          id: 'standin',
          outputs: [{ name: 'predict', shape: [data.length], datatype: 'BYTES', data: data.map((text) => loaded.table[text] ?? 'unknown') }],
        });
      });
      return;
    }
    return send(405, { error: 'method not allowed' });
  }
}
