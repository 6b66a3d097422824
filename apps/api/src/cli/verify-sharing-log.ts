// Offline verifier for a sharing-log export, for a prosecutor or DPO who does not want to (and
// should not have to) trust the Schakel server: it needs only the export file and the public
// key they received through another channel.
//
//   npm run verify-sharing-log -- <export.json> --public-key <key file> [--trusted-checkpoint <file>]
//
// Format-2 exports are read as a stream (constant memory whatever the log's size).
// Exit codes: 0 the export verifies, 1 it does not, 2 the command was used wrongly.

import { readFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import {
  defaultVerifyThreads,
  ExportEntryEncoder,
  ExportV2Verifier,
  parsePublicKey,
  verifyExportStretch,
  SHARING_LOG_EXPORT_FORMAT_V2,
  startModuleWorker,
  verifyExport,
  WorkerPool,
  type SharingLogExport,
} from '@schakel/platform';
import { readExport } from './export-reader';
import type { StretchResult, StretchTask } from './export-worker';

const USAGE = [
  'Usage: verify-sharing-log <export.json> --public-key <file> [--trusted-checkpoint <file>] [--prev-hash <hex>]',
  '',
  '  <export.json>       the file downloaded from GET /api/v1/sharing-log/export',
  '  --public-key <file> the Schakel checkpoint public key you were given (PEM or base64 SPKI DER);',
  '                      never take it from the export itself',
  '  --trusted-checkpoint <file>',
  '                      a checkpoint you kept earlier (the note text, or the JSON of GET /sharing-log/checkpoint,',
  '                      or a witness state file): the log must extend it, or this fails naming its size',
  '  --prev-hash <hex>   (format-1 exports) for a partial export: the head hash of the export verified before it',
].join('\n');

interface Args {
  exportFile: string;
  publicKeyFile: string;
  prevHash?: string;
  trustedCheckpointFile?: string;
}

type Parsed = { args: Args } | { help: true } | { error: string };

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return { help: true };
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
    if (name !== 'public-key' && name !== 'prev-hash' && name !== 'trusted-checkpoint') return { error: `unknown option ${a}` };
    const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined || value === '') return { error: `--${name} needs a value` };
    flags[name] = value;
  }
  if (positional.length !== 1) return { error: positional.length === 0 ? 'no export file given' : 'give exactly one export file' };
  if (!flags['public-key']) return { error: '--public-key is required: the verdict is only worth something against a key you trust' };
  const args: Args = { exportFile: positional[0]!, publicKeyFile: flags['public-key'] };
  if (flags['prev-hash'] !== undefined) args.prevHash = flags['prev-hash'];
  if (flags['trusted-checkpoint'] !== undefined) args.trustedCheckpointFile = flags['trusted-checkpoint'];
  return { args };
}

async function readText(file: string): Promise<string> {
  // Strip a byte-order mark: files that passed through a Windows editor often carry one.
  return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
}

/** Files from this size on are verified on worker threads (below it, starting them costs more than it saves). */
const PARALLEL_MIN_BYTES = 4 << 20;
/** Entries per task handed to a worker: a power of two, so every stretch's tree folds onto the ones before it. */
const STRETCH = 2048;
/** Stretches queued per worker thread before the main thread verifies one itself. */
const PER_WORKER = 2;
/** Stretch results waiting to be folded in order (a stretch this thread verified waits behind the workers' before it). */
const MAX_PENDING = 64;

/**
 * Reads the export once. 'exact': every entry parsed and checked by ExportV2Verifier.push, the
 * reference, which names the first broken entry. Otherwise entries go as bytes through the byte path:
 * one by one (pushBytes) with threads = 1; else in stretches (verifyExportStretch) on threads - 1
 * worker threads and, whenever they have enough queued, on this thread, which also cuts the entries
 * out of the file and folds the stretches' trees in order. 'again': something did not check out, and
 * only the exact pass gives the verdict.
 */
