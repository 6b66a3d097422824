// Reads a sharing-log export without holding it in memory: the header (everything before
// `"entries":[`, which the server writes first) is parsed once, then each entry object is parsed and
// handed over on its own. Entries hold no nested objects, so tracking strings and braces suffices.
// A file laid out differently (hand-edited, pretty-printed by another tool with other key order)
// is parsed whole instead.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface ExportSink {
  header(h: Record<string, unknown>): boolean;
  entry(e: unknown): boolean;
  /** When given, entries of a streamed export come here as their JSON text (not parsed); may ask to wait. */
  entryText?(json: string): boolean | Promise<boolean>;
}

const MARKER = /"entries"\s*:\s*\[/;

/** Resolves once the file is read (or the sink said stop); rejects on JSON that is not valid. */
export async function readExport(file: string, sink: ExportSink): Promise<void> {
  let head = '';
  let inEntries = false;
  let stop = false;
  let buf = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let afterEntries = '';
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    return await consume();
  } finally {
    stream.destroy();
  }

  async function consume(): Promise<void> {
  for await (const chunk of stream as AsyncIterable<string>) {
    if (stop) break;
    let text = chunk;
    if (!inEntries) {
      head += text;
      const m = MARKER.exec(head);
      if (!m) {
        if (head.length > 1 << 20) return readWhole(file, sink); // no entries marker near the start
        continue;
      }
      const header = JSON.parse(`${head.slice(0, m.index).replace(/^\uFEFF/, '')}"entries":[]}`) as Record<string, unknown>;
      text = head.slice(m.index + m[0].length);
      head = '';
      inEntries = true;
      // Format 1 put the checkpoint after the entries: it cannot be streamed.
      if (!('checkpoint' in header)) {
        return readWhole(file, sink);
      }
      if (!sink.header(header)) return;
    }
    if (afterEntries !== '' || depth < 0) {
      afterEntries += text;
      continue;
    }
    // Scan by char code and cut entries out by index: building strings char by char is far slower.
    let start = depth > 0 ? 0 : -1;
    // Inside strings (most of an entry: hashes, ids) jump to the next quote or backslash with
    // indexOf instead of looking at every character; the next backslash is found once per chunk part.
    let nextBackslash = text.indexOf('\\');
    for (let i = 0; i < text.length; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = text.indexOf('\\', i);
        const quote = text.indexOf('"', i);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          escaped = true;
          i = nextBackslash;
          continue;
        }
        if (quote === -1) break;
        inString = false;
        i = quote;
        continue;
      }
      const ch = text.charCodeAt(i);
      if (ch === 34) inString = true;
      else if (ch === 123 /* { */) {
        if (depth === 0) {
          start = i;
          buf = '';
        }
        depth++;
      } else if (ch === 125 /* } */) {
        depth--;
        if (depth === 0) {
          const json = buf + text.slice(start, i + 1);
          buf = '';
          start = -1;
          const more = sink.entryText ? sink.entryText(json) : sink.entry(JSON.parse(json));
          if (!(typeof more === 'boolean' ? more : await more)) {
            stop = true;
            break;
          }
        }
      } else if (ch === 93 /* ] */ && depth === 0) {
        depth = -1;
        afterEntries = text.slice(i + 1) || ' ';
        break;
      }
    }
    if (depth > 0 && start >= 0) buf += text.slice(start);
  }
  if (stop) return;
  if (!inEntries) return readWhole(file, sink);
  if (depth !== -1 || !/^\s*}\s*$/.test(afterEntries)) throw new SyntaxError('the entries array or the document is not closed properly');
  }
}

async function readWhole(file: string, sink: ExportSink): Promise<void> {
  const doc = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const { entries, ...header } = doc;
  if (!sink.header({ ...header, entries: [] })) return;
  if (Array.isArray(entries)) for (const e of entries) if (!sink.entry(e)) return;
}
