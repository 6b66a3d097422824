// Worker threads that verify ranges of the stored log (verify-worker.ts), so verification runs on
// every core and never on the API's event loop: `verifyStoredLog(sql, signer, { run: w.run, parallel: w.size })`.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type Transferable, Worker } from 'node:worker_threads';
import type { RangeResult, RangeTask } from './range-verify';

/** pg connection settings for the workers (each opens one connection). */
export type WorkerConnection = { connectionString: string } & Record<string, unknown>;

interface Job<T, R> {
  task: T;
  transfer?: readonly Transferable[];
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

/**
 * From TypeScript sources (Jest, ts-node) there is no compiled worker file: the worker compiles its
 * modules as it loads them, with the SWC the tests already use (or TypeScript's transpiler).
 */
const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
let compile;
if (workerData.swc) {
  const swc = require(workerData.swc);
  compile = (src, filename) => swc.transformSync(src, { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: false, swcrc: false, configFile: false }).code;
} else {
  const ts = require(workerData.typescript);
  compile = (src) => ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
}
require.extensions['.ts'] = (m, filename) => m._compile(compile(fs.readFileSync(filename, 'utf8'), filename), filename);
require(workerData.entry);
`;

function resolveOrNull(name: string): string | null {
  try {
    return require.resolve(name);
  } catch {
    return null;
  }
}

/**
 * Starts the worker module `name` in `dir`: the compiled `name.js` (dist), or `name.ts` compiled as
 * it loads (sources under Jest). Its imports must be relative (no path aliases).
 */
export function startModuleWorker(dir: string, name: string, workerData: Record<string, unknown> = {}): Worker {
  const compiled = join(dir, `${name}.js`);
  if (existsSync(compiled)) return new Worker(compiled, { workerData });
  const entry = join(dir, `${name}.ts`);
  const swc = resolveOrNull('@swc/core');
  const typescript = swc ? null : resolveOrNull('typescript');
  if (!existsSync(entry) || (!swc && !typescript)) throw new Error(`no worker ${name} in ${dir}`);
  return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { ...workerData, entry, swc, typescript } });
}

/** Verification yields the CPU to request handling: nice 5 is about a third of the event loop's share when both want it. */
export const VERIFY_NICENESS = 5;

/** Threads by default: the cores this process may use, at most four (PostgreSQL needs some too). */
export function defaultVerifyThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * A few worker threads taking tasks in turn: each answers a task with `{ result }` or `{ error }`,
 * and ends on the message 'close'.
 */
export class WorkerPool<T, R> {
  readonly size: number;
  private readonly all: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<T, R>>();
  private readonly queue: Job<T, R>[] = [];
  private closed = false;

  constructor(
    private readonly start: () => Worker,
    threads: number,
    private readonly what = 'worker',
  ) {
    this.size = Math.max(1, Math.floor(threads));
  }

  /** Runs one task on a free worker (started on first use); `transfer`: buffers moved to the worker, not copied. */
  readonly run = (task: T, transfer?: readonly Transferable[]): Promise<R> =>
    new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error(`${this.what}s are closed`));
      this.queue.push(transfer ? { task, transfer, resolve, reject } : { task, resolve, reject });
      this.dispatch();
    });

  /** Ends every worker (they close their connections first). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error(`${this.what}s are closed`));
    await Promise.all(
      this.all.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(
              () =>
                void w.terminate().then(
                  () => resolve(),
                  () => resolve(),
                ),
              5000,
            );
            w.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            w.postMessage('close');
          }),
      ),
    );
  }

  private dispatch(): void {
    while (this.queue.length) {
      let w = this.idle.pop();
      if (!w) {
        if (this.all.length >= this.size) return;
        w = this.spawn();
      }
      const job = this.queue.shift()!;
      this.busy.set(w, job);
      w.postMessage(job.task, job.transfer);
    }
  }

  private spawn(): Worker {
    const w = this.start();
    this.all.push(w);
    w.on('message', (msg: { result?: R; error?: string }) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      this.idle.push(w);
      if (job) {
        if (msg.error !== undefined || msg.result === undefined) job.reject(new Error(`${this.what}: ${msg.error ?? 'no result'}`));
        else job.resolve(msg.result);
      }
      this.dispatch();
    });
    const gone = (e: Error) => {
      const job = this.busy.get(w);
      this.busy.delete(w);
      const k = this.all.indexOf(w);
      if (k >= 0) this.all.splice(k, 1);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
      job?.reject(e);
      if (!this.closed) this.dispatch();
    };
    w.on('error', (e) => gone(e));
    w.on('exit', (code) => gone(new Error(`${this.what} exited (${code})`)));
    return w;
  }
}

/** Worker threads verifying ranges of the stored log, each on its own PostgreSQL connection. */
export class VerifyWorkers extends WorkerPool<RangeTask, RangeResult> {
  /** `niceness`: the worker threads' nice value (Linux, per thread), 0 for none; the event loop keeps 0. */
  constructor(connection: WorkerConnection, threads = defaultVerifyThreads(), niceness = VERIFY_NICENESS) {
    super(() => startModuleWorker(__dirname, 'verify-worker', { connection, niceness }), threads, 'sharing-log verify worker');
  }
}
