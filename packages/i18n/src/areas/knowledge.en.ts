import type { knowledgeTh } from "./knowledge.th.ts";

/** English messages for the knowledge area: exactly the Thai keys. */
export const knowledgeEn: { readonly [K in keyof typeof knowledgeTh]: string } = {
};
