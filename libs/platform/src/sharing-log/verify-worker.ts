// Entry of a verification worker thread (started by VerifyWorkers, verify-workers.ts): its own
// PostgreSQL connection, ranges of the log verified off the caller's event loop. Not exported from
// the package index: importing it would start listening on a worker port.

import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Client, type ClientConfig } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { verifyRange, type CopyOut, type RangeTask } from './range-verify';

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
// A thread whose connection is gone ends, and its pool starts a fresh one for the next range
// (threads are kept between verifies: see the API's SharingLogVerifyPool).
const ready = client.connect();
ready.catch(() => process.exit(1));
client.on('error', () => process.exit(1));
client.on('end', () => process.exit(1));

const sql = async (text: string, values?: unknown[]) => (await client.query({ text, values, rowMode: 'array' })).rows as unknown[][];
// Binary COPY hands over the stored bytes (binary-rows.ts); text columns arrive in the server's
// encoding then, so only a UTF8 database takes that path.
const copy: Promise<CopyOut | undefined> = ready.then(async () => {
  const enc = (await sql("SELECT current_setting('server_encoding')"))[0]?.[0];
  return enc === 'UTF8' ? (text: string) => client.query(copyTo(text)) : undefined;
});
copy.catch(() => undefined);

// Now and then let this thread's event loop read the prefetched page off the socket.
let sliceStart = performance.now();
const pause = () =>
  performance.now() - sliceStart > 20
    ? new Promise<void>((r) => setImmediate(r)).then(() => {
        sliceStart = performance.now();
      })
    : undefined;

port.on('message', (msg: RangeTask | 'close') => {
  if (msg === 'close') {
    client.removeAllListeners('end');
    void client
      .end()
      .catch(() => undefined)
      .finally(() => port.close());
    return;
  }
  copy
    .then((c) => verifyRange(sql, msg, pause, c))
    .then(
      (result) => port.postMessage({ result }),
      (e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) }),
    );
});
