import { signInWithEntra } from "@/app/login/actions";
import { primaryButtonClass } from "@/components/ui/form-styles";

/** Staff sign in with their Microsoft work account; local accounts stay below for break-glass use. */
export function EntraSignInButton({ callbackPath }: { callbackPath: string }) {
  return (
    <form action={signInWithEntra} className="mt-8">
      <input type="hidden" name="callbackPath" value={callbackPath} />
      <button type="submit" className={`w-full ${primaryButtonClass}`}>
        Sign in with Microsoft
      </button>
      <p className="mt-6 border-t border-gray-200 pt-4 text-xs text-gray-600 dark:border-gray-800 dark:text-gray-400">
        Or with a local account:
      </p>
    </form>
  );
}
