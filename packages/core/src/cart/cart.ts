import { type Database, type Kysely, type ProductUnit, type Transaction, withTenant } from "@coop/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { firstPhotoRows, variantAtLeast } from "../catalog/public/photos.ts";
import { mediaUrl } from "../media/urls.ts";
import { hashToken, newToken } from "../security/tokens.ts";

/** Most distinct products one cart (and so one order) may hold. */
export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 9999;

export const cartItemInput = z.object({
  productId: z.uuid("validation.invalid"),
  quantity: z.int("validation.invalid").min(1, "cart.quantity_invalid").max(MAX_LINE_QUANTITY, "cart.quantity_invalid"),
});
/** quantity 0 removes the line */
export const cartUpdateInput = z.object({
  productId: z.uuid("validation.invalid"),
  quantity: z.int("validation.invalid").min(0, "cart.quantity_invalid").max(MAX_LINE_QUANTITY, "cart.quantity_invalid"),
});
export const cartRemoveInput = z.object({ productId: z.uuid("validation.invalid") });
export type CartItemInput = z.infer<typeof cartItemInput>;
export type CartUpdateInput = z.infer<typeof cartUpdateInput>;
export type CartRemoveInput = z.infer<typeof cartRemoveInput>;

export interface CartLine {
  productId: string;
  nameTh: string;
  nameEn: string | null;
  unit: ProductUnit;
  unitPriceSatang: number;
  quantity: number;
  /** Stock on hand now (0 when the product can no longer be bought). */
  stock: number;
  /** False when the product was hidden, archived, sold out or has less stock than the line asks for. */
  available: boolean;
  lineTotalSatang: number;
  photoUrl: string | null;
}

export interface CartView {
  items: CartLine[];
  /** Sum of the lines that can be bought now. */
  subtotalSatang: number;
  /** Number of units in the cart. */
  count: number;
}

export interface CartChange {
  cart: CartView;
  /** Set when this call created the cart: the caller stores it in the cart cookie. */
  newToken: string | null;
}

const EMPTY: CartView = { items: [], subtotalSatang: 0, count: 0 };

