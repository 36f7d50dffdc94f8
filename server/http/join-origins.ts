// What the server tells a host page about where phones can reach it (see shared/protocol/join-origin.ts).
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { JoinOrigins } from '../../shared/protocol/index.js';

/**
 * The server's network addresses, only when it listens on every interface (a server bound to 127.0.0.1 is not
 * reachable from a phone whatever its addresses are). IPv4 only: phones type and scan these.
 */
export function joinOrigins(
  publicUrl: string | null,
  address: AddressInfo | string | null,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): JoinOrigins {
  const lan: string[] = [];
  if (address && typeof address === 'object' && (address.address === '::' || address.address === '0.0.0.0')) {
    for (const list of Object.values(interfaces)) {
      for (const info of list ?? [])
        if (info.family === 'IPv4' && !info.internal) lan.push(`http://${info.address}:${address.port}`);
    }
  }
  return { publicUrl, lan };
}
