// Offline verifier for a sharing-log export, for a prosecutor or DPO who does not want to (and
// should not have to) trust the Schakel server: it needs only the export file and the public
// key they received through another channel.
//
//   node dist/api/apps/api/src/cli/verify-sharing-log.js <export.json> --public-key <key file>
//
// Exit codes: 0 the export verifies, 1 it does not, 2 the command was used wrongly.

import { readFile } from 'node:fs/promises';
import { parsePublicKey, verifyExport, type SharingLogExport } from '@schakel/platform';

const USAGE = [
  'Usage: verify-sharing-log <export.json> --public-key <file> [--prev-hash <hex>]',
  '',
  '  <export.json>       the file downloaded from GET /api/v1/sharing-log/export',
  '  --public-key <file> the Schakel checkpoint public key you were given (PEM or base64 SPKI DER);',
  '                      never take it from the export itself',
  '  --prev-hash <hex>   for a partial export: the head hash of the export you verified before it',
].join('\n');

interface Args {
  exportFile: string;
  publicKeyFile: string;
  prevHash?: string;
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
    if (name !== 'public-key' && name !== 'prev-hash') return { error: `unknown option ${a}` };
    const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined || value === '') return { error: `--${name} needs a value` };
    flags[name] = value;
  }
  if (positional.length !== 1) return { error: positional.length === 0 ? 'no export file given' : 'give exactly one export file' };
  if (!flags['public-key']) return { error: '--public-key is required: the verdict is only worth something against a key you trust' };
  const args: Args = { exportFile: positional[0]!, publicKeyFile: flags['public-key'] };
  if (flags['prev-hash'] !== undefined) args.prevHash = flags['prev-hash'];
  return { args };
}

async function readText(file: string): Promise<string> {
  // Strip a byte-order mark: files that passed through a Windows editor often carry one.
  return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
}

/** Runs the verifier; `argv` excludes node and the script. Resolves to the exit code. */
export async function runCli(argv: string[], out: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    out(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    out(`Error: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { exportFile, publicKeyFile, prevHash } = parsed.args;

  let publicKey: string;
  let exportText: string;
  try {
    publicKey = await readText(publicKeyFile);
    parsePublicKey(publicKey);
  } catch (e) {
    out(`Error: cannot use public key file ${publicKeyFile}: ${(e as Error).message}`);
    return 2;
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
  if (res.redacted) out(`note: ${res.redacted} entries outside your scope were withheld; their links were checked, their content is vouched for by the signed checkpoint only`);
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
