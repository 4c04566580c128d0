import { type Database, type Kysely, sql, type Transaction } from "@coop/db";
import { type CartItemInput, type CartLine, cartLineOf, type CartRemoveInput, type CartUpdateInput, checkBuyable, firstPhotoUrls, MAX_CART_LINES, MAX_LINE_QUANTITY } from "../cart/cart.ts";
import { CART_MAX_IDLE_DAYS } from "../cart/purge.ts";
import { AppError } from "../errors.ts";
import { hashToken, newToken } from "../security/tokens.ts";

// The network marketplace's guest cart: one cart across co-ops (platform tables market_carts /
// market_cart_items, no RLS). Products are read with no co-op set, so the `network_read` policy
// (migration 0011) shows only listed products of active co-ops; the queries repeat those
// conditions so the result does not rest on the policy alone (as listMarketProducts does).

/** The co-op selling a group of cart lines, and where its own site is. */
export interface MarketCoop {
  id: string;
  slug: string;
  /** The co-op's (Thai) name. */
  name: string;
  nameEn: string | null;
  siteUrl: string;
  province: { code: number; nameTh: string; nameEn: string };
}

export interface MarketCartGroup {
  coop: MarketCoop;
  lines: CartLine[];
  /** Sum of this co-op's lines that can be bought now. */
  subtotalSatang: number;
}

export interface MarketCartView {
  /** One group per co-op, in the order their first line was added. */
  groups: MarketCartGroup[];
  /** Number of units in the cart. */
  count: number;
  /** Sum of the lines that can be bought now, across co-ops (delivery not included). */
  totalSatang: number;
}

export interface MarketCartChange {
  cart: MarketCartView;
  /** Set when this call created the cart: the caller stores it in the market cart cookie. */
  newToken: string | null;
}

/** Where each co-op's site is (the caller knows the platform's public origins; core does not). */
export interface MarketLinks {
  siteUrl: (slug: string) => string;
}

const EMPTY: MarketCartView = { groups: [], count: 0, totalSatang: 0 };

async function findMarketCartId(trx: Transaction<Database>, token: string | null | undefined): Promise<string | null> {
  if (!token) return null;
  const row = await trx.selectFrom("market_carts").select("id").where("token_hash", "=", hashToken(token)).executeTakeFirst();
  return row?.id ?? null;
}

/** The cart's lines whose products are still listed by an active co-op, oldest first. */
function listedLines(trx: Transaction<Database>, cartId: string) {
  return trx
    .selectFrom("market_cart_items as ci")
    .innerJoin("products as p", (j) => j.onRef("p.tenant_id", "=", "ci.coop_id").onRef("p.id", "=", "ci.product_id"))
    .innerJoin("tenants as t", "t.id", "ci.coop_id")
    .where("ci.cart_id", "=", cartId)
    .where("t.status", "=", "active")
    .where("p.archived_at", "is", null)
    .where("p.status", "!=", "hidden");
}

async function loadMarketCart(trx: Transaction<Database>, cartId: string | null, links: MarketLinks): Promise<MarketCartView> {
  if (!cartId) return EMPTY;
  const rows = await listedLines(trx, cartId)
    .innerJoin("provinces as pr", "pr.code", "t.province_code")
    .select([
      "ci.coop_id", "ci.product_id", "ci.quantity", "p.name_th", "p.name_en", "p.unit", "p.price_satang", "p.stock", "p.status", "p.archived_at",
      "t.slug", "t.name_th as coop_name_th", "t.name_en as coop_name_en", "pr.code as province_code", "pr.name_th as province_th", "pr.name_en as province_en",
    ])
    .orderBy("ci.added_at")
    .orderBy("ci.product_id")
    .execute();
  const byCoop = new Map<string, typeof rows>();
  for (const row of rows) byCoop.set(row.coop_id, [...(byCoop.get(row.coop_id) ?? []), row]);
  const groups: MarketCartGroup[] = [];
  for (const [coopId, coopRows] of byCoop) {
    const photoOf = await firstPhotoUrls(trx, coopId, coopRows.map((r) => r.product_id));
    const lines = coopRows.map((r) => cartLineOf(r, photoOf.get(r.product_id) ?? null));
    const first = coopRows[0]!;
    groups.push({
      coop: {
        id: coopId,
        slug: first.slug,
        name: first.coop_name_th,
        nameEn: first.coop_name_en,
        siteUrl: links.siteUrl(first.slug),
        province: { code: first.province_code, nameTh: first.province_th, nameEn: first.province_en },
      },
      lines,
      subtotalSatang: lines.filter((l) => l.available).reduce((sum, l) => sum + l.lineTotalSatang, 0),
    });
  }
  return {
    groups,
    count: groups.reduce((sum, g) => sum + g.lines.reduce((n, l) => n + l.quantity, 0), 0),
    totalSatang: groups.reduce((sum, g) => sum + g.subtotalSatang, 0),
  };
}

/** The market cart of this cookie token; empty when there is none. */
export async function getMarketCart(db: Kysely<Database>, token: string | null | undefined, links: MarketLinks): Promise<MarketCartView> {
  return db.transaction().execute(async (trx) => loadMarketCart(trx, await findMarketCartId(trx, token), links));
}

async function changeMarketCart(
  db: Kysely<Database>,
  token: string | null | undefined,
  links: MarketLinks,
  change: (trx: Transaction<Database>, cartId: string) => Promise<void>,
  options: { create: boolean },
): Promise<MarketCartChange> {
  return db.transaction().execute(async (trx) => {
    let cartId = await findMarketCartId(trx, token);
    let created: string | null = null;
    if (!cartId) {
      if (!options.create) return { cart: EMPTY, newToken: null };
      created = newToken();
      cartId = (await trx.insertInto("market_carts").values({ token_hash: hashToken(created) }).returning("id").executeTakeFirstOrThrow()).id;
    }
    await change(trx, cartId);
    await trx.updateTable("market_carts").set({ updated_at: new Date() }).where("id", "=", cartId).execute();
    return { cart: await loadMarketCart(trx, cartId, links), newToken: created };
  });
}

