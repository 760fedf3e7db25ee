// Ed25519 signatures over the JSON export (node:crypto): the signature covers the canonical JSON of the document
// without its "signature" member, so any edit of the exported file is detected by `verify-export`.
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical.ts';

/** The signature member of a signed export. */
export interface ExportSignature {
  algorithm: 'Ed25519';
  /** The signer's public key, SPKI PEM. */
  publicKey: string;
  /** First 16 hex digits of SHA-256 over the public key's DER: a short name to compare. */
  keyId: string;
  signedOver: string;
  /** Base64 signature. */
  value: string;
}

const SIGNED_OVER = 'canonical JSON (keys sorted, no whitespace) of this document without its "signature" member';

/** Read an Ed25519 private key from PEM text (literal "\n" allowed, as in .env files); throws with a plain message. */
export function loadSigningKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem.replace(/\\n/g, '\n'));
  } catch {
    throw new Error('is not a PEM private key (generate one with: openssl genpkey -algorithm ed25519)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`is a ${key.asymmetricKeyType ?? 'unknown'} key; an Ed25519 key is needed (openssl genpkey -algorithm ed25519)`);
  return key;
}

/** The key id of a public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }).toString('base64')).slice(0, 16);
}

/** The document with a "signature" member added. */
export function signExport<T extends Record<string, unknown>>(document: T, privateKeyPem: string): T & { signature: ExportSignature } {
  const key = loadSigningKey(privateKeyPem);
  const publicKey = createPublicKey(key);
  const { signature: _old, ...body } = document;
  const value = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key).toString('base64');
  const signature: ExportSignature = { algorithm: 'Ed25519', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey), signedOver: SIGNED_OVER, value };
  return { ...document, signature };
}

/** What the signature check found. */
export type SignatureCheck =
  | { state: 'unsigned' }
  | { state: 'valid'; keyId: string; /** true/false when a key is configured here, to compare with; undefined otherwise. */ matchesConfiguredKey?: boolean }
  | { state: 'invalid'; reason: string };

/** Check the "signature" member of a parsed export. */
export function checkSignature(document: Record<string, unknown>, configuredKeyPem?: string): SignatureCheck {
  const sig = document.signature as Partial<ExportSignature> | undefined;
  if (sig === undefined) return { state: 'unsigned' };
  if (sig?.algorithm !== 'Ed25519' || typeof sig.publicKey !== 'string' || typeof sig.value !== 'string') return { state: 'invalid', reason: 'the signature member is not an Ed25519 signature breachdesk wrote' };
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(sig.publicKey);
  } catch {
    return { state: 'invalid', reason: 'the public key in the signature cannot be read' };
  }
  const { signature: _sig, ...body } = document;
  const good = verify(null, Buffer.from(canonicalJson(body), 'utf8'), publicKey, Buffer.from(sig.value, 'base64'));
  if (!good) return { state: 'invalid', reason: 'the signature does not match the content: the file was changed after it was signed' };
  const keyId = keyIdOf(publicKey);
  if (!configuredKeyPem) return { state: 'valid', keyId };
  return { state: 'valid', keyId, matchesConfiguredKey: keyIdOf(createPublicKey(loadSigningKey(configuredKeyPem))) === keyId };
}
