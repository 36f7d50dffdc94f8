import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { joinOrigins } from './join-origins.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal }) as NetworkInterfaceInfo;
const interfaces = {
  lo: [nic('127.0.0.1', 'IPv4', true), nic('::1', 'IPv6', true)],
  eth0: [nic('192.168.0.12', 'IPv4'), nic('fe80::1', 'IPv6')],
  wlan0: [nic('10.0.0.5', 'IPv4')],
};

describe('joinOrigins', () => {
  it('lists the IPv4 network addresses with the port when the server listens on every interface', () => {
    for (const address of ['::', '0.0.0.0']) {
      expect(joinOrigins(null, { address, family: 'IPv6', port: 3000 }, interfaces)).toEqual({
        publicUrl: null,
        lan: ['http://192.168.0.12:3000', 'http://10.0.0.5:3000'],
      });
    }
  });

  it('lists none when the server listens on loopback only, and passes PUBLIC_URL on', () => {
    expect(
      joinOrigins('https://quiz.example', { address: '127.0.0.1', family: 'IPv4', port: 3000 }, interfaces),
    ).toEqual({
      publicUrl: 'https://quiz.example',
      lan: [],
    });
    expect(joinOrigins(null, null, interfaces).lan).toEqual([]);
  });
});
