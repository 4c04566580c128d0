export { default } from "@coop/config/eslint";
