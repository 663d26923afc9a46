// The stock y-websocket server (@y/websocket-server 0.1.1, setupWSConnection), in-memory, no auth, as the
// benchmark's baseline: `node --import tsx tests/bench/serverStock.ts [--port N]` prints {"event":"listening","port":N}.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
const http = createServer((_req, res) => {
  res.writeHead(200);
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
http.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ event: 'listening', port: (http.address() as AddressInfo).port }) + '\n');
});
process.on('SIGTERM', () => process.exit(0));
