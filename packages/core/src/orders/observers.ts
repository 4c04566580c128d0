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
