import { describe, expect, it } from "vitest";
import {
  organizationPath,
  organizationsHref,
  parseOrganizationFilters,
  sortDirectionOf,
  sortHref,
} from "@/lib/organizations/organization-filters";

describe("organisation list URL state", () => {
  it("defaults to every organisation by name", () => {
    const filters = parseOrganizationFilters({});
    expect(filters).toEqual({ sort: "name", internal: "include" });
    expect(sortDirectionOf(filters)).toBe("asc");
    expect(organizationsHref(filters)).toBe("/organizations");
  });

  it("reads search, sort, direction and the internal toggle, first value of a repeated one", () => {
    const filters = parseOrganizationFilters({
      q: ["  acme ", "other"],
      sort: "spare",
      dir: "asc",
      internal: "exclude",
    });
    expect(filters).toEqual({ q: "acme", sort: "spare", dir: "asc", internal: "exclude" });
    expect(organizationsHref(filters)).toBe("/organizations?q=acme&sort=spare&dir=asc&internal=exclude");
  });

  it("falls back to defaults for hand-edited values", () => {
    expect(parseOrganizationFilters({ q: "x".repeat(300), sort: "drop table", dir: "up", internal: "1" })).toEqual({
      sort: "name",
      internal: "include",
    });
    expect(parseOrganizationFilters({ q: "   " })).toEqual({ sort: "name", internal: "include" });
  });

  it("sorts figures largest first, and a second click on a header reverses it", () => {
    const byName = parseOrganizationFilters({});
    expect(sortHref(byName, "open")).toBe("/organizations?sort=open");
    expect(sortHref(parseOrganizationFilters({ sort: "open" }), "open")).toBe("/organizations?sort=open&dir=asc");
    expect(sortHref(byName, "name")).toBe("/organizations?dir=desc");
    expect(sortHref(parseOrganizationFilters({ q: "acme", internal: "exclude" }), "ninja")).toBe(
      "/organizations?q=acme&sort=ninja&internal=exclude",
    );
  });

  it("links an organisation by its encoded key", () => {
    expect(organizationPath("smith and jones")).toBe("/organizations/smith%20and%20jones");
  });

  it("pages from 2 on in the URL, and a new sort starts again on page 1", () => {
    expect(parseOrganizationFilters({ page: "1" })).toEqual({ sort: "name", internal: "include" });
    expect(parseOrganizationFilters({ page: "x" })).toEqual({ sort: "name", internal: "include" });
    const third = parseOrganizationFilters({ q: "acme", page: "3" });
    expect(third.page).toBe(3);
    expect(organizationsHref(third)).toBe("/organizations?q=acme&page=3");
    expect(sortHref(third, "open")).toBe("/organizations?q=acme&sort=open");
  });
});
