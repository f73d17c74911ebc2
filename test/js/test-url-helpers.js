'use strict';
// url's helpers against node 20: url.format(URL, options), urlToHttpOptions, pathToFileURL and
// fileURLToPath (posix and { windows: true }), domainToASCII/domainToUnicode, and their errors.
// Results recorded from node (--record); paths relative to the cwd are checked separately.
const assert = require('assert');
const path = require('path');
const url = require('url');
const util = require('util');
const { checkRecorded } = require('./common/recorded.js');

function run() {
  const r = (f) => {
    try {
      const v = f();
      return typeof v === 'object' && v !== null ? util.inspect(v) : JSON.stringify(v);
    } catch (e) {
      return ['ERR', e.name, e.code, e.message].join('|');
    }
  };
  const out = [];
  const urls = ['http://user:pw@xn--fa-hia.de:8080/p?q=1#h', 'https://[::1]:443/x', 'file:///a/b', 'http://ü.com/', 'http://a%20b:c%40d@h/', 'sc://x/y?z#w', 'http://xn--a-ecp.ru/'];
  for (const u of urls) {
    for (const opts of [undefined, {}, { fragment: false }, { unicode: true }, { search: false }, { auth: false }, { fragment: 0, unicode: 1, search: '', auth: null }]) {
      out.push(r(() => url.format(new URL(u), opts)));
    }
    out.push(r(() => url.urlToHttpOptions(new URL(u))));
  }
  out.push(r(() => url.format(new URL('http://x/'), 'str')), r(() => url.format(5)), r(() => url.format(null)), r(() => url.format({ protocol: 'http', host: 'x', pathname: 'a#b?c', search: 'q#', hash: 'h' })));
  out.push(r(() => url.format({ protocol: 'file', pathname: '/x' })), r(() => url.format({ hostname: '::1', port: 8 })), r(() => url.format({ hostname: 'a:b', port: 8, query: { a: [1, 2] } })));
  out.push(r(() => url.urlToHttpOptions({ hostname: '[::1]', port: '', username: 'a%20', password: '', pathname: '/x', search: '?q', href: 'h', protocol: 'http:', hash: '', extra: 1 })));
  for (const p of ['/a/b', '/a b/c?d#e%f', '/a\\b', '/tmp/\n\r\t', '/x/', '/é/😀', '//server/share',
    '/%25', '/a%2fb']) {
    out.push(r(() => url.pathToFileURL(p).href), r(() => url.pathToFileURL(p, { windows: false }).href));
  }
  // Absolute on Windows (a drive, a UNC path); relative ones depend on the cwd.
  for (const p of ['C:\\x', 'c:\\a b\\%', '\\\\server\\share\\x', '\\\\server\\share', '\\\\\\x',
    'C:\\x\\', 'C:/x/y']) {
    out.push(r(() => url.pathToFileURL(p, { windows: true }).href));
  }
  out.push(r(() => url.pathToFileURL(5)), r(() => url.pathToFileURL()));
  for (const f of ['file:///a/b', 'file:///a%20b/%C3%A9', 'file://localhost/x', 'file://host/x', 'file:///a%2Fb', 'file:///a%2fb', 'file:///a%5Cb', 'http://x/', 'file:///C:/x/y', 'file:///c:/x', 'file://server/share/x', 'file:///x/%ff', 'file:', 'file:///%00']) {
    out.push(r(() => url.fileURLToPath(f)), r(() => url.fileURLToPath(new URL(f))), r(() => url.fileURLToPath(f, { windows: true })));
  }
  out.push(r(() => url.fileURLToPath(5)), r(() => url.fileURLToPath({ href: 'file:///x', protocol: 'file:', pathname: '/x', hostname: '' })), r(() => url.fileURLToPath('nope')));
  for (const d of ['example.com', 'EXAMPLE.com', 'faß.de', 'xn--iñvalid.com', 'xn--fa-hia.de', '', 'a b', '[::1]', '1.2.3.4', '0x7f.1', 'ab--c', 'a.b.', 'xn--', '☃', 'a:80', 'a/b', 'a@b', '%41', 'ＡＢＣ']) {
    out.push(r(() => url.domainToASCII(d)), r(() => url.domainToUnicode(d)));
  }
  out.push(r(() => url.domainToASCII()), r(() => url.domainToUnicode()), r(() => url.domainToASCII(5)), r(() => url.domainToASCII(null)));
  out.push(r(() => url.parse(5)), r(() => url.parse()), r(() => url.resolve('http://a', 5)), r(() => url.resolveObject('', 'x')), r(() => url.resolveObject(null, 'x')));
  out.push(r(() => new url.Url()), r(() => url.parse('http://x').resolveObject('y')), r(() => url.parse('http://x') instanceof url.Url), r(() => url.parse(url.parse('http://q')) ));
  return out;
}

