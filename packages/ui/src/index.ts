// Components and helpers both sites share. The Tailwind theme is the separate "@coop/ui/theme.css" entry.
export { dangerButtonClass, linkClass, primaryButtonClass, secondaryButtonClass } from "./buttons.ts";
export { AddressFields, type District, groupProvinces, type Province, type Subdistrict } from "./AddressFields.tsx";
export { type AddressListCaller, type AddressOptions, addressOptions } from "./address-options.ts";
export { Document } from "./Document.tsx";
export {
  Alert,
  FieldShell,
  FormSection,
  inputClass,
  PasswordField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFocusFirstInvalid,
  useSubmitting,
} from "./form.tsx";
export { optionalText, text } from "./form-data.ts";
export { type FormErrors, formErrors, requiredWhenEmpty, translateKey, trpcCodeOf } from "./form-errors.ts";
export {
  AlertIcon,
  ArrowRightIcon,
  CartIcon,
  CheckIcon,
  CircleIcon,
  EyeIcon,
  EyeOffIcon,
  FieldsArt,
  InfoIcon,
  type IconProps,
  LeafIcon,
  LineIcon,
  LogoMark,
  PinIcon,
  RegionIcon,
  SignpostIcon,
  WiltIcon,
} from "./icons.tsx";
export { LanguageSwitch } from "./LanguageSwitch.tsx";
export { localized, localizedText, paragraphs } from "./localized.ts";
export { NotFound } from "./NotFound.tsx";
export { formatPromptPayId } from "./promptpay.ts";
export { ServerError } from "./ServerError.tsx";
export {
  CartAddForm,
  CartLine,
  type CartLineInput,
  type CartLineView,
  cartLineView,
  CartNotices,
  type CartRefusal,
  CartTotals,
  EmptyCart,
  requestedQuantity,
} from "./shop/cart.tsx";
export {
  CheckoutAddress,
  CheckoutContact,
  CheckoutFailed,
  CheckoutLines,
  CheckoutTotals,
  ChoiceGroup,
  DeliveryOptions,
  PaymentOptions,
  RadioCard,
  settleAddressDraft,
  typedAddress,
} from "./shop/checkout.tsx";
export { type CheckoutField, checkoutFormErrors } from "./shop/checkout-errors.ts";
export { DELIVERY_LABEL, type DeliveryMethod, type OrderStatus, PAYMENT_HINT, PAYMENT_LABEL, type PaymentMethod, STATUS_LABEL } from "./shop/labels.ts";
export { OrderItems, type OrderItemInput, type OrderItemView, orderItemView, PromptPayQr, SummaryRow } from "./shop/order.tsx";
export { SkipLink } from "./SkipLink.tsx";
export { StatusPage } from "./StatusPage.tsx";
export { queryProcedure } from "./trpc-fetch.ts";
export { useHydrated } from "./use-hydrated.ts";
export { BarChart, CHART_COLORS, ChartFigure, ChartLegend, type ChartSeries, DataTable, HorizontalBarChart, LineChart } from "./charts/charts.tsx";
export { bands, compactNumber, linearScale, niceStep, niceTicks } from "./charts/scale.ts";
