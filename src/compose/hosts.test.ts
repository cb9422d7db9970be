import { describe, expect, it } from "vitest";
import { parseHosts, substitute, type Host } from "./hosts.ts";
import { buildHosts } from "./build.ts";

const host = (name: string, vars: Record<string, string>): Host => ({ name, vars: new Map(Object.entries(vars)), line: 1 });
const ok = (r: ReturnType<typeof parseHosts>) => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.hosts.map((h) => [h.name, Object.fromEntries(h.vars)]);
};

describe("hosts tables", () => {
  it("YAML map: host → variables; numbers keep their text; null is no value, '' the empty value", () => {
    expect(ok(parseHosts("web1:\n  IP: 10.0.0.1\n  PORT: 0080\n  EMPTY: ''\n  NONE: ~\nweb2: {IP: 10.0.0.2}\nbare:\n", "hosts.yaml"))).toEqual([
      ["web1", { IP: "10.0.0.1", PORT: "0080", EMPTY: "" }],
      ["web2", { IP: "10.0.0.2" }],
      ["bare", {}],
    ]);
  });
  it("YAML list of maps with a host key", () => {
    expect(ok(parseHosts("- host: a\n  IP: 1\n- {host: b, IP: 2}\n", "hosts.yml"))).toEqual([
      ["a", { IP: "1" }],
      ["b", { IP: "2" }],
    ]);
  });
  it("CSV with a header row; quoted fields; an empty cell is no value; CRLF and blank lines", () => {
    expect(ok(parseHosts('host,IP,NOTE\r\nweb1,10.0.0.1,"a ""quoted"", text"\r\n\r\nweb2,,x\r\n', "hosts.csv"))).toEqual([
      ["web1", { IP: "10.0.0.1", NOTE: 'a "quoted", text' }],
      ["web2", { NOTE: "x" }],
    ]);
  });
  it("problems name the file, line and column", () => {
    expect(parseHosts("host,IP\nweb1\n", "h.csv")).toEqual({
      ok: false,
      problems: [{ message: "1 fields where the header has 2", file: "h.csv", line: 2, column: 1 }],
    });
    expect(parseHosts("name,IP\n", "h.csv")).toMatchObject({
      ok: false,
      problems: [{ message: "the first row must be the header `host,NAME1,NAME2…`", line: 1 }],
    });
    expect(parseHosts("web1:\n  IP: 1\nweb1:\n  IP: 2\n", "h.yaml")).toMatchObject({
      ok: false,
      problems: [{ message: "host web1 is listed twice", file: "h.yaml", line: 3, column: 1 }],
    });
    expect(parseHosts("web1:\n  9IP: 1\n  LIST: [1]\n", "h.yaml")).toMatchObject({
      ok: false,
      problems: [
        { message: 'host web1: "9IP" is not a variable name (letters, digits and _, not starting with a digit)', line: 2, column: 3 },
        { message: "host web1: the value of LIST must be a scalar (a string or number)", line: 3, column: 9 },
      ],
    });
    expect(parseHosts("web1: [\n", "h.yaml")).toMatchObject({ ok: false, problems: [{ file: "h.yaml", line: 2 }] });
  });
});

describe("placeholders", () => {
  const h = host("web1", { IP: "10.0.0.1", EMPTY: "" });
  it("${NAME}, ${NAME:-default} (empty or missing), $${ for a literal ${, $NAME untouched", () => {
    expect(substitute("ip: ${IP}\nd: ${MISSING:-x y}\ne: ${EMPTY:-dflt}\nf: ${IP:-no}\nscript: $${HOME} $HOME\n", h, "a.bu")).toEqual({
      ok: true,
      text: "ip: 10.0.0.1\nd: x y\ne: dflt\nf: 10.0.0.1\nscript: ${HOME} $HOME\n",
    });
  });
  it("a missing value names host, file, line and column; every one is reported", () => {
    expect(substitute("a: 1\nb: é ${IP} ${NOPE}\nc: ${ALSO}\n", h, "main.bu")).toEqual({
      ok: false,
      problems: [
        { message: "host web1 has no value for NOPE", file: "main.bu", host: "web1", line: 2, column: 12 },
        { message: "host web1 has no value for ALSO", file: "main.bu", host: "web1", line: 3, column: 4 },
      ],
    });
  });
  it("a ${ that is no placeholder is an error that says how to escape it", () => {
    expect(substitute("x: ${1abc} ${ unclosed", h, "s.bu")).toMatchObject({
      ok: false,
      problems: [
        { message: "`${` starts no placeholder `${NAME}` or `${NAME:-default}`; write `$${` for a literal `${`", line: 1, column: 4 },
        { line: 1, column: 12 },
      ],
    });
  });
});

describe("one build per host", () => {
  const project = {
    main: {
      name: "main.bu",
      source: "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: ${HOST}\n",
    },
    snippets: [
      { name: "net.bu", source: "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /etc/ip\n      contents:\n        inline: ${IP:-dhcp}\n" },
    ],
  };
  it("substitutes each host's values into every file, then merges", () => {
    const builds = buildHosts(project, [host("a", { HOST: "a", IP: "10.0.0.1" }), host("b", { HOST: "b" })]);
    expect(builds.map((b) => b.result?.output)).toEqual([
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/hostname","contents":{"compression":"","source":"data:,a"}},{"path":"/etc/ip","contents":{"compression":"","source":"data:,10.0.0.1"}}]}}\n',
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/hostname","contents":{"compression":"","source":"data:,b"}},{"path":"/etc/ip","contents":{"compression":"","source":"data:,dhcp"}}]}}\n',
    ]);
  });
  it("a host without a value gets no output and a problem naming it", () => {
    const [b] = buildHosts(project, [host("c", {})]);
    expect(b).toMatchObject({ host: "c", problems: [{ message: "host c has no value for HOST", file: "main.bu", host: "c", line: 7, column: 17 }] });
    expect(b!.result).toBeUndefined();
  });
});

describe("host names", () => {
  it("must be usable as file names", () => {
    expect(parseHosts("host,IP\n../etc,1\n", "h.csv")).toMatchObject({
      ok: false,
      problems: [{ message: 'host name "../etc" is not usable as a file name', line: 2 }],
    });
    expect(parseHosts('"a b": {}\n', "h.yaml")).toMatchObject({ ok: false, problems: [{ message: 'host name "a b" is not usable as a file name', line: 1 }] });
  });
});
