/**
 * A placeholder in a code block: its value for this incident, marked, or (with no value yet) the placeholder
 * as written, marked as still to fill. The value is text: nothing in it is ever interpreted.
 */
export function PlaceholderMark({ raw, value, incidentOpen }: { raw: string; value?: string | undefined; incidentOpen: boolean }) {
  if (value !== undefined) {
    return (
      <mark className="rr-placeholder rr-placeholder-filled" title={`${raw} for this incident`}>
        {value}
      </mark>
    );
  }
  return (
    <mark
      className="rr-placeholder rr-placeholder-empty"
      title={incidentOpen ? 'No value yet: fill it in the incident panel' : 'Start an incident to fill it'}
    >
      {raw}
    </mark>
  );
}
