import { addressRouter } from "./routers/address/index.ts";
import { auditRouter } from "./routers/audit/index.ts";
import { authRouter } from "./routers/auth/index.ts";
import { cartRouter } from "./routers/cart/index.ts";
import { catalogRouter } from "./routers/catalog/index.ts";
import { checkoutRouter } from "./routers/checkout/index.ts";
import { ordersRouter } from "./routers/orders/index.ts";
import { ordersAdminRouter } from "./routers/ordersAdmin/index.ts";
import { catalogAdminRouter } from "./routers/catalogAdmin/index.ts";
import { dashboardRouter } from "./routers/dashboard/index.ts";
import { mediaRouter } from "./routers/media/index.ts";
import { networkRouter } from "./routers/network/index.ts";
import { settingsRouter } from "./routers/settings/index.ts";
import { signupRouter } from "./routers/signup/index.ts";
import { siteRouter } from "./routers/site/index.ts";
import { teamRouter } from "./routers/team/index.ts";
import { knowledgeRouter } from "./routers/knowledge/index.ts";
import { knowledgeAdminRouter } from "./routers/knowledgeAdmin/index.ts";
import { directoryRouter } from "./routers/directory/index.ts";
import { directoryAdminRouter } from "./routers/directoryAdmin/index.ts";
import { seminarsRouter } from "./routers/seminars/index.ts";
import { seminarsAdminRouter } from "./routers/seminarsAdmin/index.ts";
import { searchRouter } from "./routers/search/index.ts";
import { staffRouter } from "./routers/staff/index.ts";
import { stripeRouter } from "./routers/stripe/index.ts";
import { marketRouter } from "./routers/market/index.ts";
import { domainsRouter } from "./routers/domains/index.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  site: siteRouter,
  catalog: catalogRouter,
  network: networkRouter,
  auth: authRouter,
  signup: signupRouter,
  team: teamRouter,
  settings: settingsRouter,
  address: addressRouter,
  audit: auditRouter,
  media: mediaRouter,
  catalogAdmin: catalogAdminRouter,
  dashboard: dashboardRouter,
  cart: cartRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  ordersAdmin: ordersAdminRouter,
  knowledge: knowledgeRouter,
  knowledgeAdmin: knowledgeAdminRouter,
  directory: directoryRouter,
  directoryAdmin: directoryAdminRouter,
  seminars: seminarsRouter,
  seminarsAdmin: seminarsAdminRouter,
  search: searchRouter,
  staff: staffRouter,
  stripe: stripeRouter,
  market: marketRouter,
  domains: domainsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
export type AppCaller = ReturnType<typeof createCaller>;
