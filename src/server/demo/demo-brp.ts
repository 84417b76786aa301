import type { Kernel } from "../http/kernel.ts";
import { startBrpDemoServer } from "../modules/enrichment/brp-demo-server.ts";

/**
 * The demo's population register: a local server speaking the Haal Centraal BRP Personen API with
 * fictional residents, connected to every demo municipality. It starts with the app (on a free port,
 * so the address is set again at each start).
 */
export async function connectDemoBrp(kernel: Kernel): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startBrpDemoServer({ port: 0, host: "127.0.0.1" });
  await kernel.db.query(
    `insert into brp_endpoints (municipality_id, base_url, updated_at)
     select id, $1, now() from organisations where type = 'municipality'
     on conflict (municipality_id) do update set base_url = excluded.base_url, updated_at = excluded.updated_at`,
    [server.url],
  );
  return server;
}
