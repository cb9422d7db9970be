/**
 * Every variant first-class (issue #13 items 2, 3 and 5), on one page shared by all steps (each
 * step sets its own text, so no state leaks but the options the share step checks on purpose):
 * preview wording and kernel arguments per variant, the output tab's name, the OpenShift and
 * Flatcar-updates forms editing the YAML with comments kept, share links carrying Strict, Pretty
 * and Raw, and templates previewed and inserted into the user's config in one undo step.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { monacoText, seriousAxeFindings, setEditorText, waitForEditor, waitUpToDate } from "./helpers.ts";

test.describe.configure({ mode: "serial" });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  // A context of our own (axe needs one), shared by every step.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto("/");
  await waitForEditor(page);
  await waitUpToDate(page);
});

test.afterAll(async () => {
  await context.close();
});

async function shot(name: string): Promise<void> {
  const info = test.info();
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: "image/png" });
}

const showForms = () => page.getByRole("button", { name: "Forms", exact: true }).click();
const showYaml = () => page.getByRole("button", { name: "YAML", exact: true }).click();

/** The editor's text (these configs fit on screen); polls until `want` holds. */
async function expectYaml(want: (text: string) => boolean, what: string): Promise<string> {
  await showYaml();
  let text = "";
  await expect
    .poll(
      async () => {
        text = (await monacoText(page, "source-editor")) + "\n";
        return want(text);
      },
      { message: what },
    )
    .toBe(true);
  return text;
}

async function load(text: string): Promise<void> {
  await showYaml();
  await setEditorText(page, text);
  await waitUpToDate(page);
}

const openshift = `# Worker tuning (keep this comment)
variant: openshift
version: 4.22.0
metadata:
  name: 99-worker-tuning # the MachineConfig's name
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  kernel_arguments:
    - nosmt # no SMT on these nodes
`;

const cases = [
  {
    variant: "fcos",
    text: "# fcos box\nvariant: fcos\nversion: 1.7.0\nkernel_arguments:\n  should_exist:\n    - console=ttyS0\n",
    tab: "Ignition",
    wording: ["a Fedora CoreOS machine", "Fedora CoreOS keeps its default layout", "Fedora CoreOS has a core user"],
    kargs: ["console=ttyS0", "added if missing"],
  },
  {
    variant: "flatcar",
    text: "# flatcar box\nvariant: flatcar\nversion: 1.1.0\nkernel_arguments:\n  should_not_exist:\n    - quiet\n",
    tab: "Ignition",
    wording: ["a Flatcar Container Linux machine", "Flatcar keeps its default layout", "Flatcar has a core user", "locksmithd"],
    kargs: ["quiet", "removed if present"],
  },
  {
    variant: "r4e",
    text: "# edge box\nvariant: r4e\nversion: 1.1.0\n",
    tab: "Ignition",
    wording: ["a RHEL for Edge machine", "RHEL for Edge keeps the disk layout its installer made", "RHEL for Edge has no login user"],
    kargs: ["refuses kernel_arguments"],
  },
  {
    variant: "fiot",
    text: "# iot box\nvariant: fiot\nversion: 1.0.0\n",
    tab: "Ignition",
    wording: ["a Fedora IoT machine", "Fedora IoT keeps the disk layout", "Fedora IoT has only a locked root account"],
    kargs: ["refuses kernel_arguments"],
  },
  {
    variant: "openshift",
    text: openshift,
    tab: "MachineConfig",
    wording: ["an OpenShift 4.22 node", "RHCOS keeps its default layout", "RHCOS has a core user", "Pool (role)worker"],
    kargs: ["nosmt", "added by the MachineConfig"],
  },
];

for (const c of cases) {
  test(`${c.variant}: preview wording, kernel arguments and the output tab's name`, async () => {
    await load(c.text);
    await expect(page.getByRole("tab", { name: c.tab, exact: true })).toBeVisible();
    await expect(page.getByRole("tab", { name: c.tab === "Ignition" ? "MachineConfig" : "Ignition", exact: true })).toHaveCount(0);
    await page.getByRole("tab", { name: "Preview" }).click();
    const panel = page.getByTestId("preview-panel");
    await expect(panel).toContainText(`(${c.variant} `);
    for (const w of c.wording) await expect(panel).toContainText(w);
    if (c.variant !== "fcos") await expect(panel).not.toContainText("Fedora CoreOS");
    const kargs = panel.locator("section", { has: page.getByRole("heading", { name: "Kernel arguments" }) });
    for (const k of c.kargs) await expect(kargs).toContainText(k);
    await shot(`preview-${c.variant}`);
    expect(await seriousAxeFindings(page, "[data-testid=preview-panel]"), "axe on the Preview").toEqual([]);
  });
}

