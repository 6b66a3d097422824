// Entry of a verification worker thread (started by VerifyWorkers, verify-workers.ts): its own
// PostgreSQL connection, ranges of the log verified off the caller's event loop. Not exported from
// the package index: importing it would start listening on a worker port.

import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Client, type ClientConfig } from 'pg';
import { verifyRange, type RangeTask } from './range-verify';

const port = parentPort!;
const { niceness } = workerData as { niceness?: number };
// On Linux this renices this thread only: the API's event loop (nice 0) is scheduled ahead of it,
// so requests are served first and verification takes the CPU that is left.
if (niceness) {
  try {
    setPriority(niceness);
  } catch {
    // not permitted here: run at normal priority
  }
}
const client = new Client((workerData as { connection: ClientConfig }).connection);
const ready = client.connect();
ready.catch(() => undefined);

const sql = async (text: string, values?: unknown[]) => (await client.query({ text, values, rowMode: 'array' })).rows as unknown[][];

// Now and then let this thread's event loop read the prefetched page off the socket.
let sliceStart = performance.now();
const pause = () => (performance.now() - sliceStart > 20 ? new Promise<void>((r) => setImmediate(r)).then(() => { sliceStart = performance.now(); }) : undefined);

port.on('message', (msg: RangeTask | 'close') => {
  if (msg === 'close') {
    void client.end().catch(() => undefined).finally(() => port.close());
    return;
  }
  ready
    .then(() => verifyRange(sql, msg, pause))
    .then((result) => port.postMessage({ result }), (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }));
});
