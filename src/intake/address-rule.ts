/**
 * Which network addresses a fetch may connect to: only public unicast ones. Loopback,
 * private (RFC 1918), link-local, carrier-grade NAT, unique-local, multicast, unspecified,
 * documentation, benchmarking and other reserved ranges are internal. IPv6 forms that embed
 * an IPv4 address (IPv4-mapped, IPv4-translated, IPv4-compatible) are judged by that address;
 * NAT64, 6to4 and Teredo, which tunnel to an IPv4 address we cannot see, are refused. Pure:
 * ranges come from ipaddr.js rather than hand-written masks.
 */
import ipaddr from 'ipaddr.js';

export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

/** All public IPv6 unicast space is allocated from 2000::/3; anything outside it is reserved or special. */
const IPV6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
/** IPv4-compatible IPv6 addresses (`::a.b.c.d`, deprecated by RFC 4291) still carry an IPv4 address. */
const IPV6_IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

/** The IPv4 address in an IPv6 address's last 32 bits. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const high = address.parts[6] ?? 0;
  const low = address.parts[7] ?? 0;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function ipv4Verdict(address: ipaddr.IPv4): AddressVerdict {
  const range = address.range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}

/** The verdict on one address (`127.0.0.1`, `::1`, `::ffff:10.0.0.1`, `fe80::1%eth0`); a string that is not an address is refused. */
export function addressVerdict(text: string): AddressVerdict {
  const bare = text.replace(/^\[(.*)\]$/u, '$1');
  // Only the canonical forms: `1.2.3` or `0x7f.1` are IPv4 to some parsers and not to others.
  if (!ipaddr.IPv4.isValidFourPartDecimal(bare) && !ipaddr.IPv6.isValid(bare)) return { allowed: false, range: 'not an address' };
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return ipv4Verdict(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return ipv4Verdict(embeddedIpv4(v6));
  if (range !== 'unicast') return { allowed: false, range };
  if (v6.match(IPV6_IPV4_COMPATIBLE)) return ipv4Verdict(embeddedIpv4(v6));
  if (!v6.match(IPV6_GLOBAL_UNICAST)) return { allowed: false, range: 'reserved' };
  return { allowed: true };
}

export function isPublicAddress(text: string): boolean {
  return addressVerdict(text).allowed;
}
