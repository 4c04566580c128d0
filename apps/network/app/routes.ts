import { flatRoutes } from "@react-router/fs-routes";
import type { RouteConfig } from "@react-router/dev/routes";

// File-system routes (https://reactrouter.com/how-to/file-route-conventions): `_index.tsx` is the
// home page, `$.tsx` the translated 404 for any other path, `admin.tsx` a layout for `admin.*`
// files, and a trailing underscore (`admin_.sign-in.tsx`) opts a page out of that layout.
export default flatRoutes({ ignoredRouteFiles: ["**/*.test.ts", "**/*.test.tsx", "**/.*"] }) satisfies Promise<RouteConfig>;
