// A TCP proxy that delays every chunk by a fixed one-way latency in each direction, for the fair-timing test.
// Chromium's DevTools network emulation delays HTTP requests but not WebSocket frames (measured: a socket round
// trip stayed at ~1 ms with 600 ms emulated), so the game's socket traffic is delayed here, in order, both ways.
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

export async function latencyProxy(target: string, oneWayMs: number): Promise<LatencyProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const pipe = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      setTimeout(() => {
        if (!to.destroyed) to.write(chunk);
      }, oneWayMs);
    });
    from.on('end', () => setTimeout(() => to.end(), oneWayMs));
    from.on('error', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
