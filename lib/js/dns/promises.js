'use strict';
// node:dns/promises — lookup() and lookupService() as promises over the same system-resolver
// paths as node:dns; the c-ares based parts throw ERR_NOT_IMPLEMENTED for now.

const { stubModule } = require('internal/not_implemented');
const dns = require('dns');

function lookup(hostname, options) {
  return new Promise((resolve, reject) => {
    dns.lookup(hostname, options, (err, address, family) => {
      if (err) reject(err);
      else if (Array.isArray(address)) resolve(address);
      else resolve({ address, family });
    });
  });
}

function lookupService(address, port) {
  return new Promise((resolve, reject) => {
    dns.lookupService(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

const promises = stubModule('dns/promises');
Object.defineProperties(promises, Object.getOwnPropertyDescriptors({
  lookup,
  lookupService,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  getDefaultResultOrder: dns.getDefaultResultOrder,
  ...dns.errorCodes,
}));

module.exports = promises;
