'use strict';
// Regenerates the expected data embedded in test/js/test-url-parse-corpus.js and
// test/js/test-url-setters.js from the node on PATH (the oracle):
//   node test/js/tools/gen-url-corpus.js
// Inputs are listed here (curated edge cases plus seeded random mixes); only the outputs come
// from node.
const fs = require('fs');
const path = require('path');

const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'hash'];

const curated = [
  // Basics, case, trimming, tabs and newlines.
  ['http://example.com'], ['HTTP://EXAMPLE.COM/A?B#C'], ['https://user:pass@host:8080/p/a/t/h?query=string#hash'],
  ['  http://example.com/  '], ['\u0000\u001fhttp://x/\u0001 '], ['ht\ttp://ex\nample.com/a\rb'], ['http://x/\t?\n#\r'],
  ['http:example.com'], ['http:/example.com'], ['http:\\\\example.com\\a\\b'], ['http:///example.com'],
  ['ws://x'], ['wss://x:443'], ['ws://x:80'], ['ftp://x:21/'], ['ftp://x:22/'], ['https://x:443'], ['http://x:443'],
  // Ports.
  ['http://h:0/'], ['http://h:65535/'], ['http://h:65536/'], ['http://h:080/'], ['http://h:-1/'], ['http://h:a/'],
  ['http://h:/'], ['http://h:8080x/'], ['sc://h:0/'], ['sc://h:/'], ['sc://h:99999/'], ['http://h:0000000000080/'],
  // IPv4.
  ['http://0x7f.1/'], ['http://127.1/'], ['http://0177.0.0.1/'], ['http://4294967295/'], ['http://4294967296/'],
  ['http://1.2.3.4./'], ['http://1.2.3.4.5/'], ['http://0x100000000/'], ['http://1.256.3/'], ['http://09.1/'],
  ['http://1.2.3.08/'], ['http://0x/'], ['http://0xG/'], ['http://a.0x1/'], ['http://1.0x/'], ['http://1.2.3.4.0x/'],
  ['http://0..0x300/'], ['http://256.256.256.256/'], ['http://1.2.3.256/'], ['http://%30x7f.1/'], ['http://0.0.0.0/'],
  ['http://1.2.3.4.5.6/'], ['http://foo.09/'], ['http://foo.09./'], ['http://09.foo/'], ['sc://1.2.3.4.5/'],
  // IPv6.
  ['http://[::]/'], ['http://[::1]/'], ['http://[1:2:3:4:5:6:7:8]/'], ['http://[1:2:3:4:5:6:7:8:9]/'],
  ['http://[::ffff:1.2.3.4]/'], ['http://[1::1::1]/'], ['http://[:1]/'], ['http://[1:]/'], ['http://[0:0:0:0:0:0:0:1]/'],
  ['http://[1:0:0:2::3:0]/'], ['http://[1:0:0:0:2:0:0:3]/'], ['http://[fe80::1%25eth0]/'], ['http://[::127.0.0.1.1]/'],
  ['http://[::1.2.3]/'], ['http://[::01.2.3.4]/'], ['http://[v1.x]/'], ['http://[::1]:8080/'], ['http://[::1/'],
  ['http://::1]/'], ['http://[ABCD::EF]/'], ['http://[0:a:0:0:b:0:0:0]/'], ['sc://[::1]/'], ['sc://[x]/'],
  ['http://[1:2:3:4:5:6:1.2.3.4]/'], ['http://[1:2:3:4:5:6:7:1.2.3.4]/'], ['http://[::1.2.3.4x]/'],
  // IDNA and domains.
  ['http://faß.de/'], ['http://ÉXAMPLE.com/'], ['http://日本.jp/'], ['http://xn--nxasmq6b.com/'], ['http://xn--a.com/'],
  ['http://XN--ZCA.de/'], ['http://a\u200db.com/'], ['http://example\u3002com/'], ['http://ｅｘａｍｐｌｅ.com/'],
  ['http://%E6%97%A5.jp/'], ['http://a%00b/'], ['http://a b/'], ['http://🙂.com/'], ['http://xn--ls8h.la/'],
  ['http://ab--c.com/'], ['http://-x-.com/'], ['http://a..b/'], ['http://.a/'], ['http://a./'], ['http://x.xn--/'],
  ['http://%zz/'], ['http://a%2Eb/'], ['http://a%25b/'], ['http://\u00ad/'], ['http://a\u00adb/'], ['http://\u0130.com/'],
  ['http://ex%41mple.com/'], ['http://exa<mple.com/'], ['http://exa^mple.com/'], ['http://exa|mple.com/'],
  ['http://exa*mple.com/'], ['http://exa_mple.com/'], ['http://\u0661\u0662.com/'], ['http://a.\u0661/'],
  ['http://' + 'a'.repeat(64) + '.com/'], ['http://' + 'a.'.repeat(130) + 'com/'],
  // Bidi labels (node's check is laxer than RFC 5893).
  ['http://a\u05d0/'], ['http://1\u05d0/'], ['http://\u05d0-/'], ['http://a.\u0661/'], ['http://\u0661a/'],
  ['http://a\u05d0\u05d0/'], ['http://\u0627\u0661/'], ['http://\u0661\u0627/'], ['http://\u05d01\u0661/'],
  ['http://a\u05d0\u0300/'], ['http://-\u05d0/'], ['http://xn--4db.a/'], ['http://1-.\u05d0/'],
  // Opaque hosts.
  ['sc://%41/'], ['sc://a b/'], ['sc://ü/'], ['sc://a:b@c:1/'], ['sc://@h/'], ['sc://a%zz/'], ['sc://a^b/'], ['sc://a<b/'],
  ['sc://a|b/'], ['sc://\u0000/'], ['sc://h#?/'],
  // Credentials.
  ['http://@h/'], ['http://u@h/'], ['http://u:@h/'], ['http://:p@h/'], ['http://a@b@c/'], ['http://@/'], ['http://u@/'],
  ['http://u:p@/'], ['http://a:b:c@h/'], ['http://u s"<>`{}@h/'], ['http://ü:é@h/'], ['http://%40:%3A@h/'],
  ['http://u;p=q@h/'], ['sc://u:p@h/'], ['sc://u@/'], ['file://u@h/'],
  // Paths.
  ['http://x/a/b/../c'], ['http://x/a/./b/.'], ['http://x/a/%2e%2E/b'], ['http://x/a/.%2e'], ['http://x/..'],
  ['http://x/../../a'], ['http://x/a\\b\\..\\c'], ['http://x/a b<>"`{}^|'], ['http://x/é😀'], ['http://x/%zz%'],
  ['http://x/a?b#c?d#e'], ['http://x//a//b'], ['sc://x/a/b/../c'], ['sc://x/..'], ['sc://x/a/..'], ['sc:/..'],
  ['sc://x/a\\b'], ['sc:/.//p'], ['sc:/a/..//p'], ['http://x/\ud83d\ude00'], ['http://x/\ud800'],
  // file:
  ['file:C:/x'], ['file:///C|/x'], ['file:///C:/../..'], ['file://localhost/x'], ['file://LOCALHOST/x'], ['file://host/x'],
  ['file:/x'], ['file:x'], ['file:'], ['file://'], ['file:///'], ['file:\\\\h\\x'], ['file://C:/x'], ['file://c|/x'],
  ['file:///x?q#f'], ['file://h:8/'], ['file://[::1]/x'], ['file://1.2.3.4/x'], ['file://0x7f.1/x'], ['file://ü/x'],
  ['file:/C:/a/..'], ['file:///C:/a/../..'], ['file://x/C:/..'], ['FILE:///X'], ['file:///h:0/..'],
  ['file:///C:x/../..'], ['file://host/h:0/..'], ['file:///h|0/..'], ['/y', 'file:///h:0/x'], ['y', 'file:///C:x'],
  ['\\y', 'file:///C:0/x'],
  ['//x/y', 'file:///C:/a'], ['/y', 'file:///C:/a/b'], ['y', 'file:///C:/a/b'], ['..', 'file:///C:/'], ['C|', 'file:///D:/a'],
  ['/C:/z', 'file:///D:/a'], ['?q', 'file:///C:/a'], ['#f', 'file:///C:/a'], ['', 'file://h/a'], ['file:y', 'file:///a/b'],
  ['file:', 'file://h/a?q'], ['\\\\server\\share', 'file:///x'], ['//', 'file:///x'], ['///', 'file:///x'],
  // Opaque paths.
  ['data:text/plain,hi'], ['mailto:a@b.c'], ['javascript:alert(1)'], ['sc:a b '], ['sc:x?q#f'], ['sc:\u0001\u007f\u0080'],
  ['sc: a'], ['data:,a%20b c'], ['about:blank'], ['blob:https://a.com/uuid'], ['blob:ftp://a/'], ['blob:file:///x'],
  ['blob:d'], ['blob:http://a:81/'], ['urn:isbn:0451450523'], ['tel:+1-555'],
  // Relative references.
  ['', 'http://a/b/c?q#f'], ['?x', 'http://a/b/c?q#f'], ['#x', 'http://a/b/c?q#f'], ['/x', 'http://a/b/c'], ['x', 'http://a/b/c'],
  ['../x', 'http://a/b/c'], ['../../../x', 'http://a/b/c'], ['//h/p', 'http://a/b'], ['http:x', 'http://a/b/c'],
  ['https:x', 'http://a/b/c'], ['http://x', 'sc:opaque'], ['#x', 'sc:opaque'], ['x', 'sc:opaque'], ['?x', 'sc:opaque'],
  ['x', 'sc://h/a/b'], ['../x', 'sc://h/a/b'], ['..', 'sc://h/a'], ['.', 'sc://h/a'], ['//h2', 'sc://h/a'],
  ['\\x', 'http://a/b'], ['\\\\x', 'http://a/b'], ['\\x', 'sc://a/b'], ['x:', 'http://a/'], ['a+b:c', 'http://a/'],
  ['1a:b', 'http://a/'], ['/x', 'sc:/a/b'], ['x', 'sc:/a/b'], ['', 'sc:opaque?q#f'], ['x', 'file:///a/b?q'],
  ['http://x', 'bogus'], ['x', 'http://[::1]:8/p'], ['x', 'http://u:p@h:81/a?b#c'],
  // Queries and fragments.
  ['http://x/?q r"<>#\'`'], ['sc://x/?q r"<>\'`'], ['http://x/?é'], ['http://x/#é `'], ['http://x/?%zz'], ['http://x/??'],
  ['http://x/#a#b'], ['http://x/?#'], ['http://x/?a=1&b=2'], ['sc:?q'], ['sc:#f'], ['http://x/#\u0000\u007f'],
  // Failures.
  [''], ['foo'], ['http://'], ['http://['], ['http://a:b'], ['http://%'], ['http:// /'], ['https://\u0000y/'],
  ['http://a/b', 'foo'], ['//x'], ['/x'], ['http://\ud800/'], ['sc://\u0000x/'], ['http://[::1]x/'], ['https://x:99999999999/'],
];

