import type { Route } from "./+types/admin.orders[.]csv";
import { orderFilters, readOrderQuery } from "../components/admin/orders/values.ts";
import { orRespond } from "../lib/admin.server.ts";

/** The filtered orders as a CSV download (every page), from the list's "Download CSV" link. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const query = readOrderQuery(new URL(request.url));
  const file = await orRespond(request, context.trpc.ordersAdmin.csv(orderFilters(query)));
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
