"use client";

import { Command } from "cmdk";
import { useState } from "react";
import { matchTier } from "@/lib/search/match-rank";
import { PALETTE_QUERY_MAX_LENGTH, type PaletteItem, type PalettePage } from "@/lib/search/palette-results";
import { useOfferedCommands } from "./palette-commands";
import { type PaletteSearch, usePaletteSearch } from "./use-palette-search";

interface PaletteBodyProps {
  pages: PalettePage[];
  onOpen: (href: string) => void;
  onRun: (run: () => void) => void;
}

interface ResultGroup {
  heading: string;
  items: PaletteItem[];
}

/** The server's groups, in the order people most often want them. */
function resultGroups(search: PaletteSearch): ResultGroup[] {
  if (search.state !== "done") return [];
  const { variances, devices, organizations, pages } = search.results;
  return [
    { heading: "Variances", items: variances },
    { heading: "Devices", items: devices },
    { heading: "Organizations", items: organizations },
    { heading: "Pages", items: pages },
  ].filter((group) => group.items.length > 0);
}

function statusText(search: PaletteSearch, q: string, shown: number): string {
  switch (search.state) {
    case "idle":
      return "Type a hostname, an organisation or a page.";
    case "loading":
      return "Searching…";
    case "error":
      return search.message;
    case "done":
      return shown === 0 ? `Nothing matches “${q}”.` : `${shown} result${shown === 1 ? "" : "s"}.`;
  }
}

const itemClass =
  "cursor-pointer rounded-md px-3 py-2 text-sm data-[selected=true]:bg-blue-100 data-[selected=true]:text-blue-950 dark:data-[selected=true]:bg-blue-900 dark:data-[selected=true]:text-white";
const headingClass =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-gray-600 dark:[&_[cmdk-group-heading]]:text-gray-400";

/**
 * The palette's search box and list. The server finds and ranks (cmdk's own filter is off);
 * the page's commands, and with no text the pages, are listed here. cmdk gives the keyboard:
 * arrows move, Enter chooses.
 */
export function PaletteBody({ pages, onOpen, onRun }: PaletteBodyProps) {
  const [query, setQuery] = useState("");
  const q = query.trim();
  const search = usePaletteSearch(q);
  const commands = useOfferedCommands().filter(
    (command) => !q || matchTier(q, [command.label, ...(command.keywords ?? [])]) !== null,
  );
  const groups: ResultGroup[] = q
    ? resultGroups(search)
    : [
        {
          heading: "Pages",
          items: pages.map((page) => ({ id: page.href, label: page.label, detail: "", href: page.href })),
        },
      ];
  const shown = commands.length + groups.reduce((sum, group) => sum + group.items.length, 0);

  return (
    <Command label="Search and commands" shouldFilter={false} loop vimBindings={false} className={headingClass}>
      <Command.Input
        value={query}
        onValueChange={setQuery}
        maxLength={PALETTE_QUERY_MAX_LENGTH}
        placeholder="Search variances, devices, organisations…"
        className="block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-base shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 dark:border-gray-700 dark:bg-gray-900"
      />
      <p
        role={search.state === "error" ? "alert" : "status"}
        className={`mt-2 text-xs ${search.state === "error" ? "text-rose-700 dark:text-rose-300" : "text-gray-600 dark:text-gray-400"}`}
        data-testid="palette-status"
      >
        {statusText(search, q, shown)}
      </p>
      <Command.List className="mt-1 max-h-[min(24rem,55dvh)] overflow-y-auto">
        {commands.length > 0 && (
          <Command.Group heading="This variance">
            {commands.map((command) => (
              <Command.Item
                key={command.id}
                value={`command:${command.id}`}
                onSelect={() => onRun(command.run)}
                className={itemClass}
              >
                {command.label}
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {groups.map((group) => (
          <Command.Group key={group.heading} heading={group.heading}>
            {group.items.map((item) => (
              <Command.Item
                key={item.id}
                value={`${group.heading}:${item.id}`}
                onSelect={() => onOpen(item.href)}
                className={itemClass}
              >
                <span className="block font-medium wrap-anywhere">{item.label}</span>
                {item.detail && (
                  <span className="block text-xs text-gray-600 wrap-anywhere dark:text-gray-300">{item.detail}</span>
                )}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command>
  );
}
