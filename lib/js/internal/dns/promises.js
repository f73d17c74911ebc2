'use strict';
// dns.promises.Resolver: the resolve methods as promises over the same c-ares channel handle.

const {
  QueryReqWrap, ResolverBase, installQueryMethods, toASCII,
} = require('internal/dns/utils');
const {
  DNSException,
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateString } = require('internal/validators');

function onresolve(err, result, ttls) {
  if (err) {
    this.reject(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls !== undefined && this.ttl) {
    result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  }
  this.resolve(result);
}

function createResolverPromise(resolver, bindingName, hostname, ttl) {
  return new Promise((resolve, reject) => {
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.hostname = hostname;
    req.oncomplete = onresolve;
    req.resolve = resolve;
    req.reject = reject;
    req.ttl = ttl;
    const target = bindingName === 'getHostByAddr' ? hostname : toASCII(hostname);
    const err = resolver._handle[bindingName](req, target);
    if (err) reject(new DNSException(err, bindingName, hostname));
  });
}

function makeQuery(bindingName) {
  const query = function(name, options) {
    validateString(name, 'name');
    return createResolverPromise(this, bindingName, name, !!(options && options.ttl));
  };
  Object.defineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {}

const resolveMap = installQueryMethods(Resolver.prototype, makeQuery);

// resolve(hostname[, rrtype]); rrtype defaults to 'A'.
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let query;
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    query = resolveMap[rrtype];
    if (typeof query !== 'function') throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else {
    query = resolveMap.A;
  }
  return query.call(this, hostname);
};

module.exports = { Resolver };