async function findCartId(trx: Transaction<Database>, tenantId: string, token: string | null | undefined): Promise<string | null> {
  if (!token) return null;
  const row = await trx
    .selectFrom("carts")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("token_hash", "=", hashToken(token))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Each product's first photo (at least 320 px wide when there is one), for cart lines; shared with the marketplace cart. */
export async function firstPhotoUrls(trx: Transaction<Database>, tenantId: string, productIds: string[]): Promise<Map<string, string | null>> {
  const photos = await firstPhotoRows(trx, tenantId, productIds);
  return new Map(
    photos.map((p) => {
      const key = variantAtLeast(p.variants, 320)?.key;
      return [p.product_id, key ? mediaUrl(key) : null] as const;
    }),
  );
}

/** A product row as a cart line: what it costs now and whether the quantity can still be bought. */
export function cartLineOf(
  r: { product_id: string; quantity: number; name_th: string; name_en: string | null; unit: ProductUnit; price_satang: number; stock: number; status: string; archived_at: Date | null },
  photoUrl: string | null,
): CartLine {
  const buyable = r.status === "available" && r.archived_at === null && r.stock > 0;
  return {
    productId: r.product_id,
    nameTh: r.name_th,
    nameEn: r.name_en,
    unit: r.unit,
    unitPriceSatang: r.price_satang,
    quantity: r.quantity,
    stock: buyable ? r.stock : 0,
    available: buyable && r.quantity <= r.stock,
    lineTotalSatang: r.price_satang * r.quantity,
    photoUrl,
  };
}

async function loadCart(trx: Transaction<Database>, tenantId: string, cartId: string | null): Promise<CartView> {
  if (!cartId) return EMPTY;
  const rows = await trx
    .selectFrom("cart_items as ci")
    .innerJoin("products as p", (j) => j.onRef("p.tenant_id", "=", "ci.tenant_id").onRef("p.id", "=", "ci.product_id"))
    .select(["ci.product_id", "ci.quantity", "p.name_th", "p.name_en", "p.unit", "p.price_satang", "p.stock", "p.status", "p.archived_at"])
    .where("ci.tenant_id", "=", tenantId)
    .where("ci.cart_id", "=", cartId)
    .orderBy("ci.added_at")
    .orderBy("ci.product_id")
    .execute();
  const photoOf = await firstPhotoUrls(trx, tenantId, rows.map((r) => r.product_id));
  const items = rows.map((r) => cartLineOf(r, photoOf.get(r.product_id) ?? null));
  return {
    items,
    subtotalSatang: items.filter((i) => i.available).reduce((sum, i) => sum + i.lineTotalSatang, 0),
    count: items.reduce((sum, i) => sum + i.quantity, 0),
  };
}

/** The cart of this cookie token on this co-op's site; empty when there is none. */
export async function getCart(db: Kysely<Database>, tenantId: string, token: string | null | undefined): Promise<CartView> {
  return withTenant(db, tenantId, async (trx) => loadCart(trx, tenantId, await findCartId(trx, tenantId, token)));
}

/** Refuses quantities a product cannot supply now, with a message the customer can act on (the marketplace cart too). */
export async function checkBuyable(trx: Transaction<Database>, tenantId: string, productId: string, quantity: number): Promise<void> {
  const product = await trx
    .selectFrom("products")
    .select(["name_th", "stock", "status", "archived_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", productId)
    .executeTakeFirst();
  if (!product || product.archived_at !== null || product.status === "hidden") {
    throw new AppError("NOT_FOUND", "cart.product_not_found");
  }
  if (product.status === "coming_soon") throw new AppError("CONFLICT", "cart.coming_soon", { params: { product: product.name_th } });
  if (product.status === "sold_out" || product.stock <= 0) {
    throw new AppError("CONFLICT", "cart.sold_out", { params: { product: product.name_th } });
  }
  if (quantity > product.stock) {
    throw new AppError("CONFLICT", "cart.not_enough_stock", {
      fields: { quantity: "cart.not_enough_stock" },
      params: { product: product.name_th, stock: product.stock },
    });
  }
}

async function changeCart(
  db: Kysely<Database>,
  tenantId: string,
  token: string | null | undefined,
  change: (trx: Transaction<Database>, cartId: string) => Promise<void>,
  options: { create: boolean },
): Promise<CartChange> {
  return withTenant(db, tenantId, async (trx) => {
    let cartId = await findCartId(trx, tenantId, token);
    let created: string | null = null;
    if (!cartId) {
      if (!options.create) return { cart: EMPTY, newToken: null };
      created = newToken();
      cartId = (
        await trx.insertInto("carts").values({ tenant_id: tenantId, token_hash: hashToken(created) }).returning("id").executeTakeFirstOrThrow()
      ).id;
    }
    await change(trx, cartId);
    await trx.updateTable("carts").set({ updated_at: new Date() }).where("tenant_id", "=", tenantId).where("id", "=", cartId).execute();
    return { cart: await loadCart(trx, tenantId, cartId), newToken: created };
  });
}

async function currentQuantity(trx: Transaction<Database>, tenantId: string, cartId: string, productId: string): Promise<number> {
  const row = await trx
    .selectFrom("cart_items")
    .select("quantity")
    .where("tenant_id", "=", tenantId)
    .where("cart_id", "=", cartId)
    .where("product_id", "=", productId)
    .executeTakeFirst();
  return row?.quantity ?? 0;
}

async function setQuantity(trx: Transaction<Database>, tenantId: string, cartId: string, productId: string, quantity: number): Promise<void> {
  const existing = await currentQuantity(trx, tenantId, cartId, productId);
  if (existing === 0) {
    const lines = await trx
      .selectFrom("cart_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("tenant_id", "=", tenantId)
      .where("cart_id", "=", cartId)
      .executeTakeFirstOrThrow();
    if (lines.n >= MAX_CART_LINES) throw new AppError("CONFLICT", "cart.too_many_items", { params: { max: MAX_CART_LINES } });
  }
  await checkBuyable(trx, tenantId, productId, quantity);
  await trx
    .insertInto("cart_items")
    .values({ tenant_id: tenantId, cart_id: cartId, product_id: productId, quantity })
    .onConflict((oc) => oc.columns(["tenant_id", "cart_id", "product_id"]).doUpdateSet({ quantity }))
    .execute();
}

async function deleteLine(trx: Transaction<Database>, tenantId: string, cartId: string, productId: string): Promise<void> {
  await trx.deleteFrom("cart_items").where("tenant_id", "=", tenantId).where("cart_id", "=", cartId).where("product_id", "=", productId).execute();
}

/** Adds `quantity` to the line (creating the cart when there is none); the total may not exceed stock. */
export async function addToCart(db: Kysely<Database>, tenantId: string, token: string | null | undefined, input: CartItemInput): Promise<CartChange> {
  return changeCart(
    db,
    tenantId,
    token,
    async (trx, cartId) => {
      const total = (await currentQuantity(trx, tenantId, cartId, input.productId)) + input.quantity;
      await setQuantity(trx, tenantId, cartId, input.productId, Math.min(total, MAX_LINE_QUANTITY));
    },
    { create: true },
  );
}

/** Sets the line's quantity; 0 removes it. */
export async function updateCartItem(db: Kysely<Database>, tenantId: string, token: string | null | undefined, input: CartUpdateInput): Promise<CartChange> {
  return changeCart(
    db,
    tenantId,
    token,
    (trx, cartId) =>
      input.quantity === 0 ? deleteLine(trx, tenantId, cartId, input.productId) : setQuantity(trx, tenantId, cartId, input.productId, input.quantity),
    { create: input.quantity > 0 },
  );
}

export async function removeFromCart(db: Kysely<Database>, tenantId: string, token: string | null | undefined, input: CartRemoveInput): Promise<CartChange> {
  return changeCart(db, tenantId, token, (trx, cartId) => deleteLine(trx, tenantId, cartId, input.productId), { create: false });
}

/** The cart's lines as checkout items (checkout.place orders the cart when no items are given). */
export async function cartOrderLines(db: Kysely<Database>, tenantId: string, token: string | null | undefined): Promise<Array<{ productId: string; quantity: number }>> {
  return withTenant(db, tenantId, async (trx) => {
    const cartId = await findCartId(trx, tenantId, token);
    if (!cartId) return [];
    const rows = await trx
      .selectFrom("cart_items")
      .select(["product_id", "quantity"])
      .where("tenant_id", "=", tenantId)
      .where("cart_id", "=", cartId)
      .orderBy("added_at")
      .execute();
    return rows.map((r) => ({ productId: r.product_id, quantity: r.quantity }));
  });
}

/** Empties the cart after its order was placed. */
export async function clearCart(db: Kysely<Database>, tenantId: string, token: string | null | undefined): Promise<void> {
  await withTenant(db, tenantId, async (trx) => {
    const cartId = await findCartId(trx, tenantId, token);
    if (cartId) await trx.deleteFrom("cart_items").where("tenant_id", "=", tenantId).where("cart_id", "=", cartId).execute();
  });
}
