'use strict';
// Crypto and zlib throughput, runnable under ringjs and node alike. Prints one line per case:
// "<case> <wall ms> <cpu ms>" (cpu: user + system time of the whole process, pool threads
// included, so it is the work done and stays meaningful on a busy machine). Usage:
// crypto-zlib.js [case ...] (default: every case). bench/crypto-zlib.sh runs it under each
// runtime and prints ratios.
const crypto = require('crypto');
const zlib = require('zlib');

const MiB = 1024 * 1024;

function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

// Runs start() (which returns a promise for its end) and measures wall and CPU time.
async function measure(start) {
  const cpu = process.cpuUsage();
  const wall = now();
  await start();
  const used = process.cpuUsage(cpu);
  return [now() - wall, (used.user + used.system) / 1000];
}

// Text that compresses about 4:1: words drawn from a small vocabulary by a fixed
// pseudo-random sequence (the same bytes in every run and runtime).
function makeText(size) {
  const words = [];
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < 2000; i++) {
    let w = '';
    const len = 2 + (rand() % 9);
    for (let j = 0; j < len; j++) w += String.fromCharCode(97 + (rand() % 26));
    words.push(w);
  }
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) off += buf.write(words[rand() % words.length] + ' ', off);
  return buf;
}

// The zlib cases' 256 MiB: a 16 MiB text repeated. deflate looks back 32 KiB at most, so the
// repeats cost the same work as fresh text, and building it takes a sixteenth of the time.
const kZlibSize = 256 * MiB;
function makeZlibText() {
  const block = getText().subarray(0, 16 * MiB);
  const buf = Buffer.allocUnsafe(kZlibSize);
  for (let off = 0; off < kZlibSize; off += block.length) block.copy(buf, off);
  return buf;
}

let text;
let zlibText;
let gzipped;
let brotlied;
const getText = () => (text ??= makeText(64 * MiB));
const getZlibText = () => (zlibText ??= makeZlibText());
const getGzipped = () => (gzipped ??= zlib.gzipSync(getZlibText()));
const getBrotlied = () => (brotlied ??= zlib.brotliCompressSync(getText().subarray(0, 16 * MiB)));

