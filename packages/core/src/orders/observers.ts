/** Told, after the order's transaction has committed, that a new order was placed (not a retry). */
export type OrderPlacedListener = (event: { tenantId: string; totalSatang: number }) => void;

const listeners = new Set<OrderPlacedListener>();

/**
 * Subscribes to newly placed orders (the server's metrics count them); returns the unsubscribe.
 * Listeners run after the commit and cannot fail or slow the checkout: errors are swallowed.
 */
export function onOrderPlaced(listener: OrderPlacedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceOrderPlaced(event: { tenantId: string; totalSatang: number }): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // an observer's bug must never surface to the customer who just ordered
    }
  }
}

/** Told, after the transaction has committed, that a co-op's stock changed outside a checkout (a payment event, an expiry job). */
export type StockChangedListener = (event: { tenantId: string }) => void;

const stockListeners = new Set<StockChangedListener>();

/**
 * Subscribes to stock changes that no request on the co-op's own site made (the server's page
 * cache drops the co-op's pages); returns the unsubscribe. Call `announceStockChanged` after the
 * commit of any such change — Stripe webhooks and jobs that cancel, restock or take stock again.
 */
export function onStockChanged(listener: StockChangedListener): () => void {
  stockListeners.add(listener);
  return () => stockListeners.delete(listener);
}

export function announceStockChanged(event: { tenantId: string }): void {
  for (const listener of stockListeners) {
    try {
      listener(event);
    } catch {
      // like order observers: never the concern of whoever changed the stock
    }
  }
}
