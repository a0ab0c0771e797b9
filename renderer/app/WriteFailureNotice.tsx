import { dismissWriteFailure, useWriteFailure } from './userDataWrites';

/** The last failed save of the user's data (storage full …), until dismissed. */
export function WriteFailureNotice() {
  const failure = useWriteFailure();
  if (!failure) return null;
  return (
    <div className="rr-notice rr-notice-error rr-write-failure" role="alert">
      <span>{failure.message}</span>{' '}
      <button type="button" className="rr-button" onClick={dismissWriteFailure}>
        Dismiss
      </button>
    </div>
  );
}
