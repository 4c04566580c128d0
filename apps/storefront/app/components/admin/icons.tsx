import { type IconProps, LineIcon } from "@coop/ui";

// The back office's own icons; the shared ones (and the LineIcon frame) come from @coop/ui.

export const DashboardIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M4 13h6V4H4ZM14 20h6v-9h-6ZM14 8h6V4h-6ZM4 20h6v-3H4Z" />
  </LineIcon>
);

export const ProductsIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3.5 8 12 4l8.5 4v8.5L12 20.5 3.5 16.5Z" />
    <path d="M3.5 8 12 12l8.5-4M12 12v8.5" />
  </LineIcon>
);

export const SettingsIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0" />
    <circle cx="16" cy="6" r="2" />
    <circle cx="10" cy="12" r="2" />
    <circle cx="18" cy="18" r="2" />
  </LineIcon>
);

export const TeamIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <circle cx="9" cy="8.5" r="3.25" />
    <path d="M3 19.5c.6-3.4 3-5.5 6-5.5s5.4 2.1 6 5.5" />
    <path d="M15.5 5.6a3.1 3.1 0 0 1 0 5.8M17.5 14.3c1.9.7 3.1 2.5 3.5 5.2" />
  </LineIcon>
);

export const HistoryIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3.5 12a8.5 8.5 0 1 0 2.6-6.1L3.5 8.5" />
    <path d="M3.5 4v4.5H8M12 7.5V12l3 2" />
  </LineIcon>
);

export const ExternalIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v4.5A1.5 1.5 0 0 1 16.5 20h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10" />
  </LineIcon>
);

export const SignOutIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M10 20H5.5A1.5 1.5 0 0 1 4 18.5v-13A1.5 1.5 0 0 1 5.5 4H10M15 16l4-4-4-4M19 12H9" />
  </LineIcon>
);

export const DevicesIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <rect x="3" y="5" width="13" height="10" rx="1.5" />
    <path d="M7 19h5M9.5 15v4" />
    <rect x="17" y="9" width="4.5" height="10" rx="1" />
  </LineIcon>
);

export const MailIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <rect x="3" y="5.5" width="18" height="13" rx="1.5" />
    <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
  </LineIcon>
);

export const ChevronDownIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="m6 9.5 6 6 6-6" />
  </LineIcon>
);

export const ChevronRightIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="m9.5 6 6 6-6 6" />
  </LineIcon>
);

export const OrdersIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M6 3.5h12v17l-3-2-3 2-3-2-3 2Z" />
    <path d="M9 8h6M9 12h6" />
  </LineIcon>
);

export const ImageIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <rect x="3" y="4.5" width="18" height="15" rx="1.5" />
    <circle cx="9" cy="10" r="1.75" />
    <path d="m4 18 5-5 3.5 3.5L15 14l5 4.5" />
  </LineIcon>
);

export const KnowledgeIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 6.5C10 5 7 4.5 4 5v13c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5V5c-3-.5-6 0-8 1.5Z" />
    <path d="M12 6.5v13" />
  </LineIcon>
);