const cases = {
  // sha256 of 1 GiB fed in 64 KiB chunks (the 64 MiB text 16 times over: the same hashing
  // work as 1 GiB of fresh bytes, without holding 1 GiB).
  'sha256-1GiB': [getText, (data) => {
    const h = crypto.createHash('sha256');
    for (let pass = 0; pass < 16; pass++) {
      for (let i = 0; i < data.length; i += 64 * 1024) h.update(data.subarray(i, i + 64 * 1024));
    }
    h.digest('hex');
  }],
  // 1,000 pbkdf2 (sha256, 10k iterations) at once: the thread pool runs them 4 at a time.
  'pbkdf2-10k-x1000': [() => null, () => new Promise((resolve) => {
    let left = 1000;
    for (let i = 0; i < 1000; i++) {
      crypto.pbkdf2('password' + i, 'salt', 10000, 32, 'sha256', (err) => {
        if (err) throw err;
        if (--left === 0) resolve();
      });
    }
  })],
  // crypto.subtle through its promises: 20,000 digests of 1 KiB one after another (each a pool
  // round trip) and 2,000 ECDSA P-256 signatures at once.
  'subtle-digest-x20000': [() => Buffer.alloc(1024, 7), async (data) => {
    for (let i = 0; i < 20000; i++) await crypto.subtle.digest('SHA-256', data);
  }],
  'subtle-ecdsa-x2000': [() => Buffer.alloc(1024, 7), async (data) => {
    const { privateKey } = await crypto.subtle.generateKey(
      { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    const signatures = [];
    for (let i = 0; i < 2000; i++) {
      signatures.push(crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, data));
    }
    await Promise.all(signatures);
  }],
  'gzipSync-256MiB': [getZlibText, (data) => zlib.gzipSync(data)],
  'gunzipSync-256MiB': [getGzipped, (data) => zlib.gunzipSync(data)],
  // The callback forms (the work runs on the thread pool).
  'gzip-256MiB': [getZlibText, (data) => new Promise((resolve) => {
    zlib.gzip(data, (err) => {
      if (err) throw err;
      resolve();
    });
  })],
  'gunzip-256MiB': [getGzipped, (data) => new Promise((resolve) => {
    zlib.gunzip(data, (err, out) => {
      if (err) throw err;
      if (out.length !== kZlibSize) throw new Error('bad round trip');
      resolve();
    });
  })],
  // Streams, read by a 'data' listener: the engine runs on the pool chunk after chunk.
  // createGzip is written 64 KiB at a time (as a file read stream would), createGunzip the
  // whole compressed input at once.
  'createGzip-256MiB': [getZlibText, (data) => new Promise((resolve) => {
    const gzip = zlib.createGzip();
    gzip.on('data', () => {});
    gzip.on('end', resolve);
    for (let i = 0; i < data.length; i += 64 * 1024) gzip.write(data.subarray(i, i + 64 * 1024));
    gzip.end();
  })],
  'createGunzip-256MiB': [getGzipped, (data) => new Promise((resolve) => {
    let length = 0;
    const gunzip = zlib.createGunzip();
    gunzip.on('data', (chunk) => { length += chunk.length; });
    gunzip.on('end', () => {
      if (length !== kZlibSize) throw new Error('bad round trip');
      resolve();
    });
    gunzip.end(data);
  })],
  // Brotli at its default quality (11) on the first 16 MiB.
  'brotliSync-16MiB': [() => getText().subarray(0, 16 * MiB),
                       (data) => zlib.brotliCompressSync(data)],
  'unbrotliSync-16MiB': [getBrotlied, (data) => zlib.brotliDecompressSync(data)],
};

// Small crypto calls made many times (issue 9): the per-call overhead around OpenSSL.
const small = Buffer.alloc(1024, 7);
const key32 = Buffer.alloc(32, 1);
const key16 = Buffer.alloc(16, 1);
const iv12 = Buffer.alloc(12, 2);
const iv16 = Buffer.alloc(16, 2);
const keyPairs = {};
const getKeyPair = (type, options) => () =>
  (keyPairs[type] ??= crypto.generateKeyPairSync(type, options));
const cryptoCases = {
  'cipher-gcm-1k-x100k': [() => small, (data) => {
    for (let i = 0; i < 100000; i++) {
      const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
      c.update(data);
      c.final();
      c.getAuthTag();
    }
  }],
  'decipher-gcm-1k-x100k': [() => {
    const c = crypto.createCipheriv('aes-256-gcm', key32, iv12);
    const ciphertext = Buffer.concat([c.update(small), c.final()]);
    return [ciphertext, c.getAuthTag()];
  }, ([ciphertext, tag]) => {
    for (let i = 0; i < 100000; i++) {
      const d = crypto.createDecipheriv('aes-256-gcm', key32, iv12);
      d.setAuthTag(tag);
      d.update(ciphertext);
      d.final();
    }
  }],
  'cipher-cbc-1k-x100k': [() => small, (data) => {
    for (let i = 0; i < 100000; i++) {
      const c = crypto.createCipheriv('aes-128-cbc', key16, iv16);
      c.update(data);
      c.final();
    }
  }],
  'cipher-chacha-1k-x100k': [() => small, (data) => {
    for (let i = 0; i < 100000; i++) {
      const c = crypto.createCipheriv('chacha20-poly1305', key32, iv12, { authTagLength: 16 });
      c.update(data);
      c.final();
      c.getAuthTag();
    }
  }],
  'hash-1k-x200k': [() => small, (data) => {
    for (let i = 0; i < 200000; i++) crypto.createHash('sha256').update(data).digest();
  }],
  'hmac-1k-x200k': [() => small, (data) => {
    for (let i = 0; i < 200000; i++) crypto.createHmac('sha256', key32).update(data).digest();
  }],
  'randomBytes16-x1M': [() => null, () => {
    for (let i = 0; i < 1000000; i++) crypto.randomBytes(16);
  }],
  'randomUUID-x1M': [() => null, () => {
    for (let i = 0; i < 1000000; i++) crypto.randomUUID();
  }],
  'ed25519-sign-x20k': [getKeyPair('ed25519'), ({ privateKey }) => {
    for (let i = 0; i < 20000; i++) crypto.sign(null, small, privateKey);
  }],
  'ed25519-verify-x20k': [getKeyPair('ed25519'), ({ privateKey, publicKey }) => {
    const signature = crypto.sign(null, small, privateKey);
    for (let i = 0; i < 20000; i++) crypto.verify(null, small, publicKey, signature);
  }],
  'ecdsa-sign-x20k': [getKeyPair('ec', { namedCurve: 'P-256' }), ({ privateKey }) => {
    for (let i = 0; i < 20000; i++) crypto.sign('sha256', small, privateKey);
  }],
  'ecdsa-createSign-x20k': [getKeyPair('ec', { namedCurve: 'P-256' }), ({ privateKey }) => {
    for (let i = 0; i < 20000; i++) crypto.createSign('sha256').update(small).sign(privateKey);
  }],
  'ecdsa-verify-x10k': [getKeyPair('ec', { namedCurve: 'P-256' }), ({ privateKey, publicKey }) => {
    const signature = crypto.sign('sha256', small, privateKey);
    for (let i = 0; i < 10000; i++) crypto.verify('sha256', small, publicKey, signature);
  }],
  'rsa-sign-x1000': [getKeyPair('rsa', { modulusLength: 2048 }), ({ privateKey }) => {
    for (let i = 0; i < 1000; i++) crypto.sign('sha256', small, privateKey);
  }],
  'rsa-createVerify-x20k': [getKeyPair('rsa', { modulusLength: 2048 }),
                            ({ privateKey, publicKey }) => {
    const signature = crypto.sign('sha256', small, privateKey);
    for (let i = 0; i < 20000; i++) {
      crypto.createVerify('sha256').update(small).verify(publicKey, signature);
    }
  }],
};

(async () => {
  const wanted = process.argv.slice(2);
  for (const [name, [prepare, run]] of Object.entries({ ...cases, ...cryptoCases })) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const input = prepare();
    const [wall, cpu] = await measure(() => Promise.resolve(run(input)));
    console.log(`${name} ${wall.toFixed(1)} ${cpu.toFixed(1)}`);
  }
})();
