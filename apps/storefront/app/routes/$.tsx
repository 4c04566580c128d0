import { data } from "react-router";

/** Any path no other route claims: the root ErrorBoundary renders the translated 404 page. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFoundRoute() {
  return null;
}
