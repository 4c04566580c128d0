import { data, redirect } from "react-router";
import type { Route } from "./+types/seminars.$id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A co-op site's seminar address: registration lives on the network's seminar page (one registration flow). */
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!UUID.test(params.id)) throw data(null, { status: 404 });
  const tenant = await context.trpc.site.current();
  return redirect(`${context.origins.network}/seminars/${tenant.slug}/${params.id}`);
}
