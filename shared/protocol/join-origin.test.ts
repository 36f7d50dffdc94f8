import { describe, expect, it } from 'vitest';
import { isLoopbackHost, joinOrigin } from './join-origin.js';

const lan = { publicUrl: null, lan: ['http://192.168.0.12:3000', 'http://10.0.0.5:3000'] };
const page = (origin: string) => ({ origin, hostname: new URL(origin).hostname });

describe('the join link origin', () => {
  it('a host page opened on the server machine (localhost) sends phones to its network address', () => {
    expect(joinOrigin(lan, page('http://localhost:3000'))).toBe('http://192.168.0.12:3000');
    expect(joinOrigin(lan, page('http://127.0.0.1:3000'))).toBe('http://192.168.0.12:3000');
    expect(joinOrigin(lan, page('http://[::1]:3000'))).toBe('http://192.168.0.12:3000');
  });

  it('a host page opened at an address phones can reach keeps it', () => {
    expect(joinOrigin(lan, page('http://192.168.0.99:3000'))).toBe('http://192.168.0.99:3000');
    expect(joinOrigin(lan, page('https://quiz.school.example'))).toBe('https://quiz.school.example');
  });

  it('PUBLIC_URL wins, without a trailing slash; no information or no network address keeps the page origin', () => {
    expect(joinOrigin({ publicUrl: 'https://quiz.school.example/', lan: [] }, page('http://localhost:3000'))).toBe(
      'https://quiz.school.example',
    );
    expect(joinOrigin(null, page('http://localhost:3000'))).toBe('http://localhost:3000');
    expect(joinOrigin({ publicUrl: null, lan: [] }, page('http://localhost:3000'))).toBe('http://localhost:3000');
  });

  it('knows loopback names', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['192.168.0.1', 'localhost.example', 'example.com', '10.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});