async function readV2(
  exportFile: string,
  publicKey: string,
  trustedCheckpoint: string | undefined,
  threads: number,
  exact = false,
  perWorker = PER_WORKER,
): Promise<{ v2: ExportV2Verifier | null | 'again'; isV1: boolean }> {
  let v2: ExportV2Verifier | null = null;
  let isV1 = false;
  const parallel = threads > 1 && !exact;
  const pool = parallel
    ? new WorkerPool<StretchTask, StretchResult>(() => startModuleWorker(__dirname, 'export-worker'), threads - 1, 'export verify worker')
    : null;
  const pending: Promise<StretchResult>[] = [];
  const encoder = new ExportEntryEncoder();
  let broken = false;
  // The stretch being collected: entries copied one after another, with their [start, end) offsets.
  let bytes = Buffer.allocUnsafeSlow(parallel ? 4 << 20 : 0);
  let used = 0;
  let offs = new Int32Array(parallel ? STRETCH * 2 : 0);
  let inStretch = 0;
  let sent = 0;
  let atWorkers = 0;
  const spare: { bytes: Buffer<ArrayBuffer>; offs: Int32Array<ArrayBuffer> }[] = [];
  let sizes: number[] = [];
  const fold = async (p: Promise<StretchResult>) => {
    let r: StretchResult;
    try {
      r = await p;
    } catch {
      broken = true; // e.g. an entry that is not JSON: the exact pass says so exactly
      return;
    }
    if (broken) return;
    if (!r.valid || !v2!.pushVerifiedTree(r)) broken = true;
  };
  const send = () => {
    const marks = sizes
      .filter((s) => s > sent && s < sent + inStretch)
      .map((s) => s - sent)
      .sort((a, b) => a - b);
    const task: StretchTask = { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, used), offs, count: inStretch, marks };
    sent += inStretch;
    inStretch = 0;
    // A few stretches queued per worker keep them busy; beyond that this thread verifies the stretch itself.
    if (atWorkers < pool!.size * perWorker) {
      atWorkers++;
      const p = pool!.run(task, [bytes.buffer, offs.buffer]);
      p.then(
        (r) => {
          atWorkers--;
          if (r.bytes && r.offs)
            spare.push({
              bytes: Buffer.from(r.bytes.buffer as ArrayBuffer, r.bytes.byteOffset, r.bytes.buffer.byteLength - r.bytes.byteOffset),
              offs: r.offs as Int32Array<ArrayBuffer>,
            });
        },
        () => atWorkers--,
      );
      pending.push(p);
      const next = spare.pop();
      bytes = next?.bytes ?? Buffer.allocUnsafeSlow(Math.max(4 << 20, used + (used >> 2)));
      offs = next?.offs ?? new Int32Array(STRETCH * 2);
    } else {
      let r: StretchResult | Error;
      try {
        r = verifyExportStretch(task);
      } catch (e) {
        r = e as Error;
      }
      const p = r instanceof Error ? Promise.reject(r) : Promise.resolve(r);
      p.catch(() => undefined);
      pending.push(p);
    }
    used = 0;
  };
  // Entries that follow each other in one chunk of the file are copied as one run (with the commas
  // between them), not one by one.
  let runBuf: Buffer | null = null;
  let runSrc = 0;
  let runDst = 0;
  let runEnd = 0;
  const flush = () => {
    if (runBuf) runBuf.copy(bytes, runDst, runSrc, runEnd);
    runBuf = null;
  };
  const collect = (buf: Buffer, start: number, end: number): boolean | Promise<boolean> => {
    if (runBuf !== buf || start < runEnd) {
      flush();
      runBuf = buf;
      runSrc = start;
      runEnd = start;
      runDst = used;
    }
    if (runDst + (end - runSrc) > bytes.length) {
      // Grow: copy the run so far, move everything over, and start a new run with this entry.
      flush();
      const grown = Buffer.allocUnsafeSlow(Math.max(bytes.length * 2, used + (end - start)));
      bytes.copy(grown, 0, 0, used);
      bytes = grown;
      runBuf = buf;
      runSrc = start;
      runDst = used;
    }
    runEnd = end;
    offs[2 * inStretch] = runDst + (start - runSrc);
    offs[2 * inStretch + 1] = runDst + (end - runSrc);
    used = runDst + (end - runSrc);
    if (++inStretch < STRETCH) return true;
    flush();
    send();
    return (async () => {
      // Through the event loop once per stretch: the workers' answers arrive only there (the file's
      // chunks may come without it), and send() decides by how many are still out.
      await new Promise((resolve) => setImmediate(resolve));
      // Results are folded in order. The stretches' bytes in flight are bounded by perWorker; results
      // of stretches this thread verified are a few hashes each and may wait behind a slow worker's,
      // so this thread goes on reading instead of waiting (up to a bound).
      while (pending.length > MAX_PENDING) await fold(pending.shift()!);
      return !broken;
    })();
  };
  try {
    await readExport(exportFile, {
      header: (h) => {
        if (h['format'] !== SHARING_LOG_EXPORT_FORMAT_V2) {
          isV1 = true;
          return false;
        }
        v2 = new ExportV2Verifier(publicKey, trustedCheckpoint);
        const ok = v2.start(h['checkpoint'] as { note?: unknown });
        sizes = v2.expectedSizes();
        return ok;
      },
      entry: (e) => v2!.push(e as never),
      ...(exact
        ? {}
        : pool
          ? { entryBytes: collect }
          : {
              entryBytes: (buf: Buffer, start: number, end: number) => {
                if (v2!.pushBytes(buf, start, end, encoder)) return true;
                broken = true;
                return false;
              },
            }),
    });
    if (pool && v2 && !isV1) {
      flush();
      if (inStretch && !broken) send();
      for (const p of pending.splice(0)) await fold(p);
    }
  } catch (e) {
    // Not JSON: the exact pass (which reads every entry the same way) reports it.
    if (exact || (e as NodeJS.ErrnoException).code !== undefined) throw e;
    broken = true;
  } finally {
    await pool?.close();
  }
  return { v2: broken ? 'again' : v2, isV1 };
}

