'use strict';
// dns.promises.Resolver: the resolve methods as promises over the same c-ares channel handle.

const { QueryReqWrap, ResolverBase, toASCII } = require('internal/dns/utils');
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

const resolveMap = { __proto__: null };
Resolver.prototype.resolveAny = resolveMap.ANY = makeQuery('queryAny');
Resolver.prototype.resolve4 = resolveMap.A = makeQuery('queryA');
Resolver.prototype.resolve6 = resolveMap.AAAA = makeQuery('queryAaaa');
Resolver.prototype.resolveCaa = resolveMap.CAA = makeQuery('queryCaa');
Resolver.prototype.resolveCname = resolveMap.CNAME = makeQuery('queryCname');
Resolver.prototype.resolveMx = resolveMap.MX = makeQuery('queryMx');
Resolver.prototype.resolveNs = resolveMap.NS = makeQuery('queryNs');
Resolver.prototype.resolveTxt = resolveMap.TXT = makeQuery('queryTxt');
Resolver.prototype.resolveSrv = resolveMap.SRV = makeQuery('querySrv');
Resolver.prototype.resolvePtr = resolveMap.PTR = makeQuery('queryPtr');
Resolver.prototype.resolveNaptr = resolveMap.NAPTR = makeQuery('queryNaptr');
Resolver.prototype.resolveSoa = resolveMap.SOA = makeQuery('querySoa');
Resolver.prototype.reverse = makeQuery('getHostByAddr');

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
