import type { WebLoadContext } from "@coop/trpc";

// The all-in-one server (apps/api) passes this to every loader and action as `context`.
declare module "react-router" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends WebLoadContext {}
}
