export { default } from "./eslint.shared.js";
