/**
 * A PromptPay proxy a co-op can receive money on: a Thai mobile number (10 digits starting
 * with 0) or a 13-digit tax / citizen id whose last digit is the mod-11 check digit.
 * Returns the digits-only form, or null when invalid.
 */
export function normalizePromptPayId(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 10) return /^0[689]\d{8}$/.test(digits) ? digits : null;
  if (digits.length === 13) return isValidThaiTaxId(digits) ? digits : null;
  return null;
}

/** The 13-digit id checksum: sum of digit i × (13 − i) for the first 12, then (11 − sum mod 11) mod 10. */
export function isValidThaiTaxId(id: string): boolean {
  if (!/^\d{13}$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(id[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(id[12]);
}
