import { type Locale, translator } from "@coop/i18n";
import { type OrderStatus, STATUS_LABEL } from "./values.ts";

const TONE: Record<OrderStatus, string> = {
  pending_payment: "bg-turmeric-100 text-turmeric-800 ring-turmeric-800/20",
  payment_review: "bg-clay-100 text-clay-800 ring-clay-800/20",
  paid: "bg-leaf-100 text-leaf-800 ring-leaf-200",
  packed: "bg-leaf-100 text-leaf-800 ring-leaf-200",
  shipped: "bg-white text-leaf-800 ring-leaf-600/40",
  ready_for_pickup: "bg-white text-leaf-800 ring-leaf-600/40",
  completed: "bg-leaf-700 text-white ring-leaf-700",
  cancelled: "bg-earth-100 text-earth-600 ring-earth-300",
  refunded: "bg-earth-100 text-earth-600 ring-earth-300",
};

/** An order's status in words (Thai or English), coloured by how urgent it is for the co-op. */
export function OrderStatusBadge({ status, locale, className }: { status: OrderStatus; locale: Locale; className?: string }) {
  const tr = translator(locale);
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE[status]} ${className ?? ""}`}>
      {tr(STATUS_LABEL[status])}
    </span>
  );
}
