import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * The web front end: a single-page app under src/web, built into dist/web, which the Fastify server serves
 * with an SPA fallback for every non-/api path. In development `vite` proxies /api to a running server.
 */
const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

export default defineConfig({
  root: webRoot,
  publicDir: "public",
  build: {
    outDir,
    emptyOutDir: true,
    // The Content-Security-Policy forbids inline scripts and styles: never inline assets into index.html.
    assetsInlineLimit: 0,
    sourcemap: true,
    // One bundle (React, the router and the NL Design System components are most of it, ~200 kB gzipped):
    // route-level splitting would leave pages without their h1 while a chunk loads.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: process.env.KETENZICHT_API ?? "http://127.0.0.1:3000", changeOrigin: false },
    },
  },
});