let seed = 20240601;
function rnd() {
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const schemes = ['http:', 'https:', 'HTTP:', 'file:', 'sc:', 'ws:', 'ftp:', 'data:', ''];
const slashes = ['//', '/', '', '///', '\\\\', '/\\'];
const users = ['', '', '', 'user@', 'u:p@', ':p@', 'a@b@'];
const hosts = ['example.com', 'EXAMPLE.com', 'faß.de', '127.0.0.1', '0x7f.1', '[::1]', 'a b', '%41.com', 'localhost',
  '', 'x.', 'h:8080', 'h:0', 'h:', 'C:', '日本.jp'];
const paths = ['', '/', '/a/b', '/a/../b', '/./a', '/a/%2e%2E/b', '/C|/x', '\\a\\b', '/a b', '/é', 'foo', '../x', '..'];
const queries = ['', '', '?', '?a=b', "?q='x' y", '?é'];
const frags = ['', '', '#', '#f', '#a b', '#`x`'];
const bases = [undefined, undefined, 'http://example.org/foo/bar?q#f', 'file:///C:/dir/file', 'sc://h/a/b',
  'https://a:b@c:99/d'];
const random = [];
for (let i = 0; i < 200; i++) {
  let s = pick(schemes) + pick(slashes) + pick(users) + pick(hosts) + pick(paths) + pick(queries) + pick(frags);
  if (rnd() < 0.3) s = pick(paths) + pick(queries) + pick(frags);
  random.push([s, pick(bases)]);
}

function parseCase([input, base]) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    return [input, base ?? null, fields.map((f) => u[f])];
  } catch (err) {
    return [input, base ?? null, null];
  }
}

