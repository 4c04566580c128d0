import { type IconProps, LineIcon } from "@coop/ui";

// The network's own icons; the shared ones (and the LineIcon frame) come from @coop/ui.

export const CentreIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3 10 12 4l9 6" />
    <path d="M5 9.5V20h14V9.5M9.5 20v-5.5h5V20" />
  </LineIcon>
);

export const BookIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 6.5C10 5 7.2 4.5 4 4.8v13.5c3.2-.3 6 .2 8 1.7 2-1.5 4.8-2 8-1.7V4.8c-3.2-.3-6 .2-8 1.7Z" />
    <path d="M12 6.5V20" />
  </LineIcon>
);

export const BasketIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3.5 10h17l-1.8 9a1.5 1.5 0 0 1-1.5 1.2H6.8a1.5 1.5 0 0 1-1.5-1.2Z" />
    <path d="M8 10l3-6M16 10l-3-6M9 14v3M12 14v3M15 14v3" />
  </LineIcon>
);

export const SpinnerIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 3.5a8.5 8.5 0 1 1-8.5 8.5" />
  </LineIcon>
);
