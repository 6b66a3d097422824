// Worker thread of the offline verifier (verify-sharing-log.ts): takes a stretch of export entries
// (their bytes, cut out by the main thread's tokenizer) and verifies it on its own
// (verifyExportStretch). Relative imports only: under Jest this file is compiled as it loads, without
// path aliases.

import { parentPort } from 'node:worker_threads';
import { verifyExportStretch, type StretchTask } from '../../../../libs/platform/src/sharing-log/export-stretch';

export type { StretchResult, StretchTask } from '../../../../libs/platform/src/sharing-log/export-stretch';

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: StretchTask | 'close') => {
    if (msg === 'close') {
      port.close();
      return;
    }
    try {
      const result = verifyExportStretch(msg);
      // The buffers go back to be filled again (allocating megabytes per stretch made for collections).
      port.postMessage({ result: { ...result, bytes: msg.bytes, offs: msg.offs } }, [msg.bytes.buffer as ArrayBuffer, msg.offs.buffer as ArrayBuffer]);
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) });
    }
  });
}
