import { router } from "../../trpc.ts";
import { listPublicProducts } from "./list-public-products.ts";

export const catalogRouter = router({ listPublicProducts });
