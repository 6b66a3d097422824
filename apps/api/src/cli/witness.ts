// The parket's witness for the sharing log (C2SP tlog-witness practice, done by hand): it keeps
// the last checkpoint it cosigned in a state file, accepts a new checkpoint only with a consistency
// proof from that one, and only then adds its tlog-cosignature/v1 line. Whatever the platform's
// operator does to the log afterwards, this state file and the cosigned notes give them away.
//
// Exit codes: 0 done, 1 refused (the log is not consistent, or a signature is wrong), 2 wrong use.

import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import {
  cosignatureLine,
  parseCheckpointBody,
  parseSignedNote,
  privateKeyFromPkcs8,
  rawEd25519PublicKey,
  verifierKey,
  verifyConsistency,
  verifyNoteSignature,
  NOTE_SIG_COSIGNATURE_V1,
} from '@schakel/platform';
import { checkpointNote } from './verify-sharing-log';

const USAGE = [
  'Usage:',
  '  witness init   --key <file> --name <name>',
  '      makes your witness key (private key written to <file>, keep it to yourself) and prints the public',
  '      key to register in Schakel (profile → witness key, or PUT /api/v1/me/witness-key)',
  '  witness cosign --key <file> --name <name> --log-key <pem> --state <file> --checkpoint <file> [--proof <file>] [--out <file>]',
  "      --log-key     Schakel's checkpoint public key, obtained from the platform operator in person or by letter",
  '      --state       your state file: the last checkpoint you cosigned (created on first use)',
  '      --checkpoint  GET /api/v1/sharing-log/checkpoint (JSON) or the note text',
  '      --proof       GET /api/v1/sharing-log/proofs/consistency?from=<your state size>&to=<new size> (JSON)',
  '      prints the checkpoint with your cosignature line: upload it (log review → cosign/upload)',
  '',
  'The name is how your cosignature is labelled, e.g. parket-antwerpen.be/witness.',
].join('\n');

interface State {
  origin: string;
  size: number;
  rootHash: string;
  note: string;
  cosignedAt: string;
}

type Flags = Record<string, string>;
/** What parse() returns once it has checked the command's required flags are there. */
type Command =
  | { cmd: 'init'; flags: Flags & Record<'key' | 'name', string> }
  | { cmd: 'cosign'; flags: Flags & Record<'key' | 'name' | 'log-key' | 'state' | 'checkpoint', string> };

function parse(argv: string[]): Command | { help: true } | { error: string } {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help' || rest.includes('--help') || rest.includes('-h')) return { help: true };
  if (cmd !== 'init' && cmd !== 'cosign') return { error: `unknown command ${cmd}` };
  const flags: Flags = {};
  const known = new Set(['key', 'name', 'log-key', 'state', 'checkpoint', 'proof', 'out']);
  const args = rest[Symbol.iterator]();
  for (const a of args) {
    if (!a.startsWith('--')) return { error: `unexpected argument ${a}` };
    const name = a.slice(2);
    if (!known.has(name)) return { error: `unknown option ${a}` };
    const { value } = args.next();
    if (value === undefined || value === '') return { error: `${a} needs a value` };
    flags[name] = value;
  }
  const required = cmd === 'init' ? ['key', 'name'] : ['key', 'name', 'log-key', 'state', 'checkpoint'];
  for (const r of required) if (!flags[r]) return { error: `--${r} is required` };
  if (/\s|\+/.test(flags['name'] ?? '')) return { error: '--name must not contain spaces or "+"' };
  return { cmd, flags } as Command;
}

async function writeAtomically(file: string, text: string, mode = 0o600): Promise<void> {
  await writeFile(`${file}.tmp`, text, { mode });
  await rename(`${file}.tmp`, file);
}

