import { type IconProps, LineIcon } from "@coop/ui";

// The public site's own icons; the shared ones (and the LineIcon frame) come from @coop/ui.

export const ArrowLeftIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </LineIcon>
);

export const ClosedIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M4 10h16l-1.5-5h-13Z" />
    <path d="M5 10v10h14V10M9 20v-5h6v5" />
    <path d="M4 10c0 1.4 1.3 2.5 2.7 2.5S9.3 11.4 9.3 10c0 1.4 1.3 2.5 2.7 2.5s2.7-1.1 2.7-2.5c0 1.4 1.2 2.5 2.6 2.5S20 11.4 20 10" />
  </LineIcon>
);

export const SackIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M8.5 6.5 7 3.5h10l-1.5 3" />
    <path d="M8.5 6.5h7c2.5 2.2 4.5 5.6 4.5 9 0 3.3-2.6 5-8 5s-8-1.7-8-5c0-3.4 2-6.8 4.5-9Z" />
    <path d="M12 11.5v5M10 13c1 .3 1.6 1 2 1.8.4-.8 1-1.5 2-1.8" />
  </LineIcon>
);

export const BottleIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M10 3h4M10.5 3v3.5C8.6 7.6 8 9 8 11v8.5a1.5 1.5 0 0 0 1.5 1.5h5a1.5 1.5 0 0 0 1.5-1.5V11c0-2-.6-3.4-2.5-4.5V3" />
    <path d="M8 13h8v4H8" />
  </LineIcon>
);

export const BoxIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3.5 8 12 4l8.5 4v8.5L12 20.5 3.5 16.5Z" />
    <path d="M3.5 8 12 12l8.5-4M12 12v8.5M7.8 6l8.5 4" />
  </LineIcon>
);