/** The co-op that lists this product on the marketplace; refused when it is not listed (hidden, archived, co-op not active). */
async function listingCoopOf(trx: Transaction<Database>, productId: string): Promise<string> {
  const row = await trx
    .selectFrom("products as p")
    .innerJoin("tenants as t", "t.id", "p.tenant_id")
    .select("p.tenant_id")
    .where("p.id", "=", productId)
    .where("t.status", "=", "active")
    .where("p.archived_at", "is", null)
    .where("p.status", "!=", "hidden")
    .executeTakeFirst();
  if (!row) throw new AppError("NOT_FOUND", "marketplace.product_unavailable");
  return row.tenant_id;
}

async function currentQuantity(trx: Transaction<Database>, cartId: string, productId: string): Promise<number> {
  const row = await trx.selectFrom("market_cart_items").select("quantity").where("cart_id", "=", cartId).where("product_id", "=", productId).executeTakeFirst();
  return row?.quantity ?? 0;
}

async function setQuantity(trx: Transaction<Database>, cartId: string, productId: string, quantity: number): Promise<void> {
  const coopId = await listingCoopOf(trx, productId);
  if ((await currentQuantity(trx, cartId, productId)) === 0) {
    const lines = await trx
      .selectFrom("market_cart_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("cart_id", "=", cartId)
      .executeTakeFirstOrThrow();
    if (Number(lines.n) >= MAX_CART_LINES) throw new AppError("CONFLICT", "cart.too_many_items", { params: { max: MAX_CART_LINES } });
  }
  // Read with no co-op set, the co-op's product rules (coming soon, sold out, stock) are the same as on its own site.
  await checkBuyable(trx, coopId, productId, quantity);
  await trx
    .insertInto("market_cart_items")
    .values({ cart_id: cartId, coop_id: coopId, product_id: productId, quantity })
    .onConflict((oc) => oc.columns(["cart_id", "coop_id", "product_id"]).doUpdateSet({ quantity }))
    .execute();
}

async function deleteLine(trx: Transaction<Database>, cartId: string, productId: string): Promise<void> {
  await trx.deleteFrom("market_cart_items").where("cart_id", "=", cartId).where("product_id", "=", productId).execute();
}

/** Adds `quantity` to the line (creating the cart when there is none); the total may not exceed stock. */
export async function addToMarketCart(db: Kysely<Database>, token: string | null | undefined, input: CartItemInput, links: MarketLinks): Promise<MarketCartChange> {
  return changeMarketCart(
    db,
    token,
    links,
    async (trx, cartId) => {
      const total = (await currentQuantity(trx, cartId, input.productId)) + input.quantity;
      await setQuantity(trx, cartId, input.productId, Math.min(total, MAX_LINE_QUANTITY));
    },
    { create: true },
  );
}

/** Sets the line's quantity; 0 removes it. */
export async function updateMarketCartItem(db: Kysely<Database>, token: string | null | undefined, input: CartUpdateInput, links: MarketLinks): Promise<MarketCartChange> {
  return changeMarketCart(
    db,
    token,
    links,
    (trx, cartId) => (input.quantity === 0 ? deleteLine(trx, cartId, input.productId) : setQuantity(trx, cartId, input.productId, input.quantity)),
    { create: input.quantity > 0 },
  );
}

export async function removeFromMarketCart(db: Kysely<Database>, token: string | null | undefined, input: CartRemoveInput, links: MarketLinks): Promise<MarketCartChange> {
  return changeMarketCart(db, token, links, (trx, cartId) => deleteLine(trx, cartId, input.productId), { create: false });
}

export interface MarketCartPart {
  coopId: string;
  slug: string;
  items: Array<{ productId: string; quantity: number }>;
}

/** The cart's orderable lines per co-op, co-ops in id order (the lock order of a marketplace checkout). */
export async function marketCartParts(
  db: Kysely<Database>,
  token: string | null | undefined,
): Promise<MarketCartPart[]> {
  return db.transaction().execute(async (trx) => {
    const cartId = await findMarketCartId(trx, token);
    if (!cartId) return [];
    const rows = await listedLines(trx, cartId).select(["ci.coop_id", "t.slug", "ci.product_id", "ci.quantity"]).orderBy("ci.coop_id").orderBy("ci.added_at").execute();
    const parts = new Map<string, MarketCartPart>();
    for (const r of rows) {
      const part = parts.get(r.coop_id) ?? { coopId: r.coop_id, slug: r.slug, items: [] };
      part.items.push({ productId: r.product_id, quantity: r.quantity });
      parts.set(r.coop_id, part);
    }
    return [...parts.values()];
  });
}

/** Empties the market cart after its marketplace order was placed. */
export async function clearMarketCart(db: Kysely<Database>, token: string | null | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cartId = await findMarketCartId(trx, token);
    if (cartId) await trx.deleteFrom("market_cart_items").where("cart_id", "=", cartId).execute();
  });
}

/** Deletes market carts untouched for `idleDays` (default 30, as a co-op's carts; their lines go with them, ON DELETE CASCADE); returns how many. Run daily. */
export async function purgeStaleMarketCarts(db: Kysely<Database>, options: { idleDays?: number; now?: Date } = {}): Promise<number> {
  const idleDays = options.idleDays ?? CART_MAX_IDLE_DAYS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - idleDays * 86_400_000);
  const result = await db.deleteFrom("market_carts").where("updated_at", "<", sql<Date>`${cutoff}`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
