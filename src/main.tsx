// First: the transpile worker starts loading before the rest of the app is evaluated.
import "./worker/early-start.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { bootstrap } from "./app/bootstrap.ts";
import { isFramed, showFramedNotice } from "./app/framing.ts";
import "./app/theme.css";
import "./app/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
if (isFramed()) {
  showFramedNotice(root);
} else {
  bootstrap();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
