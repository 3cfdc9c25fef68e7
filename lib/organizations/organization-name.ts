/**
 * The same client is spelled differently in each vendor ("Acme" in ThreatLocker, "Acme, LLC"
 * in Ninja). Names are matched on this normalised form; an admin's hand-made merges
 * (lib/organizations/organization-aliases.ts) join what it cannot.
 */

/** Legal forms that vendors add or leave out; removed from the end of a name, repeatedly. */
const LEGAL_SUFFIXES = new Set([
  "llc",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "pllc",
  "llp",
  "lp",
  "pc",
  "pa",
  "plc",
  "gmbh",
]);

/**
 * A client's name with the spelling noise between vendors removed: case, accents, "&",
 * punctuation (dots and apostrophes vanish, so "L.L.C." is "llc" and "O'Brien" is "obrien";
 * other marks separate words), runs of spaces, and trailing legal suffixes. A name that is
 * only a suffix ("LLC") keeps it, so it never normalises to nothing.
 */
export function organizationMatchKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replaceAll("&", " and ")
    .replace(/[.'’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? "")) words.pop();
  return words.join(" ");
}
