#!/usr/bin/env node
// Thin launcher for the bundled CLI (built by `npm run build:cli` into dist-cli/).
import "../dist-cli/kindling.js";
