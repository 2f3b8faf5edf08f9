import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServer } from '../../crawler/http/testing/local-server.ts';

const run = promisify(execFile);

export interface LocalTsa {
  url: string;
  /** The throwaway CA that issued the TSA certificate (what `--tsa-cert` takes). */
  caCertPath: string;
  requests: number;
  close(): Promise<void>;
}

const tsaConfig = (dir: string) => `[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = ${dir}
serial = $dir/tsaserial
signer_cert = $dir/tsa.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ v3_tsa ]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
`;

/**
 * An RFC 3161 authority for tests: a throwaway CA and TSA certificate made with openssl in a temp
 * folder, and a local HTTP server that pipes each query to `openssl ts -reply`.
 */
export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = await mkdtemp(join(tmpdir(), 'markhound-tsa-'));
  const p = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await writeFile(p('tsa.cnf'), tsaConfig(dir));
  await writeFile(p('tsaserial'), '01\n');
  await run('openssl', [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.crt'),
    '-subj',
    '/CN=Markhound Test CA',
    '-days',
    '2',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
  ]);
  await run('openssl', [
    'req',
    ...ec,
    '-keyout',
    p('tsa.key'),
    '-out',
    p('tsa.csr'),
    '-subj',
    '/CN=Markhound Test TSA',
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    p('tsa.csr'),
    '-CA',
    p('ca.crt'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-out',
    p('tsa.crt'),
    '-days',
    '2',
    '-extfile',
    p('tsa.cnf'),
    '-extensions',
    'v3_tsa',
  ]);
  const state = { requests: 0 };
  let sequence = 0;
  const server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      state.requests += 1;
      const n = ++sequence;
      const query = p(`q${n}.tsq`);
      const reply = p(`r${n}.tsr`);
      const answer = async () => {
        if (req.method !== 'POST' || req.headers['content-type'] !== 'application/timestamp-query')
          throw new Error('expected a POST of application/timestamp-query');
        await writeFile(query, Buffer.concat(chunks));
        await run('openssl', ['ts', '-reply', '-config', p('tsa.cnf'), '-queryfile', query, '-out', reply]);
        return readFile(reply);
      };
      answer().then(
        (body) => {
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
          res.end(body);
        },
        (error: Error) => {
          res.writeHead(400, { 'content-type': 'text/plain' });
          res.end(error.message);
        },
      );
    });
  });
  return {
    url: server.url('/tsa'),
    caCertPath: p('ca.crt'),
    get requests() {
      return state.requests;
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
