/**
 * A model signature as model_signing writes it (followed at commit
 * e3430730bca924e672b2e59f10524a7ffb5adf79: _signing/sign_sigstore_pb.py `pae`,
 * `Signature.read`; _signing/sign_ec_key.py `Signer.sign`, `Verifier`): a
 * Sigstore bundle v0.3 (JSON) holding a DSSE envelope whose payload is the
 * in-toto statement (statement.ts) and whose one signature is over DSSE's PAE.
 * With a key, the verification material is `publicKey.hint`, the sha256 (hex) of
 * the public key's SubjectPublicKeyInfo PEM, and there are no transparency-log
 * entries. ECDSA on P-256, P-384 or P-521 with SHA-256, SHA-384 or SHA-512 by
 * curve (`get_ec_key_hash`), the signature DER-encoded, as the `cryptography`
 * package makes it.
 *
 * Everything read here is hostile (a store's model.sig): each field is checked
 * before use, and any problem is ESIGNATURE (exit 4), never a crash.
 */
import { type KeyObject } from 'node:crypto';
import { type SignedFile, type Statement } from './statement.js';
export declare const BUNDLE_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
export declare const PAYLOAD_TYPE = "application/vnd.in-toto+json";
export interface SignatureBundle {
    mediaType: string;
    verificationMaterial: {
        publicKey?: {
            hint?: string;
        };
        certificate?: {
            rawBytes: string;
        };
        x509CertificateChain?: unknown;
        tlogEntries?: unknown[];
    };
    dsseEnvelope: {
        payload: string;
        payloadType: string;
        signatures: Array<{
            sig: string;
            keyid?: string;
        }>;
    };
}
/** DSSE's pre-authentication encoding: "DSSEv1 <len> <type> <len> <payload>". */
export declare function pae(payload: Buffer, payloadType?: string): Buffer;
/** The key's hint as model_signing records it: sha256 of its SubjectPublicKeyInfo PEM. */
export declare function publicKeyHint(key: KeyObject): string;
export declare function readPrivateKey(pem: string, what: string): KeyObject;
export declare function readPublicKey(pem: string, what: string): KeyObject;
/** The statement as the envelope's payload: JSON with two-space indents, as protobuf's MessageToJson writes it. */
export declare function payloadOf(statement: Statement): Buffer;
export declare function signWithKey(statement: Statement, privateKey: KeyObject): SignatureBundle;
/** A model.sig's bundle, every field this tool uses checked for its shape. */
export declare function parseBundle(text: string, where: string): SignatureBundle;
/** Checks the envelope's signature with a public key; returns the signed payload. */
export declare function verifyWithKey(bundle: SignatureBundle, publicKey: KeyObject, where: string): Buffer;
/** The signed statement, checked as model_signing checks it: one subject, the v1.0 predicate, a consistent root digest. */
export declare function parseStatement(payload: Buffer, where: string): Statement;
/**
 * The folder against the statement, as a set: every file not ignored must be
 * listed with its digest, and every listed file must be there. Throws with the
 * first mismatching file named.
 */
export declare function assertFolderMatches(statement: Statement, files: SignedFile[], where: string): void;
