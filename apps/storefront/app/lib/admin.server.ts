import { data, redirect } from "react-router";
import { trpcCodeOf } from "@coop/ui";
import { pathOf, signInPath } from "./next-path.ts";

/**
 * Runs a back-office loader's procedure call; refusals become responses (sign in, 403, 404)
 * instead of a 500, so the layout's error boundary can explain them.
 */
export async function orRespond<T>(request: Request, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    switch (trpcCodeOf(error)) {
      case "UNAUTHORIZED":
        throw redirect(signInPath(pathOf(request)));
      case "FORBIDDEN":
        throw data({ reason: "forbidden" }, { status: 403 });
      case "NOT_FOUND":
        throw data({ reason: "not-found" }, { status: 404 });
      default:
        throw error;
    }
  }
}
