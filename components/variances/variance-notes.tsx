import { LocalTime } from "@/components/ui/local-time";

export function VarianceNotes({
  notes,
}: {
  notes: { id: string; authorName: string; body: string; createdAt: Date }[];
}) {
  if (notes.length === 0) return <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">No notes yet.</p>;
  return (
    <ul className="mt-2 space-y-3" data-testid="variance-notes">
      {notes.map((note) => (
        <li key={note.id} className="text-sm">
          <p className="whitespace-pre-wrap break-words">{note.body}</p>
          <p className="text-xs text-gray-600 dark:text-gray-400">
            {note.authorName} · <LocalTime value={note.createdAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}
