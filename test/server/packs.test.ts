import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, startServer, type TestServer } from './harness.js';

describe('packs over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('lists built-in packs, exports one, imports it back under a new id, and hosts a room from it', async () => {
    const list = await (await fetch(`${server.url}/api/packs`)).json();
    const warmup = list.find((p: { id: string }) => p.id === 'warmup-en');
    expect(warmup).toMatchObject({ builtin: true, language: 'en' });
    expect(warmup.counts.questions).toBeGreaterThan(0);
    const exported = await fetch(`${server.url}/api/packs/warmup-en/export`);
    const text = await exported.text();
    const imported = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    expect(imported.status).toBe(201);
    const { pack } = await imported.json();
    expect(pack.id).not.toBe('warmup-en');
    expect((await fetch(`${server.url}/api/packs/${pack.id}`)).status).toBe(200);
    const host = await server.client();
    expectOk(await host.call('room:create', { packId: pack.id }));
    const csv = await fetch(`${server.url}/api/packs/import?title=Quiz&lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'question,answer 1,answer 2,answer 3,answer 4,time limit,correct answer\nWhat shares the host kernel?,VM,Container,,,20,2\n',
    });
    expect(csv.status).toBe(201);
    const broken = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'question,answer 1,answer 2,answer 3,answer 4,time limit,correct answer\nQ?,A,B,,,20,7\n',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).issues[0].path).toBeTruthy();
  });
});
