import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { WebLoadContext } from "@coop/trpc";
import { createRequestHandler, type ServerBuild } from "react-router";

export type WebAppName = "storefront" | "network";

export interface WebApp {
  name: WebAppName;
  /** Renders a page (or runs a loader/action) with the request's load context. */
  handle(request: Request, context: WebLoadContext): Promise<Response>;
  /** Directory of the app's built browser assets. */
  clientDir: string;
}

const require = createRequire(import.meta.url);

/** Loads a React Router app's production build (run `npm run build` first; `npm start` does). */
export async function loadWebApp(name: WebAppName, mode: string): Promise<WebApp> {
  const root = path.dirname(require.resolve(`@coop/${name}/package.json`));
  const serverEntry = path.join(root, "build/server/index.js");
  if (!existsSync(serverEntry)) {
    throw new Error(`The ${name} app is not built (${serverEntry} is missing). Run \`npm run build\` or use \`npm start\`.`);
  }
  const build = (await import(serverEntry)) as ServerBuild;
  const handler = createRequestHandler(build, mode);
  return {
    name,
    clientDir: path.join(root, "build/client"),
    // The load context type is augmented by each app to WebLoadContext.
    handle: (request, context) => handler(request, context as never),
  };
}
