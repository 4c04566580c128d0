import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";

// A plain object rather than `defineConfig`: the React Router and Tailwind plugins are typed
// against the Vite that @react-router/dev runs, which may not be this app's own copy.
export default {
  plugins: [tailwindcss(), reactRouter()],
};
