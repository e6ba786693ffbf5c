// Stops the throwaway PostgreSQL started by jest-global-setup.mjs (which also deletes its data).
export default async function globalTeardown() {
  const server = globalThis.__SG_THROWAWAY_POSTGRES__;
  if (!server) return;
  globalThis.__SG_THROWAWAY_POSTGRES__ = undefined;
  delete process.env.DATABASE_URL;
  await server.stop();
}
