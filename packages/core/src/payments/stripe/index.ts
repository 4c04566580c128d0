// Card and PromptPay payments through Stripe Connect (issue 7).
export {};
