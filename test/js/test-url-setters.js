'use strict';
// URL setters against node: expected results recorded from node 20 by tools/gen-url-corpus.js,
// including where node (ada) departs from the URL Standard (the port part of the host setter,
// port values with leading garbage, '..' on an empty non-special path, port 0 and protocol).
// node's copy of the WPT setters tests runs too when the compat cache has it.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
  'pathname', 'search', 'hash'];

// [href, setter, value, error code thrown or null, components after]
// BEGIN cases
const cases = [
  ["http://example.net/path","host","example.com:65536",null,["http://example.com/path","http://example.com","http:","","","example.com","example.com","","/path","",""]],
  ["http://example.net:8/path","host","example.com:x1",null,["http://example.com/path","http://example.com","http:","","","example.com","example.com","","/path","",""]],
  ["http://example.net:8/path","host","example.com:/1",null,["http://example.com/path","http://example.com","http:","","","example.com","example.com","","/path","",""]],
  ["sc://u@h/","host","",null,["sc://u@h/","null","sc:","u","","h","h","","/","",""]],
  ["sc://h:8/","host","",null,["sc://h:8/","null","sc:","","","h:8","h","8","/","",""]],
  ["sc://h/","host","",null,["sc:///","null","sc:","","","","","","/","",""]],
  ["http://h:8/","port","x1",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h:8/","port"," 1",null,["http://h:8/","http://h:8","http:","","","h:8","h","8","/","",""]],
  ["http://h:8/","port","1 ",null,["http://h:1/","http://h:1","http:","","","h:1","h","1","/","",""]],
  ["http://h:8/","port","\t1",null,["http://h:1/","http://h:1","http:","","","h:1","h","1","/","",""]],
  ["http://h:8/","port","99999",null,["http://h:8/","http://h:8","http:","","","h:8","h","8","/","",""]],
  ["http://h:8/","port","080",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h:8/","port","80",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h:8/","port","",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h:8/","host","h:80",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h:8/","host","[::1]:9",null,["http://[::1]:9/","http://[::1]:9","http:","","","[::1]:9","[::1]","9","/","",""]],
  ["http://h:8/","host","[::1",null,["http://h:8/","http://h:8","http:","","","h:8","h","8","/","",""]],
  ["http://h:8/","hostname","[::1]",null,["http://[::1]:8/","http://[::1]:8","http:","","","[::1]:8","[::1]","8","/","",""]],
  ["http://h:8/","host","a#b:9",null,["http://a:8/","http://a:8","http:","","","a:8","a","8","/","",""]],
  ["http://h:8/","host","a\\b:9",null,["http://a:8/","http://a:8","http:","","","a:8","a","8","/","",""]],
  ["sc://h:8/","host","a\\b:9",null,["sc://h:8/","null","sc:","","","h:8","h","8","/","",""]],
  ["http://h:8/","host","a?:9",null,["http://a:8/","http://a:8","http:","","","a:8","a","8","/","",""]],
  ["http://h:8/","host","a:9#x:7",null,["http://a:9/","http://a:9","http:","","","a:9","a","9","/","",""]],
  ["http://h:8/","host","%zz:9",null,["http://h:8/","http://h:8","http:","","","h:8","h","8","/","",""]],
  ["http://h:8/","host","a b:9",null,["http://h:8/","http://h:8","http:","","","h:8","h","8","/","",""]],
  ["sc://h:8/","host","a b:9",null,["sc://h:8/","null","sc:","","","h:8","h","8","/","",""]],
  ["file://h/","host","x:9",null,["file://h/","null","file:","","","h","h","","/","",""]],
  ["file://h/","host","localhost",null,["file:///","null","file:","","","","","","/","",""]],
  ["file://h/","host","",null,["file:///","null","file:","","","","","","/","",""]],
  ["http://h/","host",":9",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["sc://h/","host",":9",null,["sc://:9/","null","sc:","","","","","9","/","",""]],
  ["http://h/","hostname","x:9",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","hostname","x/y",null,["http://x/","http://x","http:","","","x","x","","/","",""]],
  ["sc://h/p","hostname","",null,["sc:///p","null","sc:","","","","","","/p","",""]],
  ["sc://h/","host","x",null,["sc://x/","null","sc:","","","x","x","","/","",""]],
  ["sc:/// ","host","x:9",null,["sc://x/","null","sc:","","","x","x","","/","",""]],
  ["sc:/p","host","x",null,["sc://x/p","null","sc:","","","x","x","","/p","",""]],
  ["sc:p","host","x",null,["sc:p","null","sc:","","","","","","p","",""]],
  ["sc://h:7/p","host",":",null,["sc://:7/p","null","sc:","","","","","7","/p","",""]],
  ["http://h:7/p","host","x:",null,["http://x:7/p","http://x:7","http:","","","x:7","x","7","/p","",""]],
  ["http://h/","host","faß.de",null,["http://xn--fa-hia.de/","http://xn--fa-hia.de","http:","","","xn--fa-hia.de","xn--fa-hia.de","","/","",""]],
  ["sc://h/p","pathname","..",null,["sc://h","null","sc:","","","h","h","","","",""]],
  ["sc://h/p","pathname","/..",null,["sc://h","null","sc:","","","h","h","","","",""]],
  ["sc://h/p","pathname","",null,["sc://h","null","sc:","","","h","h","","","",""]],
  ["sc:/p","pathname","",null,["sc:/","null","sc:","","","","","","/","",""]],
  ["sc://h/p","pathname","a/../..",null,["sc://h","null","sc:","","","h","h","","","",""]],
  ["http://h/p","pathname","..",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["sc:opaque","pathname","x",null,["sc:opaque","null","sc:","","","","","","opaque","",""]],
  ["http://h/p","pathname","a b?#%",null,["http://h/a%20b%3F%23%","http://h","http:","","","h","h","","/a%20b%3F%23%","",""]],
  ["file:///C:/x","pathname","..",null,["file:///","null","file:","","","","","","/","",""]],
  ["sc:/.//p","pathname","//q",null,["sc:/.//q","null","sc:","","","","","","//q","",""]],
  ["sc://h/p","port","8",null,["sc://h:8/p","null","sc:","","","h:8","h","8","/p","",""]],
  ["http://u@h/","username","",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","username","a b@:",null,["http://a%20b%40%3A@h/","http://h","http:","a%20b%40%3A","","h","h","","/","",""]],
  ["file:///x","username","a",null,["file:///x","null","file:","","","","","","/x","",""]],
  ["http://h/","password","p:w@",null,["http://:p%3Aw%40@h/","http://h","http:","","p%3Aw%40","h","h","","/","",""]],
  ["sc:opaque","password","x",null,["sc:opaque","null","sc:","","","","","","opaque","",""]],
  ["http://h/","protocol","sc",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["sc://h/","protocol","http",null,["sc://h/","null","sc:","","","h","h","","/","",""]],
  ["sc://h/","protocol","file",null,["sc://h/","null","sc:","","","h","h","","/","",""]],
  ["http://u@h/","protocol","file",null,["http://u@h/","http://h","http:","u","","h","h","","/","",""]],
  ["file:///x","protocol","http",null,["file:///x","null","file:","","","","","","/x","",""]],
  ["file://h/x","protocol","http",null,["http://h/x","http://h","http:","","","h","h","","/x","",""]],
  ["http://h:21/","protocol","ftp",null,["ftp://h/","ftp://h","ftp:","","","h","h","","/","",""]],
  ["http://h/","protocol","HTTPS:x",null,["https://h/","https://h","https:","","","h","h","","/","",""]],
  ["http://h/","protocol"," https",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","protocol","h\tttps",null,["https://h/","https://h","https:","","","h","h","","/","",""]],
  ["sc://h:0/","protocol","sc2",null,["sc2://h/","null","sc2:","","","h","h","","/","",""]],
  ["sc://h:0/","protocol","sc",null,["sc://h/","null","sc:","","","h","h","","/","",""]],
  ["http://h/","protocol","1x",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","search","a b#c",null,["http://h/?a%20b%23c","http://h","http:","","","h","h","","/","?a%20b%23c",""]],
  ["http://h/?x","search","",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","search","??",null,["http://h/??","http://h","http:","","","h","h","","/","??",""]],
  ["sc:opaque  ?q","search","",null,["sc:opaque","null","sc:","","","","","","opaque","",""]],
  ["sc:opaque  #f","hash","",null,["sc:opaque","null","sc:","","","","","","opaque","",""]],
  ["sc:opaque  ?q#f","search","",null,["sc:opaque  #f","null","sc:","","","","","","opaque  ","","#f"]],
  ["http://h/","hash","#a b`",null,["http://h/#a%20b%60","http://h","http:","","","h","h","","/","","#a%20b%60"]],
  ["http://h/#x","hash","",null,["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","hash","##",null,["http://h/##","http://h","http:","","","h","h","","/","","##"]],
  ["http://h/","href","https://other/",null,["https://other/","https://other","https:","","","other","other","","/","",""]],
  ["http://h/","href","nope","ERR_INVALID_URL",["http://h/","http://h","http:","","","h","h","","/","",""]],
  ["http://h/","href","/relative","ERR_INVALID_URL",["http://h/","http://h","http:","","","h","h","","/","",""]],
];
// END cases

for (const [href, setter, value, threw, expected] of cases) {
  const label = `new URL(${JSON.stringify(href)}).${setter} = ${JSON.stringify(value)}`;
  const u = new URL(href);
  let code = null;
  try {
    u[setter] = value;
  } catch (err) {
    code = err.code;
  }
  assert.strictEqual(code, threw, label);
  assert.deepStrictEqual(fields.map((f) => u[f]), expected, label);
}

const wpt = path.join(os.homedir(), '.cache/ringjs-node-tests/nodejs-18.20.4+dfsg-1~deb12u2',
                      'test/fixtures/wpt/url/resources/setters_tests.json');
let wptCount = 0;
if (fs.existsSync(wpt)) {
  const data = JSON.parse(fs.readFileSync(wpt, 'utf8'));
  for (const setter of Object.keys(data)) {
    if (setter === 'comment') continue;
    for (const c of data[setter]) {
      const u = new URL(c.href);
      u[setter] = c.new_value;
      for (const [f, v] of Object.entries(c.expected)) {
        assert.strictEqual(u[f], v, `WPT ${c.href} .${setter} = ${JSON.stringify(c.new_value)}: ${f}`);
      }
      wptCount++;
    }
  }
}
console.log(`url setters: ${cases.length} recorded cases, ${wptCount} WPT cases`);
