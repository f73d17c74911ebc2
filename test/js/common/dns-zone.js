'use strict';
// The records the dns tests serve from test/js/common/dns-responder.js.
module.exports = {
  'example.test': {
    A: [{ address: '192.0.2.1', ttl: 60 }, { address: '192.0.2.2', ttl: 120 }],
    AAAA: [{ address: '2001:db8::1', ttl: 90 }, '2001:db8::2'],
    MX: [
      { exchange: 'mx1.example.test', priority: 10 },
      { exchange: 'mx2.example.test', priority: 20 },
    ],
    TXT: [['v=spf1 -all'], ['chunk one', 'chunk two']],
    NS: ['ns1.example.test', 'ns2.example.test'],
    SOA: {
      nsname: 'ns1.example.test',
      hostmaster: 'admin.example.test',
      serial: 2024010101,
      refresh: 7200,
      retry: 3600,
      expire: 1209600,
      minttl: 300,
    },
    CAA: [
      { flags: 0, tag: 'issue', value: 'ca.example.net' },
      { flags: 128, tag: 'iodef', value: 'mailto:security@example.test' },
    ],
  },
  'small.test': {
    A: ['198.51.100.7'],
    MX: [{ exchange: 'mail.small.test', priority: 5 }],
    TXT: [['hello']],
  },
  '_sip._udp.example.test': {
    SRV: [
      { priority: 10, weight: 5, port: 5060, name: 'sip1.example.test' },
      { priority: 20, weight: 0, port: 5061, name: 'sip2.example.test' },
    ],
  },
  'www.example.test': { CNAME: 'example.test' },
  'naptr.example.test': {
    NAPTR: [{
      order: 100, preference: 10, flags: 'S', service: 'SIP+D2U', regexp: '',
      replacement: '_sip._udp.example.test',
    }, {
      order: 102, preference: 10, flags: 'U', service: 'E2U+sip',
      regexp: '!^.*$!sip:info@example.test!', replacement: '',
    }],
  },
  'xn--bcher-kva.test': { A: ['203.0.113.9'] },
  'mixed.case.test': { A: ['203.0.113.10'] },
  '1.2.0.192.in-addr.arpa': { PTR: ['host.example.test', 'alias.example.test'] },
  '2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa': {
    PTR: ['v6host.example.test'],
  },
  'servfail.test': { rcode: 'SERVFAIL' },
  'refused.test': { rcode: 'REFUSED' },
  'formerr.test': { rcode: 'FORMERR' },
  'notimp.test': { rcode: 'NOTIMP' },
  'silent.test': { silent: true },
  'empty.test': {},
};
