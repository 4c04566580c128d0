/** "081-234-5678" for a mobile PromptPay id; a 13-digit tax id in its usual groups; anything else as given. */
export function formatPromptPayId(id: string): string {
  const digits = id.replace(/\D/g, "");
  if (digits.length === 10) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  if (digits.length === 13) return `${digits[0]}-${digits.slice(1, 5)}-${digits.slice(5, 10)}-${digits.slice(10, 12)}-${digits[12]}`;
  return id;
}