/** Runs the verifier; `argv` excludes node and the script. Resolves to the exit code. */
export async function runCli(
  argv: string[],
  out: (s: string) => void,
  options: {
    /** threads verifying (this one and threads - 1 workers); default by file size and cores */
    threads?: number;
    /** stretches queued per worker before this thread verifies one itself (tests) */
    perWorker?: number;
  } = {},
): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    out(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    out(`Error: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { exportFile, publicKeyFile, prevHash, trustedCheckpointFile } = parsed.args;

  let publicKey: string;
  let exportText: string;
  try {
    publicKey = await readText(publicKeyFile);
    parsePublicKey(publicKey);
  } catch (e) {
    out(`Error: cannot use public key file ${publicKeyFile}: ${(e as Error).message}`);
    return 2;
  }
  let trustedCheckpoint: string | undefined;
  if (trustedCheckpointFile !== undefined) {
    try {
      trustedCheckpoint = checkpointNote(await readText(trustedCheckpointFile));
    } catch (e) {
      out(`Error: cannot read trusted checkpoint ${trustedCheckpointFile}: ${(e as Error).message}`);
      return 2;
    }
  }

  // Format 2 streams (on worker threads when the file is large); format 1 (the whole document) is read below.
  let v2: ExportV2Verifier | null = null;
  let isV1 = false;
  try {
    let threads = options.threads ?? defaultVerifyThreads();
    if (
      options.threads === undefined &&
      threads > 1 &&
      (await stat(exportFile).then(
        (s) => s.size,
        () => 0,
      )) < PARALLEL_MIN_BYTES
    )
      threads = 1;
    let read = await readV2(exportFile, publicKey, trustedCheckpoint, threads, false, options.perWorker);
    // A stretch that did not check out: read again in one pass for the exact verdict (first broken seq, reason).
    if (read.v2 === 'again') read = await readV2(exportFile, publicKey, trustedCheckpoint, 1, true);
    v2 = read.v2 === 'again' ? null : read.v2;
    isV1 = read.isV1;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES') {
      out(`Error: cannot read export file ${exportFile}: ${(e as Error).message}`);
      return 2;
    }
    out(`INVALID: export is not valid JSON (${(e as Error).message})`);
    return 1;
  }
  if (v2) {
    const res = (v2 as ExportV2Verifier).result();
    if (!res.valid) {
      out(res.firstBrokenSeq !== undefined ? `BROKEN at seq ${res.firstBrokenSeq}: ${res.reason}` : `INVALID: ${res.reason}`);
      return 1;
    }
    out(`OK: ${res.entries} entries, chain intact, tree of size ${res.treeSize} with root ${res.rootHash} signed by the trusted key`);
    if (res.trustedSize !== undefined) out(`The log extends your trusted checkpoint of size ${res.trustedSize}.`);
    if (res.redacted)
      out(
        `note: ${res.redacted} entries outside your scope were withheld; their links and leaf hashes were checked, their content is vouched for by the signed checkpoint only`,
      );
    return 0;
  }
  if (!isV1) {
    out('INVALID: not a sharing-log export');
    return 1;
  }
  if (trustedCheckpoint !== undefined) {
    out('INVALID: a format-1 export has no Merkle checkpoint to compare with --trusted-checkpoint; export again');
    return 1;
  }
  try {
    exportText = await readText(exportFile);
  } catch (e) {
    out(`Error: cannot read export file ${exportFile}: ${(e as Error).message}`);
    return 2;
  }

  let exp: SharingLogExport;
  try {
    exp = JSON.parse(exportText) as SharingLogExport;
  } catch (e) {
    // The file exists but is not what the server produces: damaged or altered, so invalid.
    out(`INVALID: export is not valid JSON (${(e as Error).message})`);
    return 1;
  }

  const res = verifyExport(exp, publicKey, prevHash === undefined ? {} : { startPrevHash: prevHash });
  if (!res.valid) {
    out(res.firstBrokenSeq !== undefined ? `BROKEN at seq ${res.firstBrokenSeq}: ${res.reason}` : `INVALID: ${res.reason}`);
    return 1;
  }

  // valid implies a checkpoint that verified.
  const cpSeq = exp.checkpoint!.seq;
  out(`OK: ${res.entries} entries, chain intact, checkpoint at seq ${cpSeq} signed by the trusted key`);
  if (res.redacted)
    out(`note: ${res.redacted} entries outside your scope were withheld; their links were checked, their content is vouched for by the signed checkpoint only`);
  if (res.firstSeq !== undefined && res.firstSeq > 1) {
    out(
      `Note: partial export, seq ${res.firstSeq}-${res.lastSeq}; entries before seq ${res.firstSeq} are not in it` +
        (prevHash === undefined ? ', and its start was not checked against an earlier export (see --prev-hash).' : '.'),
    );
  }
  if (res.lastSeq !== undefined && res.lastSeq > cpSeq) {
    out(`Note: seq ${Math.max(cpSeq + 1, res.firstSeq ?? 1)}-${res.lastSeq} come after the checkpoint: chained, but not yet covered by a signature.`);
  }
  return 0;
}

/** The checkpoint note in a file: the note itself, or JSON carrying it (GET /sharing-log/checkpoint, a witness state file). */
export function checkpointNote(text: string): string {
  const t = text.trim();
  if (t.startsWith('{')) {
    const j = JSON.parse(t) as { note?: unknown; cosignedNote?: unknown };
    if (typeof j.note !== 'string') throw new Error('the JSON has no "note"');
    return j.note;
  }
  return `${t}\n`;
}

if (require.main === module) {
  runCli(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
