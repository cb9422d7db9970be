#!/usr/bin/env node
// Thin launcher for the bundled `kindling` once-per-file runner (built by `npm run build:cli`).
import "../dist-cli/each.js";
