// The raw WebSocket floor: a `ws` server (no permessage-deflate) that broadcasts a payload to a room, serialised
// once, and acks a small message. Clients name their room in the URL (?room=...). Messages are JSON:
// {t:'set', p} stores the payload, {t:'b', room} broadcasts it as {t:'q', p}, {t:'a', id} is answered {t:'k', id}.
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceReady, serveStats } from './child-ipc.js';

const http = createServer();
const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
const rooms = new Map<string, Set<WebSocket>>();
let frame: Buffer = Buffer.alloc(0);
wss.on('connection', (ws, req) => {
  const room = new URL(req.url ?? '/', 'http://x').searchParams.get('room') ?? '';
  let members = rooms.get(room);
  if (!members) rooms.set(room, (members = new Set()));
  members.add(ws);
  ws.on('close', () => members.delete(ws));
  ws.on('message', (data) => {
    let m: { t?: string; p?: unknown; room?: string; id?: number };
    try {
      m = JSON.parse((data as Buffer).toString()) as typeof m;
    } catch {
      return;
    }
    if (m.t === 'set') {
      frame = Buffer.from(JSON.stringify({ t: 'q', p: m.p })); // serialised once, like a Socket.IO broadcast
      ws.send('{"t":"set-ok"}');
    } else if (m.t === 'b') {
      for (const peer of rooms.get(m.room ?? '') ?? []) peer.send(frame, { binary: false });
    } else if (m.t === 'a') {
      ws.send(`{"t":"k","id":${Number(m.id)}}`);
    }
  });
});
serveStats();
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  announceReady(typeof address === 'object' && address ? address.port : 0);
});
