// The built client (dist/client): its files, and index.html for every client-side route.
import express, { type Express } from 'express';
import compression from 'compression';
import { join, sep } from 'node:path';

export function serveClient(app: Express, clientDir: string): void {
  // The client's files, compressed (a phone on classroom Wi-Fi downloads ~50 KB of script, not ~150 KB) and,
  // where Vite put a content hash in the name (assets/), cached for good: a new build makes new names.
  app.use(compression());
  app.use(
    express.static(clientDir, {
      index: 'index.html',
      setHeaders: (res, path) => {
        if (path.includes(`${sep}assets${sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // Client-side routes (/join/123456, /host/...) all load the single page.
  app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
    res.sendFile(join(clientDir, 'index.html'));
  });
}
