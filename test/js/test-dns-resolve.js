'use strict';
// dns.Resolver (callback API) against a local responder: every record type's result shape,
// { ttl: true }, resolve() with an rrtype, reverse() for IPv4 and IPv6, IDNA and case folding
// of query names, the error of each failure (NXDOMAIN, no data, SERVFAIL, REFUSED, FORMERR,
// NOTIMP, no answer, nobody listening, bad names, bad addresses) with node's error shape, and
// answers too long for UDP (asked again over TCP). Output compared with node's.
const util = require('util');
const dns = require('dns');
const { startResponder, unusedPort } = require('./common/dns-responder');
const zone = require('./common/dns-zone');

function show(value) {
  return util.inspect(value, { depth: 4, breakLength: 100 });
}

function describeError(err) {
  const own = Object.keys(err).map((key) => `${key}=${show(err[key])}`).join(' ');
  return `${err.name}: ${err.message} [${own}]`;
}

function call(resolver, method, ...args) {
  return new Promise((resolve) => {
    const req = resolver[method](...args, function(err, result) {
      const label = `${method}(${args.map((a) => show(a)).join(', ')})`;
      if (err) console.log(`${label} -> ${describeError(err)}`);
      else console.log(`${label} -> ${show(result)}`);
      console.log(`  callback this: ${this === undefined ? 'undefined' : typeof this}, args: ${
        arguments.length}`);
      resolve();
    });
    if (req === undefined || typeof req !== 'object') console.log('no request object returned');
  });
}

async function main() {
  const responder = await startResponder(zone);
  const resolver = new dns.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([`127.0.0.1:${responder.port}`]);

  console.log('-- record types');
  await call(resolver, 'resolve4', 'example.test');
  await call(resolver, 'resolve4', 'example.test', { ttl: true });
  await call(resolver, 'resolve4', 'example.test', { ttl: false });
  await call(resolver, 'resolve6', 'example.test');
  await call(resolver, 'resolve6', 'example.test', { ttl: true });
  await call(resolver, 'resolveMx', 'example.test');
  await call(resolver, 'resolveTxt', 'example.test');
  await call(resolver, 'resolveNs', 'example.test');
  await call(resolver, 'resolveSoa', 'example.test');
  await call(resolver, 'resolveCaa', 'example.test');
  await call(resolver, 'resolveSrv', '_sip._udp.example.test');
  await call(resolver, 'resolveCname', 'www.example.test');
  await call(resolver, 'resolveNaptr', 'naptr.example.test');
  await call(resolver, 'resolvePtr', '1.2.0.192.in-addr.arpa');
  await call(resolver, 'resolveAny', 'small.test');
  await call(resolver, 'resolveAny', 'www.example.test');

  console.log('-- a CNAME answering other types');
  await call(resolver, 'resolve4', 'www.example.test');
  await call(resolver, 'resolveMx', 'www.example.test');
  await call(resolver, 'resolveNs', 'www.example.test');

  console.log('-- resolve(hostname[, rrtype])');
  await call(resolver, 'resolve', 'example.test');
  for (const rrtype of ['A', 'AAAA', 'MX', 'TXT', 'NS', 'SOA', 'CAA', 'CNAME', 'PTR']) {
    await call(resolver, 'resolve', rrtype === 'CNAME' ? 'www.example.test' : 'example.test',
               rrtype);
  }
  await call(resolver, 'resolve', '_sip._udp.example.test', 'SRV');
  await call(resolver, 'resolve', 'naptr.example.test', 'NAPTR');

  console.log('-- reverse');
  await call(resolver, 'reverse', '192.0.2.1');
  await call(resolver, 'reverse', '2001:db8::2');
  await call(resolver, 'reverse', '192.0.2.99');

  console.log('-- names as sent');
  await call(resolver, 'resolve4', 'bücher.test');
  await call(resolver, 'resolve4', 'Mixed.CASE.test');
  await call(resolver, 'resolve4', 'small.test.');
  console.log(responder.queries.filter((q) => /bcher|mixed|small\.test A/.test(q)));

  console.log('-- answers too long for UDP');
  const before = responder.queries.length;
  await call(resolver, 'resolveAny', 'example.test');
  console.log(responder.queries.slice(before));

  console.log('-- failures');
  await call(resolver, 'resolve4', 'nothere.test');
  await call(resolver, 'resolveSoa', 'nothere.test');
  await call(resolver, 'resolve4', 'empty.test');
  await call(resolver, 'resolveAny', 'empty.test');
  await call(resolver, 'resolveCname', 'example.test');
  await call(resolver, 'resolvePtr', 'example.test');
  await call(resolver, 'resolve4', 'servfail.test');
  await call(resolver, 'resolveMx', 'refused.test');
  await call(resolver, 'resolveTxt', 'formerr.test');
  await call(resolver, 'resolveSrv', 'notimp.test');
  await call(resolver, 'resolve4', 'silent.test');
  await call(resolver, 'reverse', '192.0.2.250');
  await call(resolver, 'resolve4', '');
  await call(resolver, 'resolve4', '.');
  await call(resolver, 'resolve4', 'a..b.test');
  await call(resolver, 'resolve4', 'a b.test');
  await call(resolver, 'resolve4', `${'x'.repeat(64)}.test`);
  await call(resolver, 'resolve4', 'xn--zz.test');

  console.log('-- nobody listening');
  const refusing = new dns.Resolver({ timeout: 5000, tries: 1 });
  refusing.setServers([`127.0.0.1:${await unusedPort()}`]);
  await call(refusing, 'resolve4', 'example.test');

  console.log('-- no servers');
  const none = new dns.Resolver();
  none.setServers([]);
  await call(none, 'resolve4', 'example.test');

  console.log('-- synchronous errors');
  for (const [method, args] of [
    ['reverse', ['1.2.3']],
    ['reverse', ['example.test']],
    ['resolve4', [1]],
    ['resolve4', ['example.test']],
    ['resolve4', ['example.test', {}]],
    ['resolve', ['example.test', 'FOO', () => {}]],
    ['resolve', ['example.test', 'toString', () => {}]],
    ['resolve', ['example.test', 1, () => {}]],
    ['resolve', ['example.test', 'MX']],
  ]) {
    try {
      resolver[method](...args, ...(args.length === 1 && method === 'reverse' ? [() => {}] : []));
      console.log(`${method} did not throw`);
    } catch (err) {
      console.log(`${method}(${args.map((a) => show(a)).join(', ')}) throws ${describeError(err)}`);
    }
  }

  responder.close();
}

main();
