import type { SVGProps } from "react";

export type IconProps = SVGProps<SVGSVGElement>;

/** Every icon here is decoration next to visible (or sr-only) text: hidden from assistive technology. */
const base = { "aria-hidden": true, focusable: false } as const;

/** The frame of every line icon (24×24, round strokes in the current colour); apps draw their own icons in it. */
export function LineIcon({ children, ...props }: IconProps) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...base}
      {...props}
    >
      {children}
    </svg>
  );
}

export function LogoMark(props: IconProps) {
  return (
    <svg viewBox="0 0 32 32" {...base} {...props}>
      <rect width="32" height="32" rx="9" fill="currentColor" />
      <path d="M16 25.5V13" stroke="#f4ecdd" strokeWidth="2" strokeLinecap="round" />
      <path d="M16 18c-4.6 0-7.2-2.7-7.2-6.7 4.5 0 7.2 2.5 7.2 6.7Z" fill="#c6ddb5" />
      <path d="M16 14.8c0-4.4 2.8-7.2 7.2-7.2 0 4.3-2.8 7.2-7.2 7.2Z" fill="#e8d7b9" />
      <path d="M10 25.5h12" stroke="#f4ecdd" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export const PinIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11Z" />
    <circle cx="12" cy="10" r="2.3" />
  </LineIcon>
);

export const RegionIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3 7.5 9 5l6 2.5L21 5v11.5L15 19l-6-2.5L3 19Z" />
    <path d="M9 5v11.5M15 7.5V19" />
  </LineIcon>
);

export const ArrowRightIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M5 12h14M13 6l6 6-6 6" />
  </LineIcon>
);

export const SignpostIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 3v18M8 21h8" />
    <path d="M12 5h6.5l2 2.25-2 2.25H12ZM12 12H5.5l-2 2.25 2 2.25H12Z" />
  </LineIcon>
);

export const WiltIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 21v-7c0-3-1.5-5-4.5-6" />
    <path d="M7.5 8C5 8.2 3.5 10 3.6 12.6 6.2 12.5 7.6 10.7 7.5 8Z" />
    <path d="M12 15c2.6-.6 4-2.6 3.8-5.3-2.6.5-4 2.5-3.8 5.3Z" />
    <path d="M7 21h10" />
  </LineIcon>
);

export const LeafIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M5 19c0-8 5-13.5 14-14 .4 9-5 14-12 14" />
    <path d="M5 19c3-4 6-6.5 9.5-8.5" />
  </LineIcon>
);

export const CheckIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="m5 12.5 4.5 4.5L19 7.5" />
  </LineIcon>
);

export const CircleIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <circle cx="12" cy="12" r="8" />
  </LineIcon>
);

export const AlertIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M12 4 2.8 19.5h18.4Z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </LineIcon>
);

export const InfoIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 11v5.5M12 7.8v.1" />
  </LineIcon>
);

export const EyeIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z" />
    <circle cx="12" cy="12" r="2.75" />
  </LineIcon>
);

export const EyeOffIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M4 4l16 16M10.6 6.1A9.8 9.8 0 0 1 12 6c6 0 9.5 6 9.5 6a17 17 0 0 1-2.7 3.4M6.2 7.6A16.6 16.6 0 0 0 2.5 12s3.5 6 9.5 6c1.5 0 2.8-.3 4-.9" />
    <path d="M9.9 10a2.8 2.8 0 0 0 4 4" />
  </LineIcon>
);

/** Rice terraces under a morning sun: the hero's decoration. */
export function FieldsArt(props: IconProps) {
  return (
    <svg viewBox="0 0 480 360" {...base} {...props}>
      <defs>
        <clipPath id="fields-frame">
          <rect width="480" height="360" rx="28" />
        </clipPath>
        <linearGradient id="fields-sky" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#fcefc9" />
          <stop offset="1" stopColor="#f4ecdd" />
        </linearGradient>
      </defs>
      <g clipPath="url(#fields-frame)">
      <rect width="480" height="360" fill="url(#fields-sky)" />
      <circle cx="352" cy="104" r="44" fill="#f2c14e" opacity="0.85" />
      <path d="M0 196c70-38 150-52 232-34s170 8 248-28v226H0Z" fill="#a2c687" />
      <path d="M0 236c88-30 176-34 262-14s150 12 218-12v150H0Z" fill="#7eab5e" />
      <path d="M0 280c100-26 196-26 290-6s136 10 190-6v92H0Z" fill="#5f8f41" />
      <path d="M0 320c110-18 230-20 340-2 52 8 100 4 140-6v48H0Z" fill="#3b5b29" />
      <g stroke="#e2eed9" strokeWidth="2" strokeLinecap="round" opacity="0.55" fill="none">
        <path d="M40 256c60-16 130-20 200-8" />
        <path d="M250 290c60 10 120 10 190-6" />
        <path d="M60 300c70-12 150-14 230-4" />
      </g>
      <g stroke="#314a24" strokeWidth="3" strokeLinecap="round" fill="none">
        <path d="M96 330v-30M96 312c-8-4-12-10-13-18M96 306c7-4 11-10 12-17" />
        <path d="M128 334v-24M128 318c-6-3-10-8-11-14M128 314c6-3 9-8 10-14" />
        <path d="M392 332v-28M392 316c-7-4-11-9-12-16M392 310c7-3 10-9 11-15" />
      </g>
      <g fill="#6d4f30">
        <path d="M300 214h44v30h-44z" />
        <path d="M292 216l30-22 30 22z" fill="#8b653a" />
        <path d="M316 228h12v16h-12z" fill="#35271a" />
      </g>
      </g>
    </svg>
  );
}

/** The shopping cart of both sites' cart links and add-to-cart buttons. */
export const CartIcon = (props: IconProps) => (
  <LineIcon {...props}>
    <path d="M3 4h2l2.4 10.2a1.5 1.5 0 0 0 1.5 1.1h8.4a1.5 1.5 0 0 0 1.4-1.1L20.5 8H6.2" />
    <circle cx="9.5" cy="19.5" r="1.25" />
    <circle cx="17" cy="19.5" r="1.25" />
  </LineIcon>
);
