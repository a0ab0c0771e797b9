import type { PinnedSigningKey } from './pinnedSigningKeys';
import type { SshSignature } from './readSshSignature';
import { concatBytes, sshString, SshWireReader } from './sshWireReader';

/** `unsupported`: this platform's WebCrypto cannot check the key type, so nothing is known about the signature. */
export type SignatureCheck = { verified: true } | { verified: false; reason: string; unsupported?: true };

const MESSAGE_HASHES: Record<string, 'SHA-256' | 'SHA-512'> = { sha256: 'SHA-256', sha512: 'SHA-512' };
const CURVES: Record<string, { namedCurve: string; hash: string; size: number }> = {
  'ecdsa-sha2-nistp256': { namedCurve: 'P-256', hash: 'SHA-256', size: 32 },
  'ecdsa-sha2-nistp384': { namedCurve: 'P-384', hash: 'SHA-384', size: 48 },
  'ecdsa-sha2-nistp521': { namedCurve: 'P-521', hash: 'SHA-512', size: 66 },
};
/** `ssh-rsa` signatures use SHA-1, which OpenSSH no longer accepts for sshsig either. */
const RSA_SIGNATURE_HASHES: Record<string, string> = { 'rsa-sha2-256': 'SHA-256', 'rsa-sha2-512': 'SHA-512' };

/**
 * Checks an SSH signature (PROTOCOL.sshsig) of `message` made in `namespace` by `key`, with WebCrypto:
 * Ed25519, ECDSA on P-256/P-384/P-521 and RSA (PKCS #1 v1.5 with SHA-256 or SHA-512). The caller has
 * already matched the signature's key against `key`.
 */
export async function verifySshSignature(
  signature: SshSignature,
  message: Uint8Array,
  key: PinnedSigningKey,
  namespace: string,
): Promise<SignatureCheck> {
  if (signature.namespace !== namespace) {
    return { verified: false, reason: `it was made for "${signature.namespace}", not for ${namespace}` };
  }
  const messageHash = MESSAGE_HASHES[signature.hashAlgorithm];
  if (!messageHash) return { verified: false, reason: `its hash "${signature.hashAlgorithm}" is not sha256 or sha512` };
  const digest = new Uint8Array(await crypto.subtle.digest(messageHash, toBuffer(message)));
  const signed = concatBytes([
    new TextEncoder().encode('SSHSIG'),
    sshString(signature.namespace),
    sshString(signature.reserved),
    sshString(signature.hashAlgorithm),
    sshString(digest),
  ]);
  try {
    const ok = await verifyWithKey(signature, signed, key);
    return typeof ok === 'string'
      ? { verified: false, reason: ok }
      : ok
        ? { verified: true }
        : { verified: false, reason: 'the signature does not match' };
  } catch (error) {
    // A browser without this algorithm in WebCrypto (Ed25519 came late to some) cannot check it: say so
    // rather than call a good signature bad.
    if (error instanceof Error && error.name === 'NotSupportedError') {
      return {
        verified: false,
        unsupported: true,
        reason: `this browser cannot check ${key.type} signatures; use another key type or browser`,
      };
    }
    // WebCrypto refuses a key or signature it cannot read: for the person, the signature does not verify.
    return { verified: false, reason: 'the key or the signature is malformed' };
  }
}

async function verifyWithKey(signature: SshSignature, signed: Uint8Array, key: PinnedSigningKey): Promise<boolean | string> {
  const keyReader = new SshWireReader(key.blob);
  keyReader.text();
  if (key.type === 'ssh-ed25519') {
    if (signature.signatureAlgorithm !== 'ssh-ed25519') return `its algorithm ${signature.signatureAlgorithm} does not fit an ed25519 key`;
    const publicKey = keyReader.bytesString();
    const cryptoKey = await crypto.subtle.importKey('raw', toBuffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, toBuffer(signature.signature), toBuffer(signed));
  }
  const curve = CURVES[key.type];
  if (curve) {
    if (signature.signatureAlgorithm !== key.type) return `its algorithm ${signature.signatureAlgorithm} does not fit a ${key.type} key`;
    keyReader.text();
    const point = keyReader.bytesString();
    const parts = new SshWireReader(signature.signature);
    const r = parts.unsignedMpint();
    const s = parts.unsignedMpint();
    if (r.length > curve.size || s.length > curve.size) return false;
    // WebCrypto takes r and s as fixed-size big-endian halves; SSH sends them as minimal mpints.
    const raw = new Uint8Array(curve.size * 2);
    raw.set(r, curve.size - r.length);
    raw.set(s, curve.size * 2 - s.length);
    const cryptoKey = await crypto.subtle.importKey('raw', toBuffer(point), { name: 'ECDSA', namedCurve: curve.namedCurve }, false, [
      'verify',
    ]);
    return crypto.subtle.verify({ name: 'ECDSA', hash: curve.hash }, cryptoKey, raw, toBuffer(signed));
  }
  const rsaHash = RSA_SIGNATURE_HASHES[signature.signatureAlgorithm];
  if (!rsaHash)
    return `its algorithm ${signature.signatureAlgorithm} is not one this reader accepts for an RSA key (rsa-sha2-256, rsa-sha2-512)`;
  const exponent = keyReader.unsignedMpint();
  const modulus = keyReader.unsignedMpint();
  const cryptoKey = await crypto.subtle.importKey(
    'jwk',
    { kty: 'RSA', n: base64Url(modulus), e: base64Url(exponent), ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash },
    false,
    ['verify'],
  );
  return crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, cryptoKey, toBuffer(signature.signature), toBuffer(signed));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** WebCrypto wants an `ArrayBuffer`-backed view; a subarray of a shared or larger buffer is copied. */
function toBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
