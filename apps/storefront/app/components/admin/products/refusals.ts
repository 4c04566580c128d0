import { formErrors, type FormErrors, trpcCodeOf } from "@coop/ui";
import { orRespond } from "../../../lib/admin.server.ts";

/**
 * An action's procedure call was refused: a signed-out visitor goes to sign in, no permission
 * is a 403 and a product that is not there a 404 (as in loaders); the rest are the form's
 * errors to show next to its fields. Real failures are rethrown.
 */
export async function formRefusal(request: Request, error: unknown): Promise<FormErrors> {
  const code = trpcCodeOf(error);
  if (code === "UNAUTHORIZED" || code === "FORBIDDEN" || code === "NOT_FOUND") await orRespond(request, Promise.reject(error));
  return formErrors(error);
}