// BEGIN expected
const expected = [
  "\"http://user:pw@xn--fa-hia.de:8080/p?q=1#h\"",
  "\"http://user:pw@xn--fa-hia.de:8080/p?q=1#h\"",
  "\"http://user:pw@xn--fa-hia.de:8080/p?q=1\"",
  "\"http://user:pw@faß.de:8080/p?q=1#h\"",
  "\"http://user:pw@xn--fa-hia.de:8080/p#h\"",
  "\"http://xn--fa-hia.de:8080/p?q=1#h\"",
  "\"http://user:pw@faß.de:8080/p\"",
  "[Object: null prototype] {\n  protocol: 'http:',\n  hostname: 'xn--fa-hia.de',\n  hash: '#h',\n  search: '?q=1',\n  pathname: '/p',\n  path: '/p?q=1',\n  href: 'http://user:pw@xn--fa-hia.de:8080/p?q=1#h',\n  port: 8080,\n  auth: 'user:pw'\n}",
  "\"https://[::1]/x\"",
  "\"https://[::1]/x\"",
  "\"https://[::1]/x\"",
  "\"https://[::1]/x\"",
  "\"https://[::1]/x\"",
  "\"https://[::1]/x\"",
  "\"https://[::1]/x\"",
  "[Object: null prototype] {\n  protocol: 'https:',\n  hostname: '::1',\n  hash: '',\n  search: '',\n  pathname: '/x',\n  path: '/x',\n  href: 'https://[::1]/x'\n}",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "[Object: null prototype] {\n  protocol: 'file:',\n  hostname: '',\n  hash: '',\n  search: '',\n  pathname: '/a/b',\n  path: '/a/b',\n  href: 'file:///a/b'\n}",
  "\"http://xn--tda.com/\"",
  "\"http://xn--tda.com/\"",
  "\"http://xn--tda.com/\"",
  "\"http://ü.com/\"",
  "\"http://xn--tda.com/\"",
  "\"http://xn--tda.com/\"",
  "\"http://ü.com/\"",
  "[Object: null prototype] {\n  protocol: 'http:',\n  hostname: 'xn--tda.com',\n  hash: '',\n  search: '',\n  pathname: '/',\n  path: '/',\n  href: 'http://xn--tda.com/'\n}",
  "\"http://a%20b:c%40d@h/\"",
  "\"http://a%20b:c%40d@h/\"",
  "\"http://a%20b:c%40d@h/\"",
  "\"http://a%20b:c%40d@h/\"",
  "\"http://a%20b:c%40d@h/\"",
  "\"http://h/\"",
  "\"http://a%20b:c%40d@h/\"",
  "[Object: null prototype] {\n  protocol: 'http:',\n  hostname: 'h',\n  hash: '',\n  search: '',\n  pathname: '/',\n  path: '/',\n  href: 'http://a%20b:c%40d@h/',\n  auth: 'a b:c@d'\n}",
  "\"sc://x/y?z#w\"",
  "\"sc://x/y?z#w\"",
  "\"sc://x/y?z\"",
  "\"sc://x/y?z#w\"",
  "\"sc://x/y#w\"",
  "\"sc://x/y?z#w\"",
  "\"sc://x/y\"",
  "[Object: null prototype] {\n  protocol: 'sc:',\n  hostname: 'x',\n  hash: '#w',\n  search: '?z',\n  pathname: '/y',\n  path: '/y?z',\n  href: 'sc://x/y?z#w'\n}",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"options\" argument must be of type object. Received type string ('str')",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"urlObject\" argument must be one of type object or string. Received type number (5)",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"urlObject\" argument must be one of type object or string. Received null",
  "\"http://x/a%23b%3Fc?q%23#h\"",
  "\"file:///x\"",
  "\"[::1]:8\"",
  "\"[a:b]:8?a=1&a=2\"",
  "[Object: null prototype] {\n  hostname: '::1',\n  port: '',\n  username: 'a%20',\n  password: '',\n  pathname: '/x',\n  search: '?q',\n  href: 'h',\n  protocol: 'http:',\n  hash: '',\n  extra: 1,\n  path: '/x?q',\n  auth: 'a :'\n}",
  "\"file:///a/b\"",
  "\"file:///a/b\"",
  "\"file:///a%20b/c%3Fd%23e%25f\"",
  "\"file:///a%20b/c%3Fd%23e%25f\"",
  "\"file:///a%5Cb\"",
  "\"file:///a%5Cb\"",
  "\"file:///tmp/%0A%0D%09\"",
  "\"file:///tmp/%0A%0D%09\"",
  "\"file:///x/\"",
  "\"file:///x/\"",
  "\"file:///%C3%A9/%F0%9F%98%80\"",
  "\"file:///%C3%A9/%F0%9F%98%80\"",
  "\"file:///server/share\"",
  "\"file:///server/share\"",
  "\"file:///%2525\"",
  "\"file:///%2525\"",
  "\"file:///a%252fb\"",
  "\"file:///a%252fb\"",
  "\"file:///C:/x\"",
  "\"file:///c:/a%20b/%25\"",
  "\"file://server/share/x\"",
  "\"file://server/share\"",
  "ERR|TypeError|ERR_INVALID_ARG_VALUE|The argument 'path' Empty UNC servername. Received '\\\\\\\\\\\\x'",
  "\"file:///C:/x/\"",
  "\"file:///C:/x/y\"",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"path\" argument must be of type string. Received type number (5)",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"path\" argument must be of type string. Received undefined",
  "\"/a/b\"",
  "\"/a/b\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must be absolute",
  "\"/a b/é\"",
  "\"/a b/é\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must be absolute",
  "\"/x\"",
  "\"/x\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must be absolute",
  "ERR|TypeError|ERR_INVALID_FILE_URL_HOST|File URL host must be \"localhost\" or empty on linux",
  "ERR|TypeError|ERR_INVALID_FILE_URL_HOST|File URL host must be \"localhost\" or empty on linux",
  "\"\\\\\\\\host\\\\x\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded / characters",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded / characters",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded \\ or / characters",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded / characters",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded / characters",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded \\ or / characters",
  "\"/a\\\\b\"",
  "\"/a\\\\b\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must not include encoded \\ or / characters",
  "ERR|TypeError|ERR_INVALID_URL_SCHEME|The URL must be of scheme file",
  "ERR|TypeError|ERR_INVALID_URL_SCHEME|The URL must be of scheme file",
  "ERR|TypeError|ERR_INVALID_URL_SCHEME|The URL must be of scheme file",
  "\"/C:/x/y\"",
  "\"/C:/x/y\"",
  "\"C:\\\\x\\\\y\"",
  "\"/c:/x\"",
  "\"/c:/x\"",
  "\"c:\\\\x\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_HOST|File URL host must be \"localhost\" or empty on linux",
  "ERR|TypeError|ERR_INVALID_FILE_URL_HOST|File URL host must be \"localhost\" or empty on linux",
  "\"\\\\\\\\server\\\\share\\\\x\"",
  "ERR|URIError||URI malformed",
  "ERR|URIError||URI malformed",
  "ERR|URIError||URI malformed",
  "\"/\"",
  "\"/\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must be absolute",
  "\"/\\u0000\"",
  "\"/\\u0000\"",
  "ERR|TypeError|ERR_INVALID_FILE_URL_PATH|File URL path must be absolute",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"path\" argument must be of type string or an instance of URL. Received type number (5)",
  "\"/x\"",
  "ERR|TypeError|ERR_INVALID_URL|Invalid URL",
  "\"example.com\"",
  "\"example.com\"",
  "\"example.com\"",
  "\"example.com\"",
  "\"xn--fa-hia.de\"",
  "\"faß.de\"",
  "\"\"",
  "\"\"",
  "\"xn--fa-hia.de\"",
  "\"faß.de\"",
  "\"\"",
  "\"\"",
  "\"\"",
  "\"\"",
  "\"[::1]\"",
  "\"[::1]\"",
  "\"1.2.3.4\"",
  "\"1.2.3.4\"",
  "\"127.0.0.1\"",
  "\"127.0.0.1\"",
  "\"ab--c\"",
  "\"ab--c\"",
  "\"a.b.\"",
  "\"a.b.\"",
  "\"\"",
  "\"\"",
  "\"xn--n3h\"",
  "\"☃\"",
  "\"\"",
  "\"\"",
  "\"a\"",
  "\"a\"",
  "\"\"",
  "\"\"",
  "\"a\"",
  "\"a\"",
  "\"abc\"",
  "\"abc\"",
  "ERR|TypeError|ERR_MISSING_ARGS|The \"domain\" argument must be specified",
  "ERR|TypeError|ERR_MISSING_ARGS|The \"domain\" argument must be specified",
  "\"0.0.0.5\"",
  "\"null\"",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"url\" argument must be of type string. Received type number (5)",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"url\" argument must be of type string. Received undefined",
  "ERR|TypeError|ERR_INVALID_ARG_TYPE|The \"url\" argument must be of type string. Received type number (5)",
  "\"x\"",
  "\"x\"",
  "Url {\n  protocol: null,\n  slashes: null,\n  auth: null,\n  host: null,\n  port: null,\n  hostname: null,\n  hash: null,\n  search: null,\n  query: null,\n  pathname: null,\n  path: null,\n  href: null\n}",
  "Url {\n  protocol: 'http:',\n  slashes: true,\n  auth: null,\n  host: 'x',\n  port: null,\n  hostname: 'x',\n  hash: null,\n  search: null,\n  query: null,\n  pathname: '/y',\n  path: '/y',\n  href: 'http://x/y'\n}",
  "true",
  "Url {\n  protocol: 'http:',\n  slashes: true,\n  auth: null,\n  host: 'q',\n  port: null,\n  hostname: 'q',\n  hash: null,\n  search: null,\n  query: null,\n  pathname: '/',\n  path: '/',\n  href: 'http://q/'\n}",
];
// END expected

checkRecorded(__filename, expected, run());

// Relative paths resolve against the cwd; a trailing separator is kept.
const cwd = process.cwd();
assert.strictEqual(url.pathToFileURL('rel/x').href, url.pathToFileURL(path.join(cwd, 'rel/x')).href);
assert.strictEqual(url.pathToFileURL('.').href, url.pathToFileURL(cwd).href);
assert.strictEqual(url.pathToFileURL('').href, url.pathToFileURL(cwd).href);
assert.strictEqual(url.pathToFileURL('rel/').href,
                   url.pathToFileURL(path.join(cwd, 'rel')).href + '/');
assert.strictEqual(url.fileURLToPath(url.pathToFileURL(cwd)), cwd);
