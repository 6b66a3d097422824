// Reads a sharing-log export without holding it in memory: the header (everything before
// `"entries":[`, which the server writes first) is parsed once, then each entry object is cut out of
// the bytes and handed over on its own. The file is read as bytes, never decoded as a whole: the
// structural characters of JSON are ASCII, and no byte of a multi-byte UTF-8 character is ASCII, so
// cutting on bytes gives the entries decoding would. A tokenizer, not a split: it follows strings
// (with their escapes) and nested braces inside an entry, and between entries accepts only what JSON
// does there (whitespace, one comma, the closing bracket); each entry is then parsed in full by its
// reader. A file laid out differently (format 1, no entries array near the start) is parsed whole.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface ExportSink {
  header(h: Record<string, unknown>): boolean;
  entry(e: unknown): boolean;
  /**
   * When given, entries of a streamed export come here as their bytes, `buf[start, end)` one JSON
   * object (not yet parsed; a reader must parse it in full); `buf` is valid only during the call.
   */
  entryBytes?(buf: Buffer, start: number, end: number): boolean | Promise<boolean>;
}

const MARKER = /"entries"\s*:\s*\[/;

const enum Between {
  /** After `[`: an entry or `]`. */
  FirstOrClose,
  /** After an entry: `,` or `]`. */
  CommaOrClose,
  /** After `,`: an entry. */
  Entry,
}

/**
 * The tokenizer's state across chunks. scan() calls `emit(buf, start, end)` for every complete entry,
 * stops (returning the position) when it returns false or the entries array closes.
 */
export class EntryScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private between = Between.FirstOrClose;
  /** The beginning of an entry that started in an earlier chunk. */
  private parts: Buffer[] = [];
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private viewOf: Buffer | null = null;
  /** The entries array was closed: scan() returned its position after `]`. */
  closed = false;

  /**
   * Scans `c` from `from`; returns -1 when the chunk was used up, else the position after `]` (closed
   * set) or after the entry emit() declined with false. Throws SyntaxError on bytes between entries
   * that JSON does not allow there.
   */
  scan(c: Buffer, from: number, emit: (buf: Buffer, start: number, end: number) => boolean): number {
    const n = c.length;
    if (this.viewOf !== c) {
      this.viewOf = c;
      this.view = new DataView(c.buffer, c.byteOffset, c.byteLength);
    }
    const view = this.view;
    let i = from;
    let depth = this.depth;
    let inString = this.inString;
    let entryStart = depth > 0 ? 0 : -1;
    try {
      while (i < n) {
        if (inString) {
          if (this.escaped) {
            this.escaped = false;
            i++;
            continue;
          }
          // The bulk of an entry: hashes, ids. Look only for the quote or backslash that ends the run.
          i = stringRun(c, view, i, n);
          if (i === n) break;
          if (c[i] === 0x5c) this.escaped = true;
          else inString = false;
          i++;
          continue;
        }
        const b = c[i]!;
        if (depth > 0) {
          if (b === 0x22) inString = true;
          else if (b === 0x7b) depth++;
          else if (b === 0x7d && --depth === 0) {
            this.between = Between.CommaOrClose;
            let more: boolean;
            if (this.parts.length) {
              const whole = Buffer.concat([...this.parts, c.subarray(0, i + 1)]);
              this.parts = [];
              more = emit(whole, 0, whole.length);
            } else {
              more = emit(c, entryStart, i + 1);
            }
            entryStart = -1;
            if (!more) return i + 1;
          }
          i++;
          continue;
        }
        // Between entries.
        if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) {
          i++;
          continue;
        }
        if (b === 0x7b && this.between !== Between.CommaOrClose) {
          depth = 1;
          entryStart = i;
        } else if (b === 0x2c && this.between === Between.CommaOrClose) {
          this.between = Between.Entry;
        } else if (b === 0x5d && this.between !== Between.Entry) {
          this.closed = true;
          return i + 1;
        } else {
          throw new SyntaxError(
            `unexpected ${b < 0x20 || b > 0x7e ? `byte 0x${b.toString(16)}` : `'${String.fromCharCode(b)}'`} between the entries of the array`,
          );
        }
        i++;
      }
      // The chunk ends inside an entry: keep its beginning (a copy: the chunk is not ours to keep).
      if (depth > 0) this.parts.push(Buffer.from(c.subarray(entryStart >= 0 ? entryStart : 0)));
      return -1;
    } finally {
      this.depth = depth;
      this.inString = inString;
    }
  }
}

