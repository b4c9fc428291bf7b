/**
 * The Kasten metrics simulator: an HTTP exporter on loopback. `/metrics` is
 * what Kasten's catalog service exposes; `/metrics/cadvisor` is what the
 * kubelet exposes for the Kasten namespace's containers. `/story` tells where
 * the story is, for people and tests.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { kastenFamilies, platformFamilies, renderText, type FamilyDef } from './exposition';
import { catalogUsedPercent, failedCounts, memoryTotalBytes, storySecondsAt, type Scenario } from './scenario';

export interface Simulator {
  url: string;
  port: number;
  storyStartMs: number;
  /** Story seconds now (never past `freezeAtSeconds`). */
  storyTime(): number;
  stop(): Promise<void>;
}

const TEXT_FORMAT = 'text/plain; version=0.0.4; charset=utf-8';

export const startSimulator = async (opts: {
  scenario: Scenario;
  storyStartMs?: number;
  /** The story stops at this story second (see storySecondsAt); it runs on by default. */
  freezeAtSeconds?: number;
  port?: number;
}): Promise<Simulator> => {
  const storyStartMs = opts.storyStartMs ?? Date.now();
  const storyTime = () => storySecondsAt(storyStartMs, Date.now(), opts.freezeAtSeconds);
  const kasten: FamilyDef[] = kastenFamilies(opts.scenario);
  const platform: FamilyDef[] = platformFamilies(opts.scenario);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const s = storyTime();
    if (req.method !== 'GET') {
      res.writeHead(405).end();
    } else if (url.pathname === '/metrics') {
      res.writeHead(200, { 'Content-Type': TEXT_FORMAT }).end(renderText(kasten, s));
    } else if (url.pathname === '/metrics/cadvisor') {
      res.writeHead(200, { 'Content-Type': TEXT_FORMAT }).end(renderText(platform, s));
    } else if (url.pathname === '/metrics/user-workload-prometheus') {
      // Stands for the user-workload Prometheus's own metrics endpoint: only its scrape's `up` matters.
      res
        .writeHead(200, { 'Content-Type': TEXT_FORMAT })
        .end('# TYPE prometheus_build_info gauge\nprometheus_build_info{version="preview"} 1\n');
    } else if (url.pathname === '/story') {
      const failed = failedCounts(s);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          storySeconds: Math.round(s),
          frozen: opts.freezeAtSeconds !== undefined && s >= opts.freezeAtSeconds,
          scenario: opts.scenario.scenario,
          policies: opts.scenario.policies_.length,
          namespaces: opts.scenario.appNamespaces.length,
          failedLive: failed.live,
          failedRetired: failed.retired,
          memoryBytes: memoryTotalBytes(s),
          catalogUsedPercent: catalogUsedPercent(s),
        }),
      );
    } else {
      res.writeHead(404).end('not found\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    storyStartMs,
    storyTime,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
