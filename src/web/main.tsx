import "@utrecht/component-library-css/dist/index.css";
import "@utrecht/design-tokens/dist/index.css";
import "./theme/app.css";
import "./theme/forms.css";
import "./theme/content.css";
import "./i18n/i18n.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
