/**
 * A self-signed certificate from the real openssl, for a loopback server that stands in for a TLS endpoint of
 * the cluster (the plugin's nginx, the Thanos querier route). It also plays the CA that a client trusts.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

export interface SelfSigned {
  keyFile: string;
  certFile: string;
}

/**
 * Writes `keyFile` and `certFile` in `dir` for `host`: a name (DNS subject alternative name) or an
 * IPv4 address (IP subject alternative name), valid for one day.
 */
export const selfSignedCertificate = (
  dir: string,
  host: string,
  files: { key: string; cert: string } = { key: 'tls.key', cert: 'tls.crt' },
): SelfSigned => {
  const keyFile = path.join(dir, files.key);
  const certFile = path.join(dir, files.cert);
  const san = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? `IP:${host}` : `DNS:${host}`;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'pipe' },
  );
  return { keyFile, certFile };
};
