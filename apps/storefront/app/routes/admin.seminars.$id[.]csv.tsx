import { data } from "react-router";
import type { Route } from "./+types/admin.seminars.$id[.]csv";
import { isSeminarId } from "../components/admin/seminars/values.ts";
import { orRespond } from "../lib/admin.server.ts";

/** Every registration of the seminar as a CSV download (UTF-8 with BOM, so Excel shows Thai). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  if (!isSeminarId(params.id)) throw data({ reason: "not-found" }, { status: 404 });
  const file = await orRespond(request, context.trpc.seminarsAdmin.csv({ seminarId: params.id }));
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
