// A small closed-loop HTTP load generator (autocannon-like): `connections` keep-alive sockets, each
// sending its next request as soon as the previous answer is read, for `seconds`. No dependencies.
import { readFileSync } from 'node:fs';
import http from 'node:http';

/**
 * @param {{ port: number, paths: string[], token: string, connections: number, seconds: number }} o
 * @returns {Promise<{ requests: number, rps: number, latencies: Float64Array, errors: number }>}
 */
export async function load({ port, paths, token, connections, seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  let n = 0;
  const deadline = performance.now() + seconds * 1000;
  const one = (path) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = http.request({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          resolve(performance.now() - t0);
        });
      });
      req.on('error', () => {
        errors++;
        resolve(performance.now() - t0);
      });
      req.end();
    });
  const worker = async (w) => {
    let i = w;
    while (performance.now() < deadline) {
      latencies.push(await one(paths[i++ % paths.length]));
      n++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: n, rps: n / elapsed, latencies: Float64Array.from(latencies), errors };
}

export function percentile(xs, p) {
  const s = Float64Array.from(xs).sort();
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}

/** Resident set size (current and peak) of a process, from /proc (Linux). */
export function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
export function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
