// The Socket.IO floor: a bare Socket.IO server with the same options as ours (no perMessageDeflate), that broadcasts
// a payload to a room and acks a small message, doing nothing else. Clients name their room in the handshake.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { announceReady, serveStats } from './child-ipc.js';

const http = createServer();
const io = new Server(http, {
  perMessageDeflate: false,
  httpCompression: false,
  serveClient: false,
  maxHttpBufferSize: 1e6,
});
let payload: unknown = null;
io.on('connection', (socket) => {
  const room = (socket.handshake.auth as { room?: unknown }).room;
  if (typeof room === 'string') void socket.join(room);
  socket.on('set', (p: unknown, ack: () => void) => {
    payload = p;
    ack();
  });
  socket.on('bcast', (room: string) => {
    io.to(room).emit('q', payload);
  });
  socket.on('ans', (_p: unknown, ack: (r: { ok: true }) => void) => {
    ack({ ok: true });
  });
});
serveStats();
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  announceReady(typeof address === 'object' && address ? address.port : 0);
});
