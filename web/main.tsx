import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { I18nProvider } from "./i18n/i18n.tsx";
import { InvestGate } from "./invest/invest_gate.tsx";
import "./styles.css";
import "./styles_workspace.css";
import "./styles_review.css";
import "./styles_import.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <InvestGate>
        <App />
      </InvestGate>
    </I18nProvider>
  </StrictMode>,
);
