'use strict';
// dns.Resolver's server list and options: setServers() parsing (IPv4/IPv6, ports, brackets,
// zone ids, repeats) and its errors, getServers() formatting, setServers() with queries in
// flight, setLocalAddress() checks, constructor options, cancel() delivering ECANCELLED after
// the call returns, the module-level setServers() rebinding dns.* and dns.promises.*, and the
// shape of the modules (keys, function names and lengths). Output compared with node's.
const util = require('util');
const dns = require('dns');
const { startResponder } = require('./common/dns-responder');
const zone = require('./common/dns-zone');

function describeError(err) {
  const own = Object.keys(err).map((key) => `${key}=${util.inspect(err[key])}`).join(' ');
  return `${err.name}: ${err.message} [${own}]`;
}

function attempt(label, fn) {
  try {
    const result = fn();
    console.log(`${label} -> ${util.inspect(result)}`);
  } catch (err) {
    console.log(`${label} throws ${describeError(err)}`);
  }
}

console.log('-- module shape');
console.log(Object.keys(dns).join());
console.log(Object.keys(dns.promises).join());
console.log(Object.keys(dns.Resolver.prototype).join());
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(dns.Resolver.prototype)).join());
console.log(Object.keys(dns.promises.Resolver.prototype).join());
console.log(Object.getPrototypeOf(dns.Resolver) === Object.getPrototypeOf(dns.promises.Resolver));
for (const [label, fn] of [
  ['dns.resolve4', dns.resolve4], ['dns.resolve', dns.resolve], ['dns.reverse', dns.reverse],
  ['dns.getServers', dns.getServers], ['dns.setServers', dns.setServers],
  ['Resolver#resolveTxt', dns.Resolver.prototype.resolveTxt],
  ['Resolver#resolve', dns.Resolver.prototype.resolve],
  ['Resolver#setLocalAddress', dns.Resolver.prototype.setLocalAddress],
  ['promises.Resolver#resolveMx', dns.promises.Resolver.prototype.resolveMx],
  ['promises.Resolver#resolve', dns.promises.Resolver.prototype.resolve],
  ['dns.promises.resolveSoa', dns.promises.resolveSoa],
  ['dns.promises.setServers', dns.promises.setServers],
]) {
  console.log(`${label}: name=${JSON.stringify(fn.name)} length=${fn.length}`);
}
console.log(util.inspect(new dns.Resolver()));

console.log('-- options');
for (const options of [undefined, null, 5, {}, { timeout: -1, tries: 1 }, { timeout: 'x' },
  { timeout: -2 }, { timeout: 1.5 }, { tries: 0 }, { tries: 2 ** 31 }, { tries: '3' }]) {
  attempt(`new Resolver(${util.inspect(options)})`, () => {
    new dns.Resolver(options);
    return 'ok';
  });
}

console.log('-- setServers / getServers');
const resolver = new dns.Resolver();
for (const servers of [
  ['192.0.2.1'],
  ['192.0.2.1:53', '[192.0.2.2]:53', '192.0.2.3:5353'],
  ['2001:db8::1', '[2001:db8::2]', '[2001:db8::3]:53', '[2001:db8::4]:5353'],
  ['[::1]:0', '[::1]abc', '::1:53', 'fe80::1%lo'],
  ['192.0.2.1', '192.0.2.1:53', '[192.0.2.1]', '192.0.2.1:54'],
  ['2001:db8::1', '[2001:db8::1]:53', '2001:DB8::1'],
  [],
]) {
  attempt(`setServers(${util.inspect(servers)})`, () => {
    resolver.setServers(servers);
    return resolver.getServers();
  });
}
for (const bad of ['192.0.2.1', [1], ['192.0.2.1', null], ['foo'], ['192.0.2.1:abc'],
  ['example.test:53'], ['[foo]:53'], ['192.0.2.1:'], [':53'], ['[]']]) {
  attempt(`setServers(${util.inspect(bad)})`, () => resolver.setServers(bad));
}
attempt('servers kept after a failed setServers', () => resolver.getServers());

console.log('-- setLocalAddress');
for (const args of [['192.0.2.1'], ['::1'], ['192.0.2.1', '::1'], ['::1', '192.0.2.1'],
  ['192.0.2.1', '192.0.2.2'], ['::1', '::2'], ['foo'], ['192.0.2.1', 'foo'], [1], [],
  ['192.0.2.1', 1], ['192.0.2.1', null]]) {
  attempt(`setLocalAddress(${args.map((a) => util.inspect(a)).join(', ')})`,
          () => resolver.setLocalAddress(...args));
}

async function withResponder() {
  const responder = await startResponder(zone);
  const server = `127.0.0.1:${responder.port}`;
  const mask = (list) => list.map((s) => s.replace(String(responder.port), '<port>'));

  console.log('-- queries through a local address');
  const local = new dns.Resolver();
  local.setServers([server]);
  local.setLocalAddress('127.0.0.1');
  await new Promise((resolve) => local.resolve4('small.test', (err, addresses) => {
    console.log('resolve4 from 127.0.0.1:', err, addresses);
    resolve();
  }));

  console.log('-- setServers and cancel with queries in flight');
  const busy = new dns.Resolver({ timeout: 5000, tries: 1 });
  busy.setServers([server]);
  const order = [];
  const done = new Promise((resolve) => {
    busy.resolve4('silent.test', (err) => {
      order.push(`resolve4: ${err.code} ${err.message}`);
    });
    busy.resolveTxt('silent.test', (err) => {
      order.push(`resolveTxt: ${err.code} ${err.message}`);
      resolve();
    });
  });
  attempt('setServers while busy', () => busy.setServers(['192.0.2.1']));
  console.log('servers still:', mask(busy.getServers()));
  busy.cancel();
  order.push('cancel() returned');
  await done;
  console.log(order);
  attempt('setServers once idle', () => {
    busy.setServers(['192.0.2.1']);
    return busy.getServers();
  });
  attempt('cancel with nothing pending', () => busy.cancel());

  console.log('-- module-level setServers rebinds dns and dns.promises');
  const { resolve4, getServers } = dns;
  const promisesResolve4 = dns.promises.resolve4;
  dns.setServers([server]);
  console.log('dns.resolve4 replaced:', resolve4 !== dns.resolve4, getServers !== dns.getServers);
  console.log('dns.promises.resolve4 replaced:', promisesResolve4 !== dns.promises.resolve4);
  console.log('servers:', mask(dns.getServers()), mask(dns.promises.getServers()));
  await new Promise((resolve) => dns.resolveMx('small.test', (err, records) => {
    console.log('dns.resolveMx:', err, records);
    resolve();
  }));
  console.log('dns.promises.resolveTxt:', await dns.promises.resolveTxt('small.test'));
  dns.promises.setServers(['192.0.2.1', '[2001:db8::1]:5353']);
  console.log('after dns.promises.setServers:', mask(dns.getServers()), dns.promises.getServers());
  attempt('dns.setServers bad', () => dns.setServers(['nope']));
  console.log('unchanged:', mask(dns.getServers()));

  responder.close();
}

withResponder();
