#!/usr/bin/env node
/**
 * `node scripts/gen-icons.mjs`: draws the installed app's icons (public/icons/*.png, listed in the
 * web app manifest in vite.config.ts) from public/favicon.svg, rendered by Chromium (the browser
 * the tests use, so no image library is needed). Run it again after changing the favicon; the
 * PNGs are committed.
 * - icon-<n>.png: the favicon as it is (rounded dark square), for "any" purpose;
 * - maskable-512.png: the flame on a full-bleed background, inside the central 80% safe zone that
 *   a platform's mask (circle, squircle) never cuts;
 * - apple-touch-icon.png: 180 px, full-bleed (iOS rounds the corners itself).
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { systemChromiumPath } from "./browser.mjs";

const root = new URL("..", import.meta.url);
const svg = readFileSync(new URL("public/favicon.svg", root), "utf8");
const out = new URL("public/icons/", root);
mkdirSync(out, { recursive: true });

/** The favicon's drawing without its rounded background square (kept for the plain icons). */
const background = /<rect [^>]*\/>/;
const fill = /<rect [^>]*fill="([^"]+)"/.exec(svg)?.[1];
if (!fill || !background.test(svg)) throw new Error("public/favicon.svg: expected a <rect … fill=…/> background");
const glyph = svg.replace(/<\?xml[^>]*>|<svg[^>]*>|<\/svg>|<title>.*?<\/title>/g, "").replace(background, "");

/** An SVG of the glyph on a full-bleed square, scaled to `scale` of the side around the centre. */
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${fill}"/>` +
  `<g transform="translate(16 16) scale(${scale}) translate(-16 -16)">${glyph}</g></svg>`;

const icons = [
  { file: "icon-192.png", size: 192, svg },
  { file: "icon-512.png", size: 512, svg },
  // The favicon's flame spans about 70% of the square; 0.8 keeps it well inside the 80% safe circle.
  { file: "maskable-512.png", size: 512, svg: fullBleed(0.8) },
  { file: "apple-touch-icon.png", size: 180, svg: fullBleed(0.9) },
];

const executablePath = systemChromiumPath(process.env);
const browser = await chromium.launch(existsSync(executablePath) ? { executablePath, args: ["--no-sandbox"] } : {});
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString("base64")}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${icon.size}" height="${icon.size}">`,
    );
    await page.locator("img").evaluate((img) => (img.complete ? null : new Promise((r) => (img.onload = r))));
    await page.screenshot({ path: new URL(icon.file, out).pathname, omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    await page.close();
    console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
