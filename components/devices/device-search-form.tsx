import { controlClass, labelClass, primaryButtonClass } from "@/components/ui/form-styles";
import { DEVICE_QUERY_MAX_LENGTH } from "@/lib/devices/device-search-params";

/** A plain GET form: the search lives in the URL and works without JavaScript. */
export function DeviceSearchForm({ q }: { q: string | undefined }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the search landmark and still submits.
    <form
      action="/devices"
      method="get"
      role="search"
      aria-label="Devices"
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
    >
      <div className="min-w-0 flex-1">
        <label htmlFor="device-q" className={labelClass}>
          Hostname, display name or serial
        </label>
        <input
          id="device-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={DEVICE_QUERY_MAX_LENGTH}
          placeholder="e.g. ABC-1X2Y3Z4, Jane Doe or 1X2Y"
          autoComplete="off"
          spellCheck={false}
          className={`mt-1 ${controlClass}`}
        />
      </div>
      <button type="submit" className={primaryButtonClass}>
        Search
      </button>
    </form>
  );
}
