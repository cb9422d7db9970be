import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { looksLikeCryptHash, parseSetting, randomSalt, sha512Crypt, sha512CryptAsync } from "./sha512-crypt.ts";

// Ulrich Drepper, "Unix crypt using SHA-256 and SHA-512", test vectors for SHA-512
// (the first is glibc's/openssl's value for the default 5000 rounds).
const vectors: [setting: string, password: string, expected: string][] = [
  ["$6$saltstring", "Hello world!", "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"],
  [
    "$6$rounds=10000$saltstringsaltstring",
    "Hello world!",
    "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
  ],
  [
    "$6$rounds=5000$toolongsaltstring",
    "This is just a test",
    "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0",
  ],
  [
    "$6$rounds=1400$anotherlongsaltstring",
    "a very much longer text to encrypt.  This one even stretches over morethan one line.",
    "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1",
  ],
  [
    "$6$rounds=77777$short",
    "we have a short salt string but not a short password",
    "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0",
  ],
  [
    "$6$rounds=123456$asaltof16chars..",
    "a short string",
    "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1",
  ],
  [
    "$6$rounds=10$roundstoolow",
    "the minimum number is still observed",
    "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.",
  ],
];

const opensslAvailable = (() => {
  try {
    execFileSync("openssl", ["version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();

describe("SHA-512 crypt", () => {
  it.each(vectors)("Drepper's vector %s", (setting, password, expected) => {
    expect(sha512Crypt(password, parseSetting(setting))).toBe(expected);
  });

  it("the async version (yielding between chunks) gives the same hash", async () => {
    const [setting, password, expected] = vectors[1]!;
    expect(await sha512CryptAsync(password, parseSetting(setting), () => Promise.resolve(), 333)).toBe(expected);
  });

  it("random salts are 16 crypt characters and differ", () => {
    const a = randomSalt();
    expect(a).toMatch(/^[./0-9A-Za-z]{16}$/);
    expect(randomSalt()).not.toBe(a);
  });

  it.skipIf(!opensslAvailable)("agrees with `openssl passwd -6` (the system's crypt) on 5 passwords", () => {
    const cases = [
      ["core", "abcdefgh"],
      ["correct horse battery staple", randomSalt()],
      ["ünïcødé pässwörd 🔑", randomSalt()],
      ["x".repeat(200), "./Zz09"],
      ["tab\tand 'quotes\"", "short"],
    ] as const;
    for (const [pw, salt] of cases) {
      const expected = execFileSync("openssl", ["passwd", "-6", "-salt", salt, "-stdin"], { input: pw + "\n" })
        .toString()
        .trim();
      expect(sha512Crypt(pw, { salt })).toBe(expected);
    }
  });

  it("recognises crypt hashes and not plaintext", () => {
    expect(looksLikeCryptHash(vectors[0]![2])).toBe(true);
    expect(looksLikeCryptHash("$y$j9T$abc$def")).toBe(true);
    expect(looksLikeCryptHash("hunter2")).toBe(false);
    expect(looksLikeCryptHash("my password")).toBe(false);
  });
});
