import { describe, expect, it } from 'vitest';
import { addressVerdict, isPublicAddress } from '../../src/intake/address-rule.js';

describe('the address rule', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.10.3', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.254', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.1', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.99', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('GIVEN the internal address %s THEN it is refused as %s', (address, range) => {
    expect(addressVerdict(address)).toEqual({ allowed: false, range });
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:192.168.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:0:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['::10.0.0.1', 'private'],
  ])('GIVEN the IPv6 address %s that carries an IPv4 address THEN it is judged by that address (%s)', (address, range) => {
    expect(addressVerdict(address)).toEqual({ allowed: false, range });
  });

  it.each(['64:ff9b::a00:1', '2002:a00:1::1', '2001:0:4136:e378::1', '3fff::1', '100::1', '5f00::1'])(
    'GIVEN the tunnelled or special IPv6 address %s THEN it is refused',
    (address) => {
      expect(isPublicAddress(address)).toBe(false);
    },
  );

  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '100.63.255.255', '192.169.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    'GIVEN the public address %s THEN it is allowed',
    (address) => {
      expect(addressVerdict(address)).toEqual({ allowed: true });
    },
  );

  it('GIVEN a bracketed IPv6 host THEN it is read as the address inside', () => {
    expect(addressVerdict('[::1]')).toEqual({ allowed: false, range: 'loopback' });
  });

  it.each(['localhost', 'example.com', '', '1.2.3', '999.1.1.1'])('GIVEN %j, which is not an address THEN it is refused', (text) => {
    expect(isPublicAddress(text)).toBe(false);
  });
});
