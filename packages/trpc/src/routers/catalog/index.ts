import { router } from "../../trpc.ts";
import { categories } from "./categories.ts";
import { contact } from "./contact.ts";
import { getPublicProduct } from "./get-public-product.ts";
import { home } from "./home.ts";
import { listCatalogue } from "./list-catalogue.ts";
import { listPublicProducts } from "./list-public-products.ts";

export const catalogRouter = router({ listPublicProducts, listCatalogue, getPublicProduct, categories, contact, home });
