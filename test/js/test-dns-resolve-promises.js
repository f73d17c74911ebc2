'use strict';
// dns.promises.Resolver and the module-level dns.promises.resolve*() against a local
// responder: result shapes, { ttl: true }, resolve() with an rrtype, reverse(), rejections with
// node's error shape, cancel(), and synchronous argument errors. Output compared with node's.
const util = require('util');
const dns = require('dns');
const dnsPromises = require('dns/promises');
const { startResponder } = require('./common/dns-responder');
const zone = require('./common/dns-zone');

function show(value) {
  return util.inspect(value, { depth: 4, breakLength: 100 });
}

function describeError(err) {
  const own = Object.keys(err).map((key) => `${key}=${show(err[key])}`).join(' ');
  return `${err.name}: ${err.message} [${own}]`;
}

async function settle(label, promise) {
  if (!(promise instanceof Promise)) console.log(`${label}: not a promise`);
  try {
    console.log(`${label} -> ${show(await promise)}`);
  } catch (err) {
    console.log(`${label} rejects ${describeError(err)}`);
  }
}

async function main() {
  const responder = await startResponder(zone);
  const server = `127.0.0.1:${responder.port}`;
  console.log('same module:', dns.promises === dnsPromises);

  const resolver = new dnsPromises.Resolver({ timeout: 200, tries: 1 });
  resolver.setServers([server]);
  console.log('-- Resolver');
  await settle('resolve4', resolver.resolve4('example.test'));
  await settle('resolve4 ttl', resolver.resolve4('example.test', { ttl: true }));
  await settle('resolve6 ttl', resolver.resolve6('example.test', { ttl: true }));
  await settle('resolveMx', resolver.resolveMx('example.test'));
  await settle('resolveTxt', resolver.resolveTxt('example.test'));
  await settle('resolveNs', resolver.resolveNs('example.test'));
  await settle('resolveSoa', resolver.resolveSoa('example.test'));
  await settle('resolveCaa', resolver.resolveCaa('example.test'));
  await settle('resolveSrv', resolver.resolveSrv('_sip._udp.example.test'));
  await settle('resolveCname', resolver.resolveCname('www.example.test'));
  await settle('resolveNaptr', resolver.resolveNaptr('naptr.example.test'));
  await settle('resolvePtr', resolver.resolvePtr('1.2.0.192.in-addr.arpa'));
  await settle('resolveAny', resolver.resolveAny('small.test'));
  await settle('reverse v4', resolver.reverse('192.0.2.1'));
  await settle('reverse v6', resolver.reverse('2001:db8::2'));
  await settle('resolve', resolver.resolve('example.test'));
  await settle('resolve MX', resolver.resolve('example.test', 'MX'));
  await settle('resolve SOA', resolver.resolve('example.test', 'SOA'));
  await settle('resolve ANY', resolver.resolve('small.test', 'ANY'));

  console.log('-- rejections');
  await settle('NXDOMAIN', resolver.resolveTxt('nothere.test'));
  await settle('no data', resolver.resolve6('empty.test'));
  await settle('SERVFAIL', resolver.resolveNs('servfail.test'));
  await settle('no answer', resolver.resolve4('silent.test'));
  await settle('bad name', resolver.resolve4('a..b.test'));
  await settle('bad address', resolver.reverse('1.2.3'));

  console.log('-- cancel');
  const pending = [resolver.resolve4('silent.test'), resolver.resolveMx('silent.test')];
  resolver.cancel();
  for (const promise of pending) await settle('cancelled', promise);
  await settle('after cancel', resolver.resolve4('small.test'));

  console.log('-- synchronous argument errors');
  for (const [label, fn] of [
    ['resolve4(1)', () => resolver.resolve4(1)],
    ['resolve(x, "FOO")', () => resolver.resolve('example.test', 'FOO')],
    ['resolve(x, 1)', () => resolver.resolve('example.test', 1)],
    ['reverse(1)', () => resolver.reverse(1)],
    ['Resolver({ tries: 0 })', () => new dnsPromises.Resolver({ tries: 0 })],
  ]) {
    try {
      fn();
      console.log(`${label} did not throw`);
    } catch (err) {
      console.log(`${label} throws ${describeError(err)}`);
    }
  }

  console.log('-- module-level functions use the default resolver');
  dnsPromises.setServers([server]);
  await settle('dns.promises.resolve4', dnsPromises.resolve4('small.test'));
  await settle('dns.promises.resolve', dnsPromises.resolve('small.test', 'TXT'));
  await settle('dns.promises.reverse', dnsPromises.reverse('192.0.2.1'));
  console.log('servers:', dnsPromises.getServers().map((s) => s.replace(responder.port, '<port>')));

  responder.close();
}

main();
