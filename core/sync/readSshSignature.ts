import { decodeBase64, SshWireReader } from './sshWireReader';

/** What an armored SSH signature (`-----BEGIN SSH SIGNATURE-----`, OpenSSH's PROTOCOL.sshsig) holds. */
export interface SshSignature {
  /** The signer's public key in SSH wire form. */
  publicKey: Uint8Array;
  /** What the signature was made for; Git signs commits in namespace `git`. */
  namespace: string;
  reserved: Uint8Array;
  /** How the message was hashed before signing: `sha256` or `sha512`. */
  hashAlgorithm: string;
  /** The signature's own algorithm (`ssh-ed25519`, `rsa-sha2-512`, `ecdsa-sha2-nistp256` …). */
  signatureAlgorithm: string;
  /** The signature bytes, in that algorithm's SSH encoding. */
  signature: Uint8Array;
}

const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';
const MAGIC = 'SSHSIG';
/** A 16 kbit RSA signature with its key fits well within this; a commit header has no reason to be larger. */
const MAX_ARMORED_LENGTH = 16 * 1024;

/**
 * Reads an armored SSH signature. Returns a sentence saying what is wrong when the text is not one this
 * reader understands (a PGP or X.509 signature, a cut or altered armor, another sshsig version).
 */
export function readSshSignature(armored: string): SshSignature | string {
  if (armored.length > MAX_ARMORED_LENGTH) return 'the signature is too long to be an SSH signature';
  const text = armored.trim();
  if (text.startsWith('-----BEGIN PGP SIGNATURE-----')) return 'it is an OpenPGP (gpg) signature, and this source pins SSH keys';
  if (text.startsWith('-----BEGIN SIGNED MESSAGE-----')) return 'it is an X.509 (gpgsm) signature, and this source pins SSH keys';
  if (!text.startsWith(BEGIN) || !text.endsWith(END)) return 'it is not an SSH signature';
  const bytes = decodeBase64(text.slice(BEGIN.length, -END.length).replace(/\s+/g, ''));
  if (!bytes) return 'the SSH signature is not valid base64';
  try {
    const reader = new SshWireReader(bytes);
    if (new TextDecoder().decode(reader.raw(MAGIC.length)) !== MAGIC) return 'the SSH signature does not start with SSHSIG';
    const version = reader.uint32();
    if (version !== 1) return `the SSH signature is of version ${version}, which this reader does not know`;
    const publicKey = reader.bytesString();
    const namespace = reader.text();
    const reserved = reader.bytesString();
    const hashAlgorithm = reader.text();
    const inner = new SshWireReader(reader.bytesString());
    const signatureAlgorithm = inner.text();
    const signature = inner.bytesString();
    if (!reader.done) return 'the SSH signature has data after its end';
    return { publicKey, namespace, reserved, hashAlgorithm, signatureAlgorithm, signature };
  } catch {
    return 'the SSH signature is cut short or malformed';
  }
}