test("openshift: the download is a .yaml MachineConfig; Raw makes it .ign Ignition", async () => {
  await load(openshift);
  await expect(page.getByRole("button", { name: "Download .yaml" })).toBeEnabled();
  await page.getByRole("checkbox", { name: "Raw" }).check();
  await waitUpToDate(page);
  await expect(page.getByRole("tab", { name: "Ignition", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Download .ign" })).toBeEnabled();
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-panel")).toContainText("Raw Ignition (--raw)");
  await page.getByRole("checkbox", { name: "Raw" }).uncheck();
  await waitUpToDate(page);
  await expect(page.getByRole("tab", { name: "MachineConfig", exact: true })).toBeVisible();
});

test("Forms › OpenShift edits the MachineConfig's role, FIPS, kernel type and extensions, keeping comments", async () => {
  await load(openshift);
  await showForms();
  const view = page.getByTestId("forms-view");
  await view.getByRole("tab", { name: "OpenShift" }).click();
  await view.getByRole("radiogroup", { name: "Pool (role label)" }).getByRole("radio", { name: "master" }).check();
  await waitUpToDate(page);
  await view.getByLabel("fips").selectOption("true");
  await waitUpToDate(page);
  await view.getByLabel("kernel_type").selectOption("realtime");
  await waitUpToDate(page);
  await view.getByRole("checkbox", { name: /usbguard/ }).check();
  await waitUpToDate(page);
  // 4.22's MCO list: wasm is gone, two-node-ha is there.
  await expect(view.getByRole("checkbox", { name: /two-node-ha/ })).toBeVisible();
  await expect(view.getByRole("checkbox", { name: /wasm/ })).toHaveCount(0);
  await shot("forms-openshift");
  expect(await seriousAxeFindings(page, "[data-testid=forms-view]"), "axe on Forms › OpenShift").toEqual([]);

  const yaml = await expectYaml((t) => t.includes("usbguard"), "the forms' edits reach the YAML");
  expect(yaml).toBe(`# Worker tuning (keep this comment)
variant: openshift
version: 4.22.0
metadata:
  name: 99-worker-tuning # the MachineConfig's name
  labels:
    machineconfiguration.openshift.io/role: master
openshift:
  kernel_arguments:
    - nosmt # no SMT on these nodes
  fips: true
  kernel_type: realtime
  extensions:
    - usbguard
`);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("preview-machineconfig")).toContainText("master");
  await expect(page.getByTestId("preview-machineconfig")).toContainText("realtime");
  await expect(page.getByTestId("preview-machineconfig")).toContainText("usbguard");
});

test("Forms › Updates on Flatcar writes update.conf (strategy, channel, reboot window), keeping comments", async () => {
  const flatcar =
    "# Flatcar web node\nvariant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    # the greeting\n    - path: /etc/motd\n      contents:\n        inline: hi\n";
  await load(flatcar);
  await showForms();
  const view = page.getByTestId("forms-view");
  await view.getByRole("tab", { name: "Updates" }).click();
  await view.getByRole("radiogroup", { name: "Reboot strategy (REBOOT_STRATEGY)" }).getByRole("radio", { name: "etcd-lock" }).check();
  await waitUpToDate(page);
  await view.getByRole("radiogroup", { name: "Channel (GROUP)" }).getByRole("radio", { name: "beta" }).check();
  await waitUpToDate(page);
  await view.getByLabel("Day").selectOption("Thu");
  await waitUpToDate(page);
  const length = view.getByLabel("Length");
  await length.fill("1h");
  await length.press("Enter");
  await waitUpToDate(page);
  await shot("forms-flatcar-updates");
  expect(await seriousAxeFindings(page, "[data-testid=forms-view]"), "axe on Forms › Updates (Flatcar)").toEqual([]);

  const yaml = await expectYaml((t) => t.includes("LOCKSMITHD_REBOOT_WINDOW_LENGTH"), "update.conf reaches the YAML");
  expect(yaml).toBe(`${flatcar}    - path: /etc/flatcar/update.conf
      overwrite: true
      mode: 0644
      contents:
        inline: |
          REBOOT_STRATEGY=etcd-lock
          GROUP=beta
          LOCKSMITHD_REBOOT_WINDOW_START="Thu 04:00"
          LOCKSMITHD_REBOOT_WINDOW_LENGTH=1h
`);
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: none");
});

test("share links carry Strict, Pretty and Raw", async () => {
  await load(openshift);
  const strict = page.getByRole("checkbox", { name: "Strict" });
  const pretty = page.getByRole("checkbox", { name: "Pretty" });
  const raw = page.getByRole("checkbox", { name: "Raw" });
  await strict.check();
  await pretty.uncheck();
  await raw.check();
  await waitUpToDate(page);
  await page.getByRole("button", { name: "Share…" }).click();
  await expect(page.getByTestId("share-options")).toHaveText("The link also sets the output options: Strict on, Pretty off, Raw on.");
  const input = page.getByTestId("share-link");
  await expect(input).toHaveValue(/#v2\/sr\//);
  const link = await input.inputValue();
  await page.getByRole("button", { name: "Close" }).click();

  // Change everything back, then open the link in this tab (only the fragment changes).
  await strict.uncheck();
  await pretty.check();
  await raw.uncheck();
  await load("# something else\nvariant: fcos\nversion: 1.7.0\n");
  await page.goto(link);
  await page.getByTestId("notice-share").getByRole("button", { name: "Open shared config" }).click();
  await expect(page.getByTestId("source-editor")).toContainText("99-worker-tuning");
  await expect(strict).toBeChecked();
  await expect(pretty).not.toBeChecked();
  await expect(raw).toBeChecked();
  await waitUpToDate(page);
  // Raw output of openshift is Ignition; not pretty: one line.
  await expect(page.getByRole("tab", { name: "Ignition", exact: true })).toBeVisible();

  await strict.uncheck();
  await pretty.check();
  await raw.uncheck();
  await waitUpToDate(page);
});

test("templates: preview, insert into my config (comments kept, one undo step), refuse what does not fit", async () => {
  const mine = "# My machine (keep me)\nvariant: fcos\nversion: 1.7.0\npasswd:\n  users:\n    - name: core # me\n";
  await load(mine);
  await page.getByRole("button", { name: "New from template…" }).click();
  const dialog = page.getByRole("dialog", { name: "Templates" });
  // It opens on the config's own variant.
  await expect(dialog.getByLabel("Variant")).toHaveValue("fcos");
  await dialog.getByRole("button", { name: /^Time zone/ }).click();
  const preview = dialog.getByTestId("template-preview");
  await expect(preview.getByTestId("template-source")).toContainText("zoneinfo/Europe/Berlin");
  await expect(preview.getByTestId("template-output")).toContainText('"ignition"');
  await expect(preview).toContainText("Output (Ignition, no problems)");
  await shot("template-dialog");
  expect(await seriousAxeFindings(page, ".kt-dialog"), "axe on the template dialog").toEqual([]);

  await preview.getByRole("button", { name: "Insert into my config" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("notice-template-insert")).toContainText("Inserted “Time zone” into your config");
  const inserted = await expectYaml((t) => t.includes("zoneinfo"), "the template is merged in");
  expect(inserted).toBe(`${mine}storage:\n  links:\n    - path: /etc/localtime\n      target: ../usr/share/zoneinfo/Europe/Berlin\n`);
  await waitUpToDate(page);
  await expect(page.getByRole("tab", { name: /Problems/ })).toHaveAccessibleName("Problems: none");

  // One Ctrl+Z in the editor takes the whole insert out.
  await page.getByTestId("source-editor").locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+Z");
  await expectYaml((t) => t === mine, "one undo restores the text before the insert");

  // A template of another variant is adapted when it fits, refused with the reason when not.
  await page.getByRole("button", { name: "New from template…" }).click();
  await dialog.getByLabel("Variant").selectOption("openshift");
  await dialog.getByRole("button", { name: /^Real-time kernel/ }).click();
  await expect(preview).toContainText("Output (MachineConfig, no problems)");
  await preview.getByRole("button", { name: "Insert into my config" }).click();
  await expect(preview.getByTestId("template-message")).toContainText("Not inserted: this openshift 4.22.0 template does not fit your fcos 1.7.0 config");
  await shot("template-refused");

  await dialog.getByLabel("Variant").selectOption("flatcar");
  await dialog.getByRole("button", { name: /^Static IP address/ }).click();
  await preview.getByRole("button", { name: "Insert into my config" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("notice-template-insert")).toContainText("written for flatcar 1.1.0, adapted to your fcos 1.7.0 config");
  await expectYaml((t) => t.startsWith(mine) && t.includes("/etc/systemd/network/00-static.network"), "adapted insert keeps the user's text");

  // New draft: the template alone; the user's text is kept under Drafts.
  await page.getByRole("button", { name: "New from template…" }).click();
  await dialog.getByLabel("Variant").selectOption("fiot");
  await dialog.getByRole("button", { name: /^Container with Quadlet \(systemd.quadlets\)/ }).click();
  await expect(preview).toContainText("Output (Ignition, no problems)");
  await preview.getByRole("button", { name: "New draft" }).click();
  await expect(dialog).toBeHidden();
  await expectYaml((t) => t.includes("quadlets:") && t.includes("version: 1.1.0-experimental"), "the template is the new draft");
  await page.getByRole("button", { name: "Drafts" }).click();
  await expect(page.getByRole("menuitem", { name: /My machine \(keep me\)/ })).toBeVisible();
  await page.keyboard.press("Escape");
});
