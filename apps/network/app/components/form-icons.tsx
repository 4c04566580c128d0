import type { ReactNode, SVGProps } from "react";

type IconProps = SVGProps<SVGSVGElement>;

/** Line icons for forms; always next to visible (or sr-only) text, so hidden from assistive technology. */
function Line({ children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable={false}
      {...props}
    >
      {children}
    </svg>
  );
}

export const CheckIcon = (props: IconProps) => (
  <Line {...props}>
    <path d="m5 12.5 4.5 4.5L19 7.5" />
  </Line>
);

export const CircleIcon = (props: IconProps) => (
  <Line {...props}>
    <circle cx="12" cy="12" r="8" />
  </Line>
);

export const AlertIcon = (props: IconProps) => (
  <Line {...props}>
    <path d="M12 4 2.8 19.5h18.4Z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </Line>
);

export const InfoIcon = (props: IconProps) => (
  <Line {...props}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 11v5.5M12 7.8v.1" />
  </Line>
);

export const EyeIcon = (props: IconProps) => (
  <Line {...props}>
    <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12Z" />
    <circle cx="12" cy="12" r="2.75" />
  </Line>
);

export const EyeOffIcon = (props: IconProps) => (
  <Line {...props}>
    <path d="M4 4l16 16M10.6 6.1A9.8 9.8 0 0 1 12 6c6 0 9.5 6 9.5 6a17 17 0 0 1-2.7 3.4M6.2 7.6A16.6 16.6 0 0 0 2.5 12s3.5 6 9.5 6c1.5 0 2.8-.3 4-.9" />
    <path d="M9.9 10a2.8 2.8 0 0 0 4 4" />
  </Line>
);


export const SpinnerIcon = (props: IconProps) => (
  <Line {...props}>
    <path d="M12 3.5a8.5 8.5 0 1 1-8.5 8.5" />
  </Line>
);
