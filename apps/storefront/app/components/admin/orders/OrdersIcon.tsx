import { type IconProps, LineIcon } from "@coop/ui";

/** A receipt: the back office's orders section. */
export const OrdersIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M6 3.5h12v17l-2-1.5-2 1.5-2-1.5-2 1.5-2-1.5-2 1.5Z" />
    <path d="M9 8h6M9 11.5h6M9 15h4" />
  </LineIcon>
);