/** Runs the witness; `argv` excludes node and the script. Resolves to the exit code. */
export async function runWitness(argv: string[], out: (s: string) => void, now: () => number = () => Math.floor(Date.now() / 1000)): Promise<number> {
  const p = parse(argv);
  if ('help' in p) {
    out(USAGE);
    return 0;
  }
  if ('error' in p) {
    out(`Error: ${p.error}\n\n${USAGE}`);
    return 2;
  }
  const { cmd, flags: f } = p;
  if (cmd === 'init') {
    if (existsSync(f['key'])) {
      out(`Error: ${f['key']} exists; refusing to overwrite a witness key`);
      return 2;
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await writeAtomically(f['key'], `${privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')}\n`);
    out(`witness key written to ${f['key']}`);
    out(`register this public key: ${verifierKey(f['name'], rawEd25519PublicKey(publicKey), NOTE_SIG_COSIGNATURE_V1)}`);
    out(`(the same key as base64 SPKI DER: ${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')})`);
    return 0;
  }

  let note: string;
  let key: string;
  let logKey: string;
  let state: State | null = null;
  type Proof = { from?: number; to?: number; hashes?: unknown };
  let proof = null as Proof | null;
  try {
    key = (await readFile(f['key'], 'utf8')).trim();
    privateKeyFromPkcs8(key);
    logKey = await readFile(f['log-key'], 'utf8');
    note = checkpointNote(await readFile(f['checkpoint'], 'utf8'));
    if (existsSync(f['state'])) state = JSON.parse(await readFile(f['state'], 'utf8')) as State;
    if (f['proof']) proof = JSON.parse(await readFile(f['proof'], 'utf8')) as Proof;
  } catch (e) {
    out(`Error: ${(e as Error).message}`);
    return 2;
  }

  let cp: ReturnType<typeof parseCheckpointBody>;
  let body: string;
  try {
    body = parseSignedNote(note).body;
    cp = parseCheckpointBody(body);
  } catch (e) {
    out(`REFUSED: not a checkpoint: ${(e as Error).message}`);
    return 1;
  }
  if (!verifyNoteSignature(note, cp.origin, logKey)) {
    out(`REFUSED: the checkpoint of size ${cp.size} is not signed by the log's key`);
    return 1;
  }
  if (state) {
    if (state.origin !== cp.origin) {
      out(`REFUSED: this checkpoint is of ${cp.origin}, your state file is for ${state.origin}`);
      return 1;
    }
    if (cp.size < state.size) {
      out(`REFUSED: INCONSISTENT: the log shrank from size ${state.size} (which you cosigned) to ${cp.size}`);
      return 1;
    }
    if (cp.size === state.size) {
      if (cp.rootHash !== state.rootHash) {
        out(`REFUSED: INCONSISTENT: a different root hash for size ${cp.size} than the one you cosigned`);
        return 1;
      }
    } else if (state.size > 0) {
      const hashes = Array.isArray(proof?.hashes) ? (proof!.hashes as unknown[]) : null;
      if (!hashes || !hashes.every((h) => typeof h === 'string')) {
        out(
          `REFUSED: a consistency proof from size ${state.size} to ${cp.size} is needed (--proof, GET /api/v1/sharing-log/proofs/consistency?from=${state.size}&to=${cp.size})`,
        );
        return 1;
      }
      if ((proof!.from !== undefined && proof!.from !== state.size) || (proof!.to !== undefined && proof!.to !== cp.size)) {
        out(`REFUSED: the proof is from ${proof!.from} to ${proof!.to}, not from ${state.size} to ${cp.size}`);
        return 1;
      }
      const ok = verifyConsistency(
        state.size,
        cp.size,
        (hashes as string[]).map((h) => Buffer.from(h, 'base64')),
        Buffer.from(state.rootHash, 'base64'),
        Buffer.from(cp.rootHash, 'base64'),
      );
      if (!ok) {
        out(`REFUSED: INCONSISTENT: the checkpoint of size ${cp.size} does not extend the one you cosigned at size ${state.size}: the log was rewritten`);
        return 1;
      }
    }
  }
  const ts = now();
  const line = cosignatureLine(body, f['name'], key, ts);
  const cosigned = `${note}${line}\n`;
  const next: State = { origin: cp.origin, size: cp.size, rootHash: cp.rootHash, note, cosignedAt: new Date(ts * 1000).toISOString() };
  await writeAtomically(f['state'], `${JSON.stringify(next, null, 2)}\n`);
  if (f['out']) await writeAtomically(f['out'], cosigned, 0o644);
  out(cosigned.trimEnd());
  return 0;
}

if (require.main === module) {
  runWitness(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
