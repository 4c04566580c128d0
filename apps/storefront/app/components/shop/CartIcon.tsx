import { LineIcon, type IconProps } from "@coop/ui";

export const CartIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3 4h2l2.4 10.2a1.5 1.5 0 0 0 1.5 1.1h8.4a1.5 1.5 0 0 0 1.4-1.1L20.5 8H6.2" />
    <circle cx="9.5" cy="19.5" r="1.25" />
    <circle cx="17" cy="19.5" r="1.25" />
  </LineIcon>
);
