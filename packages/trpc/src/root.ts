import { catalogRouter } from "./routers/catalog/index.ts";
import { networkRouter } from "./routers/network/index.ts";
import { siteRouter } from "./routers/site/index.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  site: siteRouter,
  catalog: catalogRouter,
  network: networkRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof createCaller>;
