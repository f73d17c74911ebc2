'use strict';
// crypto.constants, getFips, getHashes/getCiphers/getCurves: the shape node v20 has on
// OpenSSL 3 (node's own test/common reads constants.OPENSSL_VERSION_NUMBER at load).
const assert = require('assert');
const crypto = require('crypto');

const c = crypto.constants;
const expected = {
  SSL_OP_ALL: 2147485776, SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144, SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768, SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648, SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4, SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288, SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824, SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432, SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864, SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912, SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608, ENGINE_METHOD_RSA: 1, ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4, ENGINE_METHOD_RAND: 8, ENGINE_METHOD_EC: 2048, ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128, ENGINE_METHOD_PKEY_METHS: 512, ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535, ENGINE_METHOD_NONE: 0, DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4, DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6, RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2, TLS1_VERSION: 769, TLS1_1_VERSION: 770, TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772, POINT_CONVERSION_COMPRESSED: 2, POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
};
for (const [name, value] of Object.entries(expected)) {
  assert.strictEqual(c[name], value, name);
}
assert.deepStrictEqual(Object.keys(c), [
  'OPENSSL_VERSION_NUMBER', ...Object.keys(expected).slice(0, 46), 'defaultCoreCipherList',
  ...Object.keys(expected).slice(46), 'defaultCipherList',
]);

// OPENSSL_VERSION_NUMBER is 0xMNN00PP0 and agrees with process.versions.openssl.
const [major, minor, patch] = process.versions.openssl.split(/[.-]/).map(Number);
assert.strictEqual(c.OPENSSL_VERSION_NUMBER,
                   ((major << 28) | (minor << 20) | (patch << 4)) >>> 0);

const cipherList = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
  'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
  'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:' +
  'DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:' +
  '!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';
assert.strictEqual(c.defaultCoreCipherList, cipherList);
assert.strictEqual(c.defaultCipherList, cipherList);

// Read-only, as node's constants.
assert.throws(() => { c.RSA_PKCS1_PADDING = 99; }, TypeError);
assert.strictEqual(c.RSA_PKCS1_PADDING, 1);

assert.strictEqual(crypto.getFips(), 0);
assert.strictEqual(crypto.fips, 0);
// setFips(true) turns on the 'fips=yes' default property as in node; no FIPS provider is
// loaded, so it only changes what getFips reports.
crypto.setFips(true);
assert.strictEqual(crypto.getFips(), 1);
crypto.setFips(false);
assert.strictEqual(crypto.getFips(), 0);

function checkList(list, mustHave) {
  assert(Array.isArray(list));
  assert.deepStrictEqual([...list].sort(), list);
  assert.strictEqual(new Set(list.map((s) => s.toLowerCase())).size, list.length);
  for (const name of mustHave) assert(list.includes(name), name);
  // A fresh copy each time.
  list.push('x');
}
checkList(crypto.getHashes(), ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                               'sha512-256', 'sha3-256', 'sha3-512', 'shake128', 'shake256',
                               'blake2b512', 'blake2s256', 'ripemd160', 'RSA-SHA256',
                               'sha256WithRSAEncryption']);
checkList(crypto.getCiphers(), ['aes-128-cbc', 'aes-256-cbc', 'aes-128-ctr', 'aes-256-gcm',
                                'aes-128-gcm', 'chacha20-poly1305', 'des-ede3-cbc',
                                'id-aes128-GCM']);
checkList(crypto.getCurves(), ['prime256v1', 'secp384r1', 'secp521r1', 'secp256k1',
                               'brainpoolP256r1', 'SM2']);
assert(!crypto.getHashes().includes('x'));
assert.strictEqual(crypto.getHashes().length, 52);
assert.strictEqual(crypto.getCiphers().length, 131);
assert.strictEqual(crypto.getCurves().length, 82);

// What is not built yet still throws ERR_NOT_IMPLEMENTED when used (never at load).
for (const name of Object.keys(crypto)) {
  assert(name in crypto);
}
