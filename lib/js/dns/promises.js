'use strict';
// node:dns/promises — lookup() and lookupService() as promises over the same system-resolver
// paths as node:dns, and the promise Resolver with the module-level resolve*() bound to the
// default resolver.

const dns = require('dns');
const { Resolver } = require('internal/dns/promises');
const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
const {
  bindDefaultResolver, resolverExportSlots, setDefaultResolver,
} = require('internal/dns/utils');

// Argument errors throw synchronously, as node's; resolver errors reject.
function lookup(hostname, options) {
  const { promise, resolve, reject } = deferred();
  dns.lookup(hostname, options, (err, address, family) => {
    if (err) reject(err);
    else if (Array.isArray(address)) resolve(address);
    else resolve({ address, family });
  });
  return promise;
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  const { promise, resolve, reject } = deferred();
  dns.lookupService(address, port, (err, hostname, service) => {
    if (err) reject(err);
    else resolve({ hostname, service });
  });
  return promise;
}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// Replaces the default resolver for this module's functions (node:dns keeps its own binding).
function defaultResolverSetServers(servers) {
  const resolver = new dns.Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  bindDefaultResolver(module.exports, Resolver.prototype);
}

// Key order as node's module object.
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: dns.getDefaultResultOrder,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ...dns.errorCodes,
  ...resolverExportSlots(),
};
bindDefaultResolver(module.exports, Resolver.prototype);
