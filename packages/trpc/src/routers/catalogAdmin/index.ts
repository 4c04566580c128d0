import { router } from "../../trpc.ts";
import { adjustStock } from "./adjust-stock.ts";
import { archive } from "./archive.ts";
import { categories } from "./categories.ts";
import { create } from "./create.ts";
import { get } from "./get.ts";
import { list } from "./list.ts";
import { restore } from "./restore.ts";
import { setShowcase, showcase } from "./showcase.ts";
import { stockHistory } from "./stock-history.ts";
import { update } from "./update.ts";

/** The co-op back office's products: every procedure acts for the Host's co-op and needs products.edit. */
export const catalogAdminRouter = router({ list, get, create, update, archive, restore, adjustStock, stockHistory, categories, showcase, setShowcase });