/**
 * The first quote or backslash in c[i, n), or n: four bytes at a time while no byte of the word is
 * either (haszero of x ^ '""""' and of x ^ '\\\\', bit-twiddling hacks), then byte by byte.
 */
function stringRun(c: Uint8Array, view: DataView, i: number, n: number): number {
  for (; i + 4 <= n; i += 4) {
    const x = view.getInt32(i, true);
    const q = x ^ 0x22222222;
    const b = x ^ 0x5c5c5c5c;
    if ((((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b)) & 0x80808080) break;
  }
  for (; i < n; i++) {
    const b = c[i]!;
    if (b === 0x22 || b === 0x5c) return i;
  }
  return n;
}

/** Resolves once the file is read (or the sink said stop); rejects on JSON that is not valid. */
export async function readExport(file: string, sink: ExportSink): Promise<void> {
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    return await consume();
  } finally {
    stream.destroy();
  }

  async function consume(): Promise<void> {
    let head: Buffer | null = Buffer.alloc(0);
    const scanner = new EntryScanner();
    const after: Buffer[] = [];
    // Entries handed on synchronously; a sink that asks to wait gets its promise awaited between scans.
    let waiting: Promise<boolean> | null = null;
    let stop = false;
    const emit = (buf: Buffer, start: number, end: number): boolean => {
      const more = sink.entryBytes ? sink.entryBytes(buf, start, end) : sink.entry(JSON.parse(buf.toString('utf8', start, end)));
      if (typeof more === 'boolean') {
        if (!more) stop = true;
        return more;
      }
      waiting = more;
      return false;
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let c = chunk;
      let from = 0;
      if (head !== null) {
        head = Buffer.concat([head, c]);
        // latin1: one character per byte, so the match index is a byte offset (the marker is ASCII).
        const m = MARKER.exec(head.toString('latin1'));
        if (!m) {
          if (head.length > 1 << 20) return readWhole(file, sink); // no entries marker near the start
          continue;
        }
        const header = JSON.parse(`${head.toString('utf8', 0, m.index).replace(/^\uFEFF/, '')}"entries":[]}`) as Record<string, unknown>;
        c = head;
        from = m.index + m[0].length;
        head = null;
        // Format 1 put the checkpoint after the entries: it cannot be streamed.
        if (!('checkpoint' in header)) return readWhole(file, sink);
        if (!sink.header(header)) return;
      }
      if (scanner.closed) {
        after.push(c);
        continue;
      }
      for (;;) {
        const at = scanner.scan(c, from, emit);
        if (waiting !== null) {
          const w: Promise<boolean> = waiting;
          waiting = null;
          if (!(await w)) stop = true;
        }
        if (stop) return;
        if (at === -1) break;
        if (scanner.closed) {
          after.push(c.subarray(at));
          break;
        }
        from = at;
      }
    }
    if (head !== null) return readWhole(file, sink);
    if (!scanner.closed || !/^\s*}\s*$/.test(Buffer.concat(after).toString('utf8')))
      throw new SyntaxError('the entries array or the document is not closed properly');
  }
}

async function readWhole(file: string, sink: ExportSink): Promise<void> {
  const doc = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const { entries, ...header } = doc;
  if (!sink.header({ ...header, entries: [] })) return;
  if (Array.isArray(entries)) for (const e of entries) if (!sink.entry(e)) return;
}