const parseCases = [...curated, ...random].map(parseCase);

// Setters, including where node (ada) departs from the URL Standard.
const setterInputs = [
  ['http://example.net/path', 'host', 'example.com:65536'], ['http://example.net:8/path', 'host', 'example.com:x1'],
  ['http://example.net:8/path', 'host', 'example.com:/1'], ['sc://u@h/', 'host', ''], ['sc://h:8/', 'host', ''],
  ['sc://h/', 'host', ''], ['http://h:8/', 'port', 'x1'], ['http://h:8/', 'port', ' 1'], ['http://h:8/', 'port', '1 '],
  ['http://h:8/', 'port', '\t1'], ['http://h:8/', 'port', '99999'], ['http://h:8/', 'port', '080'],
  ['http://h:8/', 'port', '80'], ['http://h:8/', 'port', ''], ['http://h:8/', 'host', 'h:80'], ['http://h:8/', 'host', '[::1]:9'],
  ['http://h:8/', 'host', '[::1'], ['http://h:8/', 'hostname', '[::1]'], ['http://h:8/', 'host', 'a#b:9'],
  ['http://h:8/', 'host', 'a\\b:9'], ['sc://h:8/', 'host', 'a\\b:9'], ['http://h:8/', 'host', 'a?:9'],
  ['http://h:8/', 'host', 'a:9#x:7'], ['http://h:8/', 'host', '%zz:9'], ['http://h:8/', 'host', 'a b:9'],
  ['sc://h:8/', 'host', 'a b:9'], ['file://h/', 'host', 'x:9'], ['file://h/', 'host', 'localhost'], ['file://h/', 'host', ''],
  ['http://h/', 'host', ':9'], ['sc://h/', 'host', ':9'], ['http://h/', 'hostname', 'x:9'], ['http://h/', 'hostname', 'x/y'],
  ['sc://h/p', 'hostname', ''], ['sc://h/', 'host', 'x'], ['sc:/// ', 'host', 'x:9'], ['sc:/p', 'host', 'x'],
  ['sc:p', 'host', 'x'], ['sc://h:7/p', 'host', ':'], ['http://h:7/p', 'host', 'x:'], ['http://h/', 'host', 'faß.de'],
  ['sc://h/p', 'pathname', '..'], ['sc://h/p', 'pathname', '/..'], ['sc://h/p', 'pathname', ''], ['sc:/p', 'pathname', ''],
  ['sc://h/p', 'pathname', 'a/../..'], ['http://h/p', 'pathname', '..'], ['sc:opaque', 'pathname', 'x'],
  ['http://h/p', 'pathname', 'a b?#%'], ['file:///C:/x', 'pathname', '..'], ['sc:/.//p', 'pathname', '//q'],
  ['sc://h/p', 'port', '8'], ['http://u@h/', 'username', ''], ['http://h/', 'username', 'a b@:'],
  ['file:///x', 'username', 'a'], ['http://h/', 'password', 'p:w@'], ['sc:opaque', 'password', 'x'],
  ['http://h/', 'protocol', 'sc'], ['sc://h/', 'protocol', 'http'], ['sc://h/', 'protocol', 'file'],
  ['http://u@h/', 'protocol', 'file'], ['file:///x', 'protocol', 'http'], ['file://h/x', 'protocol', 'http'],
  ['http://h:21/', 'protocol', 'ftp'], ['http://h/', 'protocol', 'HTTPS:x'], ['http://h/', 'protocol', ' https'],
  ['http://h/', 'protocol', 'h\tttps'], ['sc://h:0/', 'protocol', 'sc2'], ['sc://h:0/', 'protocol', 'sc'],
  ['http://h/', 'protocol', '1x'], ['http://h/', 'search', 'a b#c'], ['http://h/?x', 'search', ''],
  ['http://h/', 'search', '??'], ['sc:opaque  ?q', 'search', ''], ['sc:opaque  #f', 'hash', ''],
  ['sc:opaque  ?q#f', 'search', ''], ['http://h/', 'hash', '#a b`'], ['http://h/#x', 'hash', ''], ['http://h/', 'hash', '##'],
  ['http://h/', 'href', 'https://other/'], ['http://h/', 'href', 'nope'], ['http://h/', 'href', '/relative'],
];
const setterCases = setterInputs.map(([href, setter, value]) => {
  const u = new URL(href);
  let threw = null;
  try {
    u[setter] = value;
  } catch (err) {
    threw = err.code;
  }
  return [href, setter, value, threw, fields.map((f) => u[f])];
});

function embed(file, marker, value) {
  const p = path.join(__dirname, '..', file);
  const text = fs.readFileSync(p, 'utf8');
  const start = text.indexOf(`// BEGIN ${marker}\n`);
  const end = text.indexOf(`// END ${marker}\n`);
  const lines = value.map((v) => `  ${JSON.stringify(v)},`).join('\n');
  const out = text.slice(0, start) + `// BEGIN ${marker}\nconst ${marker} = [\n${lines}\n];\n` +
    text.slice(end);
  fs.writeFileSync(p, out);
  console.log(`${file}: ${value.length} ${marker}`);
}

embed('test-url-parse-corpus.js', 'cases', parseCases);
embed('test-url-setters.js', 'cases', setterCases);
