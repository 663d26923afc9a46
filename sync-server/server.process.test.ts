// The server as its own process (sync-server/cli.ts): the stock y-websocket provider, auth before upgrade,
// health and metrics endpoints, graceful SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode } from '../common/closeCodes';
import { makeToken, RawClient, roomUrl, spawnServer, tempDir, tryUpgrade, waitFor, type SpawnedServer } from './testHelpers';

const dir = tempDir();
let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer(['--port', '0', '--data', dir.path, '--web', dir.path + '/no-web']);
});

afterAll(async () => {
  await server.stop('SIGKILL');
  dir.remove();
});

const metric = async (name: string): Promise<number> => {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name + ' '));
  return line ? Number(line.split(' ')[1]) : NaN;
};

function provider(room: string, token: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(server.url, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
}

describe('server process', () => {
  it('refuses bad, expired and wrong-workspace tokens and bad rooms before the upgrade', async () => {
    const accepted = await metric('rapporteur_connections_accepted_total');
    const good = makeToken({ ws: 'ws1', role: 'editor' });
    const cases: Array<[string, number]> = [
      [`${server.url}/ws1/d1`, 401],
      [roomUrl(server.url, 'ws1/d1', 'garbage'), 401],
      [roomUrl(server.url, 'ws1/d1', good.slice(0, -4) + 'AAAA'), 401],
      [roomUrl(server.url, 'ws1/d1', makeToken({ ws: 'ws1', role: 'editor', exp: Math.floor(Date.now() / 1000) - 5 })), 401],
      [roomUrl(server.url, 'ws2/d1', good), 403],
      [roomUrl(server.url, 'ws1/d1/nope', good), 404],
      [roomUrl(server.url, 'ws1', good), 404],
    ];
    for (const [url, status] of cases) {
      const result = await tryUpgrade(url);
      expect(result, url.replace(/token=.*/, 'token=…')).toEqual({ status, opened: false });
    }
    // No websocket was accepted and no document was loaded for any of them.
    expect(await metric('rapporteur_connections_accepted_total')).toBe(accepted);
    expect(await metric('rapporteur_docs_loaded')).toBe(0);
    expect(await metric('rapporteur_upgrades_rejected_total')).toBeNaN(); // labelled by status instead
    const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(text).toContain('rapporteur_upgrades_rejected_total{status="401"} 4');
    expect(text).toContain('rapporteur_upgrades_rejected_total{status="403"} 1');
    expect(text).toContain('rapporteur_upgrades_rejected_total{status="404"} 2');
    // And the token never reaches the logs.
    expect(server.stdout.join('\n')).not.toContain(good);
    expect(server.stdout.join('\n')).not.toContain('garbage');
  });

  it('syncs two Y.Docs through the stock WebsocketProvider, including awareness', async () => {
    const token = makeToken({ ws: 'ws1', role: 'editor', name: 'Ana' }); // presence names must be the token's
    const a = new Y.Doc();
    const b = new Y.Doc();
    const pa = provider('ws1/d1', token, a);
    const pb = provider('ws1/d1', token, b);
    try {
      await waitFor(() => pa.synced && pb.synced, 10_000, 'both providers synced');
      a.getText('body').insert(0, 'Hello from A. ');
      b.getMap('fields').set('date', '2025-03-01');
      await waitFor(() => b.getText('body').toString() === 'Hello from A. ' && a.getMap('fields').get('date') === '2025-03-01');
      pa.awareness.setLocalStateField('user', { name: 'Ana' });
      await waitFor(() => Array.from(pb.awareness.getStates().values()).some((s) => (s.user as { name?: string } | undefined)?.name === 'Ana'));
      expect(await metric('rapporteur_connections')).toBe(2);
      expect(await metric('rapporteur_docs_loaded')).toBe(1);
    } finally {
      pa.destroy();
      pb.destroy();
    }
    // A third doc, fresh, gets everything from the server.
    const c = new Y.Doc();
    const pc = provider('ws1/d1', token, c);
    try {
      await waitFor(() => pc.synced);
      expect(c.getText('body').toString()).toBe('Hello from A. ');
    } finally {
      pc.destroy();
    }
  });

  it('answers /healthz and /metrics, and / without a web build', async () => {
    const health = await fetch(`${server.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const metrics = await fetch(`${server.httpUrl}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    for (const name of [
      'rapporteur_connections',
      'rapporteur_docs_loaded',
      'rapporteur_messages_in_total',
      'rapporteur_messages_out_total',
      'rapporteur_bytes_in_total',
      'rapporteur_bytes_out_total',
      'rapporteur_refused_updates_total',
      'rapporteur_persist_seconds_bucket',
    ]) {
      expect(text).toContain(name);
    }
    expect(await metric('rapporteur_persisted_updates_total')).toBeGreaterThan(0);
    const root = await fetch(`${server.httpUrl}/`);
    expect(root.status).toBe(404);
    expect(await root.text()).toContain('npm run build:web');
  });

  it('writes one JSON object per log line', () => {
    expect(server.stdout.length).toBeGreaterThan(3);
    for (const line of server.stdout) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe('graceful shutdown', () => {
  it('closes clients with ServerShutdown on SIGTERM, persists, and exits 0', async () => {
    const local = tempDir();
    const proc = await spawnServer(['--port', '0', '--data', local.path]);
    try {
      const token = makeToken({ ws: 'ws1', role: 'editor' });
      const client = await RawClient.connect(roomUrl(proc.url, 'ws1/d9', token));
      await client.whenSynced();
      client.doc.getText('body').insert(0, 'kept across restart');
      await waitFor(async () => (await (await fetch(`${proc.httpUrl}/metrics`)).text()).includes('rapporteur_persisted_updates_total 1'));
      const closed = client.whenClosed();
      expect(await proc.stop('SIGTERM')).toBe(0);
      expect(await closed).toBe(CloseCode.ServerShutdown);
      const lines = proc.stdout.map((l) => JSON.parse(l) as { event: string });
      expect(lines.some((l) => l.event === 'stopped')).toBe(true);

      const again = await spawnServer(['--port', '0', '--data', local.path]);
      try {
        const reader = await RawClient.connect(roomUrl(again.url, 'ws1/d9', token));
        await reader.whenSynced();
        expect(reader.doc.getText('body').toString()).toBe('kept across restart');
        reader.close();
      } finally {
        await again.stop('SIGTERM');
      }
    } finally {
      await proc.stop('SIGKILL');
      local.remove();
    }
  });
});
