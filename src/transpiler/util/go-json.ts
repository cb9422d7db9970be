/** Go encoding/json's syntax errors (`invalid character 'o' in literal null (expecting 'u')`), for inline configs. */

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return "'" + q.slice(1, -1) + "'";
}

/** The Go error text for the first syntax error in `text`, or null when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const bad = (ctx: string) => `invalid character ${quoteChar(text[i]!)} ${ctx}`;
  const END = "unexpected end of JSON input";
  let depth = 0;

  const value = (): string | null => {
    ws();
    if (i >= n) return END;
    const c = text[i]!;
    if (c === "{") {
      if (++depth > 10000) return "exceeded max depth";
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        depth--;
        return null;
      }
      for (;;) {
        ws();
        if (i >= n) return END;
        if (text[i] !== '"') return bad("looking for beginning of object key string");
        const e = str();
        if (e) return e;
        ws();
        if (i >= n) return END;
        if (text[i] !== ":") return bad("after object key");
        i++;
        const v = value();
        if (v) return v;
        ws();
        if (i >= n) return END;
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          depth--;
          return null;
        }
        return bad("after object key:value pair");
      }
    }
    if (c === "[") {
      if (++depth > 10000) return "exceeded max depth";
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        depth--;
        return null;
      }
      for (;;) {
        const v = value();
        if (v) return v;
        ws();
        if (i >= n) return END;
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          depth--;
          return null;
        }
        return bad("after array element");
      }
    }
    if (c === '"') return str();
    if (c === "-" || (c >= "0" && c <= "9")) return num();
    for (const lit of ["true", "false", "null"]) {
      if (c === lit[0]) {
        for (let k = 1; k < lit.length; k++) {
          i++;
          if (i >= n) return END;
          if (text[i] !== lit[k]) return bad(`in literal ${lit} (expecting ${quoteChar(lit[k]!)})`);
        }
        i++;
        return null;
      }
    }
    return bad("looking for beginning of value");
  };

  const str = (): string | null => {
    i++;
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return null;
      }
      if (c === "\\") {
        i++;
        if (i >= n) return END;
        const e = text[i]!;
        if (e === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) return END;
            if (!/[0-9a-fA-F]/.test(text[i]!)) return bad("in \\u hexadecimal character escape");
          }
        } else if (!'"\\/bfnrt'.includes(e)) return bad("in string escape code");
      } else if (c < " ") return bad("in string literal");
      i++;
    }
    return END;
  };

  const num = (): string | null => {
    if (text[i] === "-") {
      i++;
      if (i >= n) return END;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return bad("in numeric literal");
    }
    if (text[i] === "0") i++;
    else while (i < n && text[i]! >= "0" && text[i]! <= "9") i++;
    if (text[i] === ".") {
      i++;
      if (i >= n) return END;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return bad("after decimal point in numeric literal");
      while (i < n && text[i]! >= "0" && text[i]! <= "9") i++;
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      if (i >= n) return END;
      if (!(text[i]! >= "0" && text[i]! <= "9")) return bad("in exponent of numeric literal");
      while (i < n && text[i]! >= "0" && text[i]! <= "9") i++;
    }
    return null;
  };

  const e = value();
  if (e) return e;
  ws();
  if (i < n) return bad("after top-level value");
  return null;
}
