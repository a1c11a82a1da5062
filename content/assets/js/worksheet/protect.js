// Optional passphrase protection of a folder file: scrypt (N=2^15, r=8, p=1) derives a key,
// XChaCha20-Poly1305 encrypts. Pure JavaScript (@noble, audited, content/assets/vendor/), so
// it works from file:// and plain http, where WebCrypto's crypto.subtle is missing.
// crypto.getRandomValues, which every browser has in any context, gives salt and nonce.
import { xchacha20poly1305 } from "../../vendor/noble-ciphers/chacha.js";
import { scryptAsync } from "../../vendor/noble-hashes/scrypt.js";

const KDF = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };
const MAX_N = 2 ** 17; // a file cannot make the browser spend minutes (or all memory)

const encode = (text) => new TextEncoder().encode(text);
const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const random = (n) => crypto.getRandomValues(new Uint8Array(n));

export function isProtected(data) {
  return data !== null && typeof data === "object" && data.krachtwerk_beveiligd === 1;
}

export async function protect(text, passphrase) {
  const salt = random(16);
  const nonce = random(24);
  const key = await scryptAsync(encode(passphrase), salt, KDF);
  const sealed = xchacha20poly1305(key, nonce).encrypt(encode(text));
  return JSON.stringify({ krachtwerk_beveiligd: 1, kdf: "scrypt", N: KDF.N, r: KDF.r, p: KDF.p,
                          zout: toBase64(salt), nonce: toBase64(nonce),
                          inhoud: toBase64(sealed) }, null, 2);
}

// The text inside, or { error } with a key of the UI strings; never throws.
export async function unprotect(data, passphrase) {
  try {
    const { N, r, p } = data;
    if (data.kdf !== "scrypt" || !Number.isInteger(N) || N < 2 || N > MAX_N || (N & (N - 1))
        || r !== 8 || p !== 1) return { error: "protect_unknown" };
    const salt = fromBase64(data.zout);
    const nonce = fromBase64(data.nonce);
    if (nonce.length !== 24 || salt.length < 8) return { error: "protect_unknown" };
    const key = await scryptAsync(encode(passphrase), salt, { N, r, p, dkLen: 32 });
    let plain;
    try {
      plain = xchacha20poly1305(key, nonce).decrypt(fromBase64(data.inhoud));
    } catch {
      return { error: "protect_wrong" };
    }
    return { text: new TextDecoder().decode(plain) };
  } catch {
    return { error: "protect_unknown" };
  }
}
